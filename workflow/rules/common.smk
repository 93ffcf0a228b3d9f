# Shared helpers for the rule files.
import sys
from pathlib import Path

# The package lives in scripts/; the workflow itself also imports it here.
sys.path.insert(0, str(Path(workflow.basedir) / "scripts"))

from topicpipe.ingest import resolve_corpus

RESULTS = "results"
# Every rule file appends the outputs that `rule all` builds.
TARGETS = []

CORPUS_PATH = str(resolve_corpus(config["corpus"]))

# Every rule runs in the same pinned environment (see workflow/envs/topicpipe.yaml).
ENV = "../envs/topicpipe.yaml"
