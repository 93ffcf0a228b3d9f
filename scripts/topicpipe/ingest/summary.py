"""Counts of what ingest did, for ``summary.json`` and a short Markdown table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from topicpipe.ingest.metadata import Sidecar
from topicpipe.notes import Note, count, warning


@dataclass
class IngestCounts:
    """Running counts, updated as files and documents go by (constant memory)."""

    files_seen: int = 0
    files_kept: int = 0
    skipped: Counter = field(default_factory=Counter)
    formats: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)
    encoding_notes: Counter = field(default_factory=Counter)
    records: int = 0
    articles: int = 0
    units: Counter = field(default_factory=Counter)
    dated: int = 0
    undated: int = 0
    duplicates: Counter = field(default_factory=Counter)
    empty_documents: int = 0
    bad_rows: int = 0
    bad_kinds: Counter = field(default_factory=Counter)
    similar_kept: int = 0
    renamed_ids: int = 0
    removed_kinds: Counter = field(default_factory=Counter)
    lines_removed: int = 0
    chars_removed: int = 0
    chars_kept: int = 0
    sources: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    with_author: int = 0
    date_problems: int = 0
    date_problem_examples: list[dict[str, str]] = field(default_factory=list)
    sidecar: dict[str, Any] = field(default_factory=dict)

    def add_file(
        self, status: str, reason: str, file_format: str, encoding: str, records: int = 0
    ) -> None:
        self.files_seen += 1
        self.records += records
        self.formats[file_format] += 1
        if encoding:
            self.encodings[encoding] += 1
        if status == "skipped":
            self.skipped[reason.split(" (")[0]] += 1
        else:
            self.files_kept += 1

    def add_bad_record(self, kind: str) -> None:
        """Count a record of a table or lines file that could not be used, by kind."""
        self.bad_rows += 1
        self.bad_kinds[kind] += 1

    def add_encoding_note(self, encoding: str) -> None:
        """Count a file read in doubt (mixed encodings, bytes replaced), by its encoding."""
        self.encoding_notes[encoding] += 1

    def add_article(
        self, date: str, source_from: str, chars: int, title_from: str = "", author: str = ""
    ) -> None:
        self.articles += 1
        self.chars_kept += chars
        self.sources[source_from or "none"] += 1
        self.titles[title_from or "none"] += 1
        self.with_author += bool(author)
        if date:
            self.dated += 1
        else:
            self.undated += 1

    def add_date_problem(self, path: str, doc_id: str, note: str, keep: int = 20) -> None:
        """Count a date that could not be read; the first ``keep`` are listed."""
        self.date_problems += 1
        if len(self.date_problem_examples) < keep:
            self.date_problem_examples.append({"file": path, "id": doc_id, "problem": note})

    def add_sidecar(self, sidecar: Sidecar) -> None:
        """Rows of the metadata sidecar: used, unused, and keys given on several rows."""
        self.sidecar = {
            "file": sidecar.path,
            "rows": len(sidecar),
            "used": len(sidecar.used),
            "unused": len(sidecar.unused()),
            "repeated_keys": {key: lines for key, lines in sorted(sidecar.duplicates.items())},
        }

    def add_removed(self, kind: str, chars: int) -> None:
        self.removed_kinds[kind] += 1
        self.lines_removed += 1
        self.chars_removed += chars

    def as_dict(self) -> dict[str, Any]:
        """The summary as plain JSON-ready data."""
        total = self.chars_removed + self.chars_kept
        return {
            "files": {
                "seen": self.files_seen,
                "kept": self.files_kept,
                "skipped": sum(self.skipped.values()),
                "skipped_by_reason": dict(sorted(self.skipped.items())),
                "by_format": dict(sorted(self.formats.items())),
                "by_encoding": dict(sorted(self.encodings.items())),
                "read_in_doubt": dict(sorted(self.encoding_notes.items())),
                "records_read": self.records,
            },
            "articles": {
                "kept": self.articles,
                "dated": self.dated,
                "undated": self.undated,
                "source_from": dict(sorted(self.sources.items())),
                "title_from": dict(sorted(self.titles.items())),
                "with_author": self.with_author,
                "without_author": self.articles - self.with_author,
                "date_problems": self.date_problems,
                "date_problem_examples": self.date_problem_examples,
                "empty_after_cleaning": self.empty_documents,
                "bad_rows": self.bad_rows,
                "bad_rows_by_kind": dict(sorted(self.bad_kinds.items())),
                "renamed_duplicate_ids": self.renamed_ids,
            },
            "duplicates_removed": {
                "exact": self.duplicates["exact"],
                "near": self.duplicates["near"],
            },
            "similar_kept": self.similar_kept,
            "metadata_sidecar": self.sidecar,
            "documents_by_unit": dict(sorted(self.units.items())),
            "boilerplate": {
                "lines_removed": self.lines_removed,
                "chars_removed": self.chars_removed,
                "share_of_chars": round(self.chars_removed / total, 4) if total else 0.0,
                "by_kind": dict(sorted(self.removed_kinds.items())),
            },
        }


def summary_markdown(summary: dict[str, Any]) -> str:
    """A short Markdown report of ``IngestCounts.as_dict()``."""
    files, articles = summary["files"], summary["articles"]
    dup, boiler = summary["duplicates_removed"], summary["boilerplate"]
    rows = [
        ("files seen", files["seen"]),
        ("files kept", files["kept"]),
        *((f"files skipped: {reason}", n) for reason, n in files["skipped_by_reason"].items()),
        *(
            (f"files read in doubt ({encoding}; see the manifest's encoding_note)", n)
            for encoding, n in files.get("read_in_doubt", {}).items()
        ),
        (
            "records read (table rows and lines; an article file is one)",
            files.get("records_read", 0),
        ),
        ("articles kept", articles["kept"]),
        ("articles dated", articles["dated"]),
        ("articles undated", articles["undated"]),
        ("dates not understood (see below)", articles["date_problems"]),
        ("articles with a title line", articles["title_from"].get("header", 0)),
        ("articles titled by metadata", articles["title_from"].get("metadata", 0)),
        (
            "articles without a title line (title = first words)",
            articles["title_from"].get("first_words", 0),
        ),
        ("articles without a source", articles["source_from"].get("none", 0)),
        ("articles without an author", articles["without_author"]),
        ("exact duplicates removed", dup["exact"]),
        ("near-duplicates removed", dup["near"]),
        (
            "similar articles kept (dated too far apart; see duplicates.csv)",
            summary.get("similar_kept", 0),
        ),
        ("documents empty after cleaning", articles["empty_after_cleaning"]),
        ("bad table rows (see problems.csv)", articles["bad_rows"]),
        *(
            (f"bad table rows: {kind}", n)
            for kind, n in articles.get("bad_rows_by_kind", {}).items()
        ),
        *((f"documents ({unit})", n) for unit, n in summary["documents_by_unit"].items()),
        ("boilerplate lines removed", boiler["lines_removed"]),
        (
            "boilerplate characters removed",
            f"{boiler['chars_removed']} ({100 * boiler['share_of_chars']:.1f}% of text)",
        ),
    ]
    lines = ["# Ingest summary", "", "| what | count |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    if boiler["by_kind"]:
        lines += ["", "| boilerplate kind | lines |", "|---|---:|"]
        lines += [f"| {kind} | {n} |" for kind, n in boiler["by_kind"].items()]
    if articles["date_problem_examples"]:
        lines += ["", "| file | id | date not understood |", "|---|---|---|"]
        lines += [
            f"| {_cell(p['file'])} | {_cell(p['id'])} | {_cell(p['problem'])} |"
            for p in articles["date_problem_examples"]
        ]
    repeated = summary.get("metadata_sidecar", {}).get("repeated_keys", {})
    if repeated:
        lines += [
            "",
            f"Metadata sidecar rows given more than once (the first is used): {len(repeated)}.",
        ]
        lines += ["", "| key | rows |", "|---|---|"]
        lines += [
            f"| {_cell(k)} | {', '.join(map(str, v))} |" for k, v in list(repeated.items())[:20]
        ]
    encodings = ", ".join(f"{k}: {v}" for k, v in files["by_encoding"].items())
    lines += ["", f"Encodings: {encodings or 'none'}.", ""]
    return "\n".join(lines)


def accounting_notes(summary: dict[str, Any], manifest: str, problems: str) -> list[Note]:
    """Run-notes warnings for whatever of the corpus did not become a document, or was read
    in doubt: files skipped, bad or empty records, doubtful encodings, dates not understood,
    sidecar rows given twice. Each names the table that lists the cases (``manifest``,
    ``problems``) and what to do; a corpus read in full gets none."""
    files, articles = summary["files"], summary["articles"]
    notes = []

    def add(check: str, n: int, noun: str, message: str, override: str) -> None:
        if n:
            notes.append(warning("ingest", check, count(n, noun), message, override))

    add(
        "files_skipped",
        files["skipped"],
        "file",
        f"not read: {_by_kind(files['skipped_by_reason'])}; {manifest} gives each file's reason",
        "fix or convert the files, or change ingest.glob, ingest.format or ingest.max_bytes",
    )
    add(
        "bad_records",
        articles["bad_rows"],
        "record",
        f"table rows or lines that are not documents: {_by_kind(articles['bad_rows_by_kind'])}; "
        f"{problems} lists them by file and line",
        "repair the rows, or set ingest.columns to the file's columns",
    )
    add(
        "empty_after_cleaning",
        articles["empty_after_cleaning"],
        "document",
        f"no text left once headers and boilerplate were removed; {manifest} (files) and "
        f"{problems} (table rows and lines) list them",
        "check ingest.layout and ingest.boilerplate against these documents",
    )
    add(
        "encoding_in_doubt",
        sum(files["read_in_doubt"].values()),
        "file",
        f"mixed encodings or undecodable bytes ({_by_kind(files['read_in_doubt'])}); the "
        f"encoding_note column of {manifest} names the lines",
        "re-save the files as UTF-8",
    )
    add(
        "dates_not_understood",
        articles["date_problems"],
        "article",
        "a date was given but not understood, so the article is undated (left out of "
        "prevalence over time); the summary lists examples",
        "write dates as YYYY-MM-DD, or set ingest.date_order for numeric dates",
    )
    repeated = summary.get("metadata_sidecar", {}).get("repeated_keys", {})
    add(
        "sidecar_repeated_rows",
        len(repeated),
        "key",
        "given on more than one row of the metadata sidecar; the first row is used",
        "keep one row per file or id in ingest.metadata",
    )
    return notes


def _by_kind(counts: dict[str, int]) -> str:
    """``"empty file: 2, binary: 1"``: counts by kind, largest first."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{kind}: {n}" for kind, n in ranked)


def _cell(value: str) -> str:
    """``value`` safe inside a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ")
