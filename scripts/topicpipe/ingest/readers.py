"""Read one input file into raw documents (text plus any given fields), or say why not."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from topicpipe.ingest.decoding import decode_bytes
from topicpipe.ingest.metadata import FIELDS

# Articles in a CSV cell can be far longer than csv's default limit of 128 KiB.
csv.field_size_limit(sys.maxsize)


@dataclass
class Loaded:
    """A file's text and encoding, or the reason it was skipped."""

    text: str | None
    encoding: str = ""
    reason: str = ""
    size: int = 0


@dataclass
class RawDoc:
    """One document as read: its id, raw text, given title/date/source, other columns."""

    id: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


class FileProblem(ValueError):
    """A readable text file that still cannot be used (e.g. a table without its text column)."""


def load_file(path: Path, max_bytes: int) -> Loaded:
    """Read and decode one file, checking size, symlinks, permissions and binary content."""
    if path.is_symlink() and not path.exists():
        return Loaded(None, reason="broken symbolic link (its target does not exist)")
    if path.is_dir():
        return Loaded(None, reason="symbolic link to a folder (not followed)")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Loaded(None, reason=f"larger than ingest.max_bytes ({max_bytes})", size=size)
        data = path.read_bytes()
    except OSError as error:
        return Loaded(None, reason=f"unreadable ({error.strerror or error})")
    if not data.strip():
        return Loaded(None, reason="empty", size=len(data))
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Loaded(None, decoded.encoding, decoded.problem, len(data))
    if not decoded.text.strip(" \t\r\n\f\v\ufeff\u00a0\u200b"):
        return Loaded(None, decoded.encoding, "empty (whitespace only)", len(data))
    return Loaded(decoded.text, decoded.encoding, "", len(data))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _table_doc(row: Mapping[str, Any], columns: Mapping[str, str], fallback_id: str) -> RawDoc:
    named = {columns[k] for k in ("id", "text", *FIELDS)}
    doc_id = _cell(row.get(columns["id"])).strip() or fallback_id
    fields = {k: _cell(row.get(columns[k])).strip() for k in FIELDS}
    meta = {k: v for k, v in row.items() if k not in named and k is not None}
    return RawDoc(doc_id, _cell(row.get(columns["text"])), fields, meta)


def parse_documents(
    text: str, kind: str, stem: str, columns: Mapping[str, str]
) -> Iterator[RawDoc | str]:
    """Documents of a decoded file; a string in the stream reports a bad row.

    ``kind`` is ``article`` (the whole file), ``lines`` (one document per line, ids
    ``<stem>-<line number>``), ``csv``/``tsv`` or ``jsonl`` (one document per row; ids from
    the id column, else ``<stem>-<row number>``). Raises ``FileProblem`` when a table
    has no text column.
    """
    if kind == "article":
        yield RawDoc(stem, text)
        return
    if kind == "lines":
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        width = len(str(len(lines)))
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield RawDoc(f"{stem}-{number:0{width}d}", line)
        return
    if kind in ("csv", "tsv"):
        reader = csv.DictReader(
            io.StringIO(text, newline=""), delimiter="," if kind == "csv" else "\t"
        )
        header = reader.fieldnames or []
        if columns["text"] not in header:
            raise FileProblem(
                f"no text column {columns['text']!r} (columns: {', '.join(header) or 'none'}); "
                "set ingest.columns.text"
            )
        for number, row in enumerate(reader, start=1):
            yield _table_doc(row, columns, f"{stem}-{number}")
        return
    if kind == "jsonl":
        seen_text = False
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield f"line {number}: not valid JSON ({error.msg})"
                continue
            if not isinstance(row, dict):
                yield f"line {number}: not a JSON object"
                continue
            if columns["text"] not in row:
                yield f"line {number}: no {columns['text']!r} field"
                continue
            seen_text = True
            yield _table_doc(row, columns, f"{stem}-{number}")
        if not seen_text:
            raise FileProblem(
                f"no line has a text field {columns['text']!r}; set ingest.columns.text"
            )
        return
    raise ValueError(f"unknown file kind {kind!r}")
