"""The ingest stage on files: read any corpus path, write its documents and the audit.

The rule ``ingest`` calls ``ingest_to_files``; so can any other caller (e.g. to ingest
a new corpus with the settings of an earlier run), with the same files as result.
"""

from __future__ import annotations

import csv
import logging
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from topicpipe.files import write_json
from topicpipe.ingest.article import Removal
from topicpipe.ingest.duplicates import Match
from topicpipe.ingest.pipeline import (
    MANIFEST_FIELDS,
    Ingest,
    IngestError,
    IngestOptions,
    ManifestRow,
)
from topicpipe.ingest.summary import summary_markdown
from topicpipe.jsonl import write_jsonl

BOILERPLATE_FIELDS = ["id", "line", "kind", "text"]
DUPLICATE_FIELDS = ["id", "source_path", "duplicate_of", "duplicate_of_path", "kind", "similarity"]


@dataclass(frozen=True)
class IngestPaths:
    """Where the ingest stage writes its files."""

    documents: str | Path
    manifest: str | Path
    summary: str | Path
    summary_md: str | Path
    duplicates: str | Path
    boilerplate: str | Path


class CsvAudit:
    """A sink that writes the manifest, the removed boilerplate and the dropped duplicates
    as they come (so memory does not grow with the corpus)."""

    def __init__(self, manifest: TextIO, boilerplate: TextIO, duplicates: TextIO, log):
        self.manifest = csv.DictWriter(manifest, fieldnames=MANIFEST_FIELDS)
        self.boilerplate = csv.writer(boilerplate)
        self.duplicates = csv.writer(duplicates)
        self.log = log
        self.manifest.writeheader()
        self.boilerplate.writerow(BOILERPLATE_FIELDS)
        self.duplicates.writerow(DUPLICATE_FIELDS)

    def file(self, row: ManifestRow) -> None:
        self.manifest.writerow(row.as_dict())

    def removed(self, doc_id: str, removal: Removal) -> None:
        self.boilerplate.writerow([doc_id, removal.line, removal.kind, removal.text])

    def duplicate(self, doc_id: str, path: str, match: Match) -> None:
        self.duplicates.writerow(
            [doc_id, path, match.kept_id, match.kept_path, match.kind, match.similarity]
        )
        article = "an" if match.kind == "exact" else "a"
        self.log.info("%s is %s %s duplicate of %s", doc_id, article, match.kind, match.kept_id)


def ingest_to_files(
    corpus: Path, options: IngestOptions, paths: IngestPaths, log: logging.Logger
) -> dict[str, Any]:
    """Ingest ``corpus`` into ``paths``; return the summary.

    Raises ``IngestError`` (after writing every file, so the manifest says why) when no
    document could be read.
    """
    audit_files = (paths.manifest, paths.boilerplate, paths.duplicates)
    with ExitStack() as stack:
        handles = [
            stack.enter_context(open(p, "w", newline="", encoding="utf-8")) for p in audit_files
        ]
        run = Ingest(corpus, options, CsvAudit(*handles, log), log)
        count = write_jsonl(paths.documents, run.documents())
    summary = run.counts.as_dict()
    write_json(paths.summary, summary, newline=True, indent=2, sort_keys=True)
    Path(paths.summary_md).write_text(summary_markdown(summary), encoding="utf-8")
    files, articles = summary["files"], summary["articles"]
    log.info(
        "files: %d seen, %d kept, skipped by reason %s",
        files["seen"],
        files["kept"],
        files["skipped_by_reason"],
    )
    log.info(
        "articles: %d kept (%d undated), duplicates removed %s, boilerplate %d lines / %d chars",
        articles["kept"],
        articles["undated"],
        summary["duplicates_removed"],
        summary["boilerplate"]["lines_removed"],
        summary["boilerplate"]["chars_removed"],
    )
    if count == 0:
        raise IngestError(
            f"no documents were read from {corpus}: all {files['seen']} files were "
            f"skipped or emptied by cleaning (reasons: {files['skipped_by_reason'] or 'none'}). "
            f"See {paths.manifest} for each file's fate; point 'corpus' at a folder of text "
            "files or fix ingest.glob / ingest.format / ingest.columns"
        )
    log.info("wrote %d documents (unit: %s) to %s", count, options.unit, paths.documents)
    return summary
