"""Counts of what ingest did, for ``summary.json`` and a short Markdown table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class IngestCounts:
    """Running counts, updated as files and documents go by (constant memory)."""

    files_seen: int = 0
    files_kept: int = 0
    skipped: Counter = field(default_factory=Counter)
    formats: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)
    articles: int = 0
    units: Counter = field(default_factory=Counter)
    dated: int = 0
    undated: int = 0
    duplicates: Counter = field(default_factory=Counter)
    empty_documents: int = 0
    bad_rows: int = 0
    renamed_ids: int = 0
    removed_kinds: Counter = field(default_factory=Counter)
    lines_removed: int = 0
    chars_removed: int = 0
    chars_kept: int = 0
    sources: Counter = field(default_factory=Counter)

    def add_file(self, status: str, reason: str, file_format: str, encoding: str) -> None:
        self.files_seen += 1
        self.formats[file_format] += 1
        if encoding:
            self.encodings[encoding] += 1
        if status == "skipped":
            self.skipped[reason.split(" (")[0]] += 1
        else:
            self.files_kept += 1

    def add_article(self, date: str, source_from: str, chars: int) -> None:
        self.articles += 1
        self.chars_kept += chars
        self.sources[source_from or "none"] += 1
        if date:
            self.dated += 1
        else:
            self.undated += 1

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
            },
            "articles": {
                "kept": self.articles,
                "dated": self.dated,
                "undated": self.undated,
                "source_from": dict(sorted(self.sources.items())),
                "empty_after_cleaning": self.empty_documents,
                "bad_rows": self.bad_rows,
                "renamed_duplicate_ids": self.renamed_ids,
            },
            "duplicates_removed": {
                "exact": self.duplicates["exact"],
                "near": self.duplicates["near"],
            },
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
        ("articles kept", articles["kept"]),
        ("articles dated", articles["dated"]),
        ("articles undated", articles["undated"]),
        ("exact duplicates removed", dup["exact"]),
        ("near-duplicates removed", dup["near"]),
        ("documents empty after cleaning", articles["empty_after_cleaning"]),
        ("bad table rows", articles["bad_rows"]),
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
    encodings = ", ".join(f"{k}: {v}" for k, v in files["by_encoding"].items())
    lines += ["", f"Encodings: {encodings or 'none'}.", ""]
    return "\n".join(lines)
