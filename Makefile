# The two commands of the README:
#   make run   - set up .venv if missing, then run the whole workflow on the default corpus
#   make test  - set up .venv if missing, then run the test suite
# Extra snakemake arguments go in ARGS, e.g. make run ARGS="--config corpus=my/folder".

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
CORES ?= all

.PHONY: run test lint format report clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "topicpipe needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

run: $(STAMP)
	$(BIN)/snakemake --cores $(CORES) $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/snakefmt --check Snakefile workflow/rules
	$(BIN)/snakemake --lint

format: $(STAMP)
	$(BIN)/ruff format scripts tests benchmarks
	$(BIN)/ruff check --fix scripts tests benchmarks
	$(BIN)/snakefmt Snakefile workflow/rules

report: $(STAMP)
	$(BIN)/snakemake --cores $(CORES) $(ARGS)
	$(BIN)/snakemake --report results/report.html $(ARGS)

clean:
	rm -rf results .snakemake
