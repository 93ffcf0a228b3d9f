# Shared helpers for the rule files.
from snakemake.exceptions import WorkflowError

from topicpipe.apply.request import ApplyError, requested
from topicpipe.ingest import content_index, resolve_corpus

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
# Paths, sizes and modification times of everything under the corpus, hashed: a change
# anywhere in it (a file added, removed, renamed or edited, in any sub-folder) changes the
# ingest rule's params, so ingest and every later rule rerun; nothing is opened.
CORPUS_INDEX = content_index(CORPUS_PATH)

# Every rule runs in the same pinned environment (see workflow/envs/topicpipe.yaml). The
# linter wants it on each rule: a global conda: directive would install it into Snakemake's
# own process instead.
ENV = "../envs/topicpipe.yaml"


def apply_request():
    """The name and path of the corpus to apply the bundle to (apply_corpus, apply_name)."""
    try:
        return requested(config)
    except ApplyError as error:
        raise WorkflowError(str(error)) from None


def apply_inputs(wildcards):
    """The new corpus of results/apply/{name} (and its sidecar, if any)."""
    name, corpus = apply_request()
    if wildcards.name != name:
        raise WorkflowError(
            f"results/apply/{wildcards.name}: apply_corpus {config['apply_corpus']!r} is "
            f"applied as {name!r}; set apply_name={wildcards.name} to write it there"
        )
    return {
        "corpus": str(corpus),
        "metadata": config["apply_ingest"].get("metadata") or [],
    }
