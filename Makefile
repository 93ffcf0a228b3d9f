# The two commands of the README:
#   make run   - set up .venv if missing, then run the whole workflow on the default corpus
#   make test  - set up .venv if missing, then run the test suite
# Extra snakemake arguments go in ARGS, e.g. make run ARGS="--config corpus=my/folder".

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
CORES ?= all
# Every run takes the workflow profile: the rules' default resources.
SNAKEMAKE := $(BIN)/snakemake --workflow-profile workflow/profiles/default

.PHONY: run test browser slurm lint format report clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "topicpipe needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

run: $(STAMP)
	$(SNAKEMAKE) --cores $(CORES) $(ARGS)

# The explorer's browser test drives Debian's Chromium; install it when missing and root
# (as in CI). Elsewhere the test is skipped with the reason.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium and chromium-driver for the browser test"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
			|| echo "could not install chromium; the browser test will be skipped"; \
	else echo "chromium/chromedriver missing (not root): the browser test will be skipped"; fi

# The SLURM test starts a one-node cluster from Debian's munge and SLURM packages; install
# them when missing and root (as in CI). Elsewhere the test is skipped with the reason.
slurm:
	@PATH="$$PATH:/usr/sbin:/sbin"; if command -v munged >/dev/null && command -v slurmctld >/dev/null && command -v slurmd >/dev/null \
		&& command -v sbatch >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing munge and SLURM for the cluster test"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends munge slurmctld slurmd slurm-client >/dev/null) \
			|| echo "could not install SLURM; the cluster test will be skipped"; \
	else echo "SLURM missing (not root or no apt-get): the cluster test will be skipped"; fi

test: $(STAMP) browser slurm
	$(BIN)/python -m pytest $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/snakefmt --check Snakefile workflow/rules
	$(SNAKEMAKE) --lint

format: $(STAMP)
	$(BIN)/ruff format scripts tests benchmarks
	$(BIN)/ruff check --fix scripts tests benchmarks
	$(BIN)/snakefmt Snakefile workflow/rules

report: $(STAMP)
	$(SNAKEMAKE) --cores $(CORES) $(ARGS)
	$(SNAKEMAKE) --report results/report.html $(ARGS)

clean:
	rm -rf results .snakemake
