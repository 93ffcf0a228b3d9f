"""The optional metadata sidecar: a CSV that gives date, source, title and more per document."""

from __future__ import annotations

import csv
from pathlib import Path, PurePosixPath


class MetadataError(ValueError):
    """The sidecar cannot be used (the message names the file and the fix)."""


class Sidecar:
    """Rows of the sidecar CSV, looked up by document id, relative path or file name."""

    def __init__(self, rows: list[dict[str, str]], key: str):
        self.key = key
        self._rows: dict[str, dict[str, str]] = {}
        names: dict[str, list[str]] = {}
        for row in rows:
            value = (row.get(key) or "").strip()
            if value:
                self._rows[value] = row
                names.setdefault(PurePosixPath(value).name, []).append(value)
        # A bare file name may stand for a path only when it is unambiguous.
        self._by_name = {name: keys[0] for name, keys in names.items() if len(keys) == 1}
        self.used: set[str] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, doc_id: str, relative_path: str) -> dict[str, str]:
        """The row for a document (by id, path, path without suffix or file name), or {}."""
        name = PurePosixPath(relative_path).name
        for candidate in (doc_id, relative_path, self._by_name.get(name), name):
            if candidate and candidate in self._rows:
                self.used.add(candidate)
                return {k: v for k, v in self._rows[candidate].items() if k != self.key}
        return {}

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
    return Sidecar(rows, key)
