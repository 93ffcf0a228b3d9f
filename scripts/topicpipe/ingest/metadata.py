"""The optional metadata sidecar: a CSV that gives date, source, title, author and more per
document. Two rows for the same document are reported, and the first is used."""

from __future__ import annotations

import csv
from pathlib import Path, PurePosixPath

FIELDS = ("title", "date", "source", "author")


class MetadataError(ValueError):
    """The sidecar cannot be used (the message names the file and the fix)."""


class Sidecar:
    """Rows of the sidecar CSV, looked up by document id, relative path or file name.

    ``duplicates`` maps a key given on more than one row to those rows' numbers (1 is the
    first row under the header); the first of them is used.
    """

    def __init__(self, rows: list[dict[str, str]], key: str, path: str = "metadata"):
        self.key, self.path = key, path
        self._rows: dict[str, dict[str, str]] = {}
        self.duplicates: dict[str, list[int]] = {}
        lines: dict[str, int] = {}
        names: dict[str, list[str]] = {}
        for line, row in enumerate(rows, start=1):
            value = (row.get(key) or "").strip()
            if not value:
                continue
            if value in self._rows:
                self.duplicates.setdefault(value, [lines[value]]).append(line)
                continue
            self._rows[value], lines[value] = row, line
            names.setdefault(PurePosixPath(value).name, []).append(value)
        # A bare file name may stand for a path only when it is unambiguous.
        self._by_name = {name: keys[0] for name, keys in names.items() if len(keys) == 1}
        self.used: set[str] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, doc_id: str, relative_path: str) -> tuple[dict[str, str], str]:
        """The row for a document (by id, path, path without suffix or file name), or {};
        and a note when the sidecar has several rows for it ("" otherwise)."""
        name = PurePosixPath(relative_path).name
        for candidate in (doc_id, relative_path, self._by_name.get(name), name):
            if candidate and candidate in self._rows:
                self.used.add(candidate)
                values = {k: v for k, v in self._rows[candidate].items() if k != self.key}
                return values, self.duplicate_note(candidate)
        return {}, ""

    def duplicate_note(self, key: str) -> str:
        """What to tell the user about several rows for ``key`` ("" when there is one)."""
        lines = self.duplicates.get(key)
        if not lines:
            return ""
        return (
            f"{self.path} has {len(lines)} rows for {key!r} (rows "
            f"{', '.join(map(str, lines))}); the first is used, remove the others"
        )

    def unused(self) -> list[str]:
        """Keys of sidecar rows that matched no document."""
        return sorted(set(self._rows) - self.used)


def load_sidecar(path: str | Path) -> Sidecar:
    """Read the sidecar CSV (UTF-8, BOM or not); it needs a ``file`` or an ``id`` column."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            columns = reader.fieldnames or []
    except OSError as error:
        raise MetadataError(
            f"ingest.metadata: cannot read {str(path)!r} ({error.strerror}); "
            'fix the path or set ingest.metadata to "" for none'
        ) from error
    except UnicodeDecodeError as error:
        raise MetadataError(
            f"ingest.metadata: {str(path)!r} is not UTF-8 text; save it as UTF-8 CSV"
        ) from error
    key = "file" if "file" in columns else "id" if "id" in columns else ""
    if not key:
        raise MetadataError(
            f"ingest.metadata: {str(path)!r} needs a 'file' or 'id' column to say which "
            f"document each row describes (it has: {', '.join(columns) or 'no header'})"
        )
    return Sidecar(rows, key, str(path))
