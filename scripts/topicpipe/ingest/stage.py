"""The ingest stage on files: read any corpus path, write its documents and the audit.

The rule ``ingest`` calls ``ingest_to_files``; so can any other caller (e.g. to ingest
a new corpus with the settings of an earlier run), with the same files as result.
"""

from __future__ import annotations

import csv
import logging
import os
import shutil
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
    PROBLEM_FIELDS,
    Ingest,
    IngestError,
    IngestOptions,
    ManifestRow,
    Problem,
)
from topicpipe.ingest.summary import summary_markdown
from topicpipe.ingest.units import split_units
from topicpipe.jsonl import read_jsonl, write_jsonl

BOILERPLATE_FIELDS = ["id", "line", "kind", "text"]
DUPLICATE_FIELDS = [
    "id",
    "source_path",
    "duplicate_of",
    "duplicate_of_path",
    "kind",
    "similarity",
    "days_apart",
    "action",
]


@dataclass(frozen=True)
class IngestPaths:
    """Where the ingest stage writes its files. ``problems``: the records that are not
    documents (``problems.csv`` beside the manifest when not given). ``kept``: a folder that
    also gets the manifest, the problems table and the summary, written even when the stage
    fails, e.g. the rule's log folder, which Snakemake does not delete after a failed job."""

    documents: str | Path
    manifest: str | Path
    summary: str | Path
    summary_md: str | Path
    duplicates: str | Path
    boilerplate: str | Path
    problems: str | Path | None = None
    kept: str | Path | None = None

    @property
    def problems_path(self) -> Path:
        """Where the problems table goes."""
        return Path(self.problems or Path(self.manifest).with_name("problems.csv"))


class CsvAudit:
    """A sink that writes the manifest, the problem records, the removed boilerplate and the
    duplicates as they come (so memory does not grow with the corpus)."""

    def __init__(
        self, manifest: TextIO, boilerplate: TextIO, duplicates: TextIO, problems: TextIO, log
    ):
        self.manifest = csv.DictWriter(manifest, fieldnames=MANIFEST_FIELDS)
        self.boilerplate = csv.writer(boilerplate)
        self.duplicates = csv.writer(duplicates)
        self.problems = csv.writer(problems)
        self.log = log
        self.manifest.writeheader()
        self.boilerplate.writerow(BOILERPLATE_FIELDS)
        self.duplicates.writerow(DUPLICATE_FIELDS)
        self.problems.writerow(PROBLEM_FIELDS)

    def file(self, row: ManifestRow) -> None:
        self.manifest.writerow(row.as_dict())

    def problem(self, problem: Problem) -> None:
        self.problems.writerow([getattr(problem, name) for name in PROBLEM_FIELDS])

    def removed(self, doc_id: str, removal: Removal) -> None:
        self.boilerplate.writerow([doc_id, removal.line, removal.kind, removal.text])

    def duplicate(self, doc_id: str, path: str, match: Match) -> None:
        action = "similar, kept" if match.kept_both else "dropped"
        apart = "" if match.days_apart is None else match.days_apart
        self.duplicates.writerow(
            [doc_id, path, match.kept_id, match.kept_path, match.kind, match.similarity]
            + [apart, action]
        )
        self.log.info("%s", duplicate_message(doc_id, match))


def duplicate_message(doc_id: str, match: Match) -> str:
    """``b is an exact duplicate of a``, or why a similar article was kept."""
    what = "an exact duplicate" if match.kind == "exact" else "a near-duplicate"
    if not match.kept_both:
        return f"{doc_id} is {what} of {match.kept_id}: dropped"
    days = "1 day" if match.days_apart == 1 else f"{match.days_apart} days"
    return (
        f"{doc_id} is {what} of {match.kept_id} but dated {days} apart "
        "(more than ingest.duplicates.max_days_apart): kept as a separate article"
    )


def ingest_to_files(
    corpus: Path,
    options: IngestOptions,
    paths: IngestPaths,
    log: logging.Logger,
    paragraphs_below: int | None = None,
) -> dict[str, Any]:
    """Ingest ``corpus`` into ``paths``; return the summary.

    The manifest, problems table and summary are written, and copied to ``paths.kept``,
    also when the run stops; then ``IngestError`` (no document could be read) names the
    copies, which outlive the failed job. With ``ingest.unit`` auto, a corpus of fewer than
    ``paragraphs_below`` articles is split into paragraphs once all of it has been read
    (``adapt.choose_unit``); without ``paragraphs_below`` auto keeps articles.
    """
    audit_files = (paths.manifest, paths.boilerplate, paths.duplicates, paths.problems_path)
    run = Ingest(corpus, options, log=log)
    count = 0
    try:
        with ExitStack() as stack:
            handles = [
                stack.enter_context(open(p, "w", newline="", encoding="utf-8")) for p in audit_files
            ]
            run.sink = CsvAudit(*handles, log)
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
    finally:
        summary = run.counts.as_dict()
        write_json(paths.summary, summary, newline=True, indent=2, sort_keys=True)
        Path(paths.summary_md).write_text(summary_markdown(summary), encoding="utf-8")
        kept = _keep_audit(paths)
    files, articles = summary["files"], summary["articles"]
    log.info(
        "files: %d seen, %d kept, skipped by reason %s",
        files["seen"],
        files["kept"],
        files["skipped_by_reason"],
    )
    log.info(
        "articles: %d kept (%d undated), duplicates removed %s, %d similar kept, "
        "%d bad records, boilerplate %d lines / %d chars",
        articles["kept"],
        articles["undated"],
        summary["duplicates_removed"],
        summary["similar_kept"],
        articles["bad_rows"],
        summary["boilerplate"]["lines_removed"],
        summary["boilerplate"]["chars_removed"],
    )
    if count == 0:
        raise IngestError(
            f"no documents were read from {corpus}: all {files['seen']} files were "
            f"skipped or emptied by cleaning (reasons: {files['skipped_by_reason'] or 'none'}). "
            f"See {kept['manifest']} for each file's fate and {kept['problems']} for each bad "
            "record; point 'corpus' at a folder of text files or fix ingest.glob / "
            "ingest.format / ingest.columns"
        )
    units = ", ".join(summary["documents_by_unit"]) or options.unit
    log.info("wrote %d documents (unit: %s) to %s", count, units, paths.documents)
    return summary


def _keep_audit(paths: IngestPaths) -> dict[str, str]:
    """Copy the manifest, problems and summary into ``paths.kept`` (when given); return
    where each of them can be read after the run."""
    places = {
        "manifest": paths.manifest,
        "problems": paths.problems_path,
        "summary.md": paths.summary_md,
        "summary.json": paths.summary,
    }
    if paths.kept is None:
        return {name: str(path) for name, path in places.items()}
    folder = Path(paths.kept)
    folder.mkdir(parents=True, exist_ok=True)
    kept = {}
    for name, path in places.items():
        target = folder / (name if "." in name else f"{name}.csv")
        if Path(path).exists():
            shutil.copyfile(path, target)
        kept[name] = str(target)
    return kept


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
