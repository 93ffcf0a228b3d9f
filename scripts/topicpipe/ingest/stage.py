"""The ingest stage on files: read any corpus path, write its documents and the audit.

The rule ``ingest`` calls ``ingest_to_files``; so can any other caller (e.g. to ingest
a new corpus with the settings of an earlier run), with the same files as result.
"""

from __future__ import annotations

import csv
import logging
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from topicpipe.adapt import choose_unit
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
from topicpipe.ingest.units import split_units
from topicpipe.jsonl import read_jsonl, write_jsonl

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
    corpus: Path,
    options: IngestOptions,
    paths: IngestPaths,
    log: logging.Logger,
    paragraphs_below: int | None = None,
) -> dict[str, Any]:
    """Ingest ``corpus`` into ``paths``; return the summary.

    With ``ingest.unit`` auto, a corpus of fewer than ``paragraphs_below`` articles is split
    into paragraphs once all of it has been read (``adapt.choose_unit``); without
    ``paragraphs_below`` auto keeps articles. Raises ``IngestError`` (after writing every
    file, so the manifest says why) when no document could be read.
    """
    audit_files = (paths.manifest, paths.boilerplate, paths.duplicates)
    with ExitStack() as stack:
        handles = [
            stack.enter_context(open(p, "w", newline="", encoding="utf-8")) for p in audit_files
        ]
        run = Ingest(corpus, options, CsvAudit(*handles, log), log)
        count = write_jsonl(paths.documents, run.documents())
    unit = choose_unit(options.unit, run.counts.articles, paragraphs_below or 0)
    if options.unit == "auto" and unit != "article" and run.counts.articles:
        per_file = split_documents(paths.documents, replace(options, unit=unit))
        recount_units(paths.manifest, per_file)
        run.counts.units = Counter({unit: sum(per_file.values())})
        count = sum(per_file.values())
        log.info(
            "unit auto: %d articles, fewer than %d, so %d %ss are modelled",
            run.counts.articles,
            paragraphs_below,
            count,
            unit,
        )
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


def split_documents(path: str | Path, options: IngestOptions) -> Counter[str]:
    """Rewrite the article records in ``path`` as the units of ``options.unit``; return the
    number of units of each input file (by ``source_path``)."""
    per_file: Counter[str] = Counter()
    staged = Path(f"{path}.split")

    def units() -> Iterator[dict[str, Any]]:
        for record in read_jsonl(path):
            for unit in split_units(
                record, options.unit, options.paragraph_min_words, options.window_words
            ):
                per_file[unit["source_path"]] += 1
                yield unit

    write_jsonl(staged, units())
    os.replace(staged, path)
    return per_file


def recount_units(manifest: str | Path, per_file: Counter[str]) -> None:
    """Set ``n_units`` of each kept file in the manifest to its count in ``per_file``."""
    with open(manifest, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["path"] in per_file:
            row["n_units"] = str(per_file[row["path"]])
    with open(manifest, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
