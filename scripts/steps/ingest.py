"""Snakemake adapter for the ingest stage: documents, manifest, audit files and summary."""

import csv
import json
import sys
from contextlib import ExitStack
from pathlib import Path

from topicpipe.ingest import Ingest, IngestError, IngestOptions
from topicpipe.ingest.metadata import MetadataError
from topicpipe.ingest.patterns import PatternError
from topicpipe.ingest.pipeline import MANIFEST_FIELDS
from topicpipe.ingest.summary import summary_markdown
from topicpipe.jsonl import write_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("ingest", smk.log[0])
out = smk.output


def stop(message: str) -> None:
    log.error("%s", message)
    sys.exit(f"ingest: {message}")


class CsvSink:
    """Writes the manifest, the removed boilerplate and the dropped duplicates as they come."""

    def __init__(self, handles):
        self.manifest = csv.DictWriter(handles[0], fieldnames=MANIFEST_FIELDS)
        self.boilerplate = csv.writer(handles[1])
        self.duplicates = csv.writer(handles[2])
        self.manifest.writeheader()
        self.boilerplate.writerow(["id", "line", "kind", "text"])
        self.duplicates.writerow(
            ["id", "source_path", "duplicate_of", "duplicate_of_path", "kind", "similarity"]
        )

    def file(self, row):
        self.manifest.writerow(row.as_dict())

    def removed(self, doc_id, removal):
        self.boilerplate.writerow([doc_id, removal.line, removal.kind, removal.text])

    def duplicate(self, doc_id, path, match):
        self.duplicates.writerow(
            [doc_id, path, match.kept_id, match.kept_path, match.kind, match.similarity]
        )
        log.info(
            "%s is a%s duplicate of %s", doc_id, "n" if match.kind == "exact" else "", match.kept_id
        )


try:
    options = IngestOptions.from_config(smk.params.options)
except PatternError as error:
    stop(str(error))
paths = (out.manifest, out.boilerplate, out.duplicates)
with ExitStack() as stack:
    handles = [stack.enter_context(open(p, "w", newline="", encoding="utf-8")) for p in paths]
    run = Ingest(Path(smk.input.corpus), options, CsvSink(handles), log)
    try:
        count = write_jsonl(out.documents, run.documents())
    except (IngestError, MetadataError) as error:
        stop(str(error))

summary = run.tally.as_dict()
with open(out.summary, "w", encoding="utf-8") as handle:
    json.dump(summary, handle, indent=2, sort_keys=True)
    handle.write("\n")
Path(out.summary_md).write_text(summary_markdown(summary), encoding="utf-8")
files = summary["files"]
log.info(
    "files: %d seen, %d kept, skipped by reason %s",
    files["seen"],
    files["kept"],
    files["skipped_by_reason"],
)
log.info(
    "articles: %d kept (%d undated), duplicates removed %s, boilerplate %d lines / %d chars",
    summary["articles"]["kept"],
    summary["articles"]["undated"],
    summary["duplicates_removed"],
    summary["boilerplate"]["lines_removed"],
    summary["boilerplate"]["chars_removed"],
)
if count == 0:
    stop(
        f"no documents were read from {smk.input.corpus}: all {files['seen']} files were "
        f"skipped or emptied by cleaning (reasons: {files['skipped_by_reason'] or 'none'}). "
        f"See {out.manifest} for each file's fate; point 'corpus' at a folder of text files "
        "or fix ingest.glob / ingest.format / ingest.columns"
    )
log.info("wrote %d documents (unit: %s) to %s", count, options.unit, out.documents)
