# Shared helpers for the rule files.
from snakemake.exceptions import WorkflowError

from topicpipe.ingest import resolve_corpus

RESULTS = "results"
# Each rule's log and benchmark go here, named after the rule (and its wildcards).
LOGS = f"{RESULTS}/logs"
BENCHMARKS = f"{RESULTS}/benchmarks"
# Each rule's automatic choices and warnings (topicpipe.notes), gathered by rule run_notes.
NOTES = f"{RESULTS}/notes"
# Every rule file appends the outputs that `rule all` builds.
TARGETS = []

CORPUS_PATH = str(resolve_corpus(config["corpus"]))
# Fail before any job with a message that names the setting and the fix.
if not Path(CORPUS_PATH).exists():
    raise WorkflowError(
        f"corpus: the path {CORPUS_PATH!r} does not exist. Set 'corpus' in config.yaml or "
        "run with --config corpus=PATH (a folder of .txt files or a one-document-per-line "
        "file), or corpus=lee for the bundled default corpus."
    )

# Every rule runs in the same pinned environment (see workflow/envs/topicpipe.yaml). The
# linter wants it on each rule: a global conda: directive would install it into Snakemake's
# own process instead.
ENV = "../envs/topicpipe.yaml"
