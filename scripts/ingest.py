"""Snakemake adapter for the ingest stage."""

import csv
import sys
from collections import Counter
from pathlib import Path

from topicpipe.ingest import IngestError, ingest_corpus
from topicpipe.ingest.pipeline import MANIFEST_FIELDS, IngestOptions
from topicpipe.jsonl import write_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("ingest", smk.log[0])
opts = smk.params.options
options = IngestOptions(format=opts["format"], glob=opts["glob"], max_bytes=opts["max_bytes"])

fates: Counter = Counter()
with open(smk.output.manifest, "w", newline="", encoding="utf-8") as handle:
    manifest = csv.DictWriter(handle, fieldnames=MANIFEST_FIELDS)
    manifest.writeheader()

    def on_file(row):
        manifest.writerow(row.as_dict())
        fates[row.reason or row.status] += 1
        if row.status != "kept":
            log.warning("skipped %s: %s", row.path, row.reason)

    try:
        count = write_jsonl(
            smk.output.documents, ingest_corpus(Path(smk.input[0]), options, on_file, log)
        )
    except IngestError as error:
        log.error("%s", error)
        sys.exit(f"ingest: {error}")

log.info("files by fate: %s", dict(sorted(fates.items())))
if count == 0:
    message = (
        f"no documents were read from {smk.input[0]}: every file was skipped "
        f"(see {smk.output.manifest} for each file's reason)"
    )
    log.error(message)
    sys.exit(f"ingest: {message}")
log.info("wrote %d documents to %s", count, smk.output.documents)
