"""Read one input file into raw documents (text plus any given fields), or say why not.

An article file is read whole (it is one document, at most ``ingest.max_bytes``). Tables
(CSV/TSV, JSON Lines) and one-document-per-line files are streamed record by record from a
``LineStream``; a record that cannot be used is yielded as a ``BadRecord`` with its line
numbers and the reason, so every record is either a document or accounted for.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from topicpipe.ingest.decoding import decode_bytes
from topicpipe.ingest.metadata import FIELDS
from topicpipe.ingest.streams import Line, LineStream

# Records are capped by ``LineStream``'s limit (ingest.max_bytes), not by csv's own
# default of 128 KiB per field, which real article cells exceed.
csv.field_size_limit(sys.maxsize)

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
TOO_LONG = "longer than ingest.max_bytes"


@dataclass
class Loaded:
    """A file's text, encoding and checksum, or the reason it was skipped; ``note`` says
    what was read in doubt (mixed encodings)."""

    text: str | None
    encoding: str = ""
    reason: str = ""
    size: int = 0
    note: str = ""
    sha256: str = ""


@dataclass
class RawDoc:
    """One document as read: its id, raw text, given title/date/source, other columns, and
    the (first) line of its file it starts on."""

    id: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    line: int = 0


@dataclass(frozen=True)
class BadRecord:
    """A record of a table or lines file that cannot be used: where it is, the kind of
    problem (counted per file and in the summary) and the details."""

    line: int
    last_line: int
    kind: str
    detail: str = ""
    id: str = ""

    def message(self) -> str:
        """``line 12: ragged row (7 fields where the header has 5)``."""
        where = (
            f"line {self.line}"
            if self.line == self.last_line
            else (f"lines {self.line}-{self.last_line}")
        )
        return f"{where}: {self.kind}" + (f" ({self.detail})" if self.detail else "")


class FileProblem(ValueError):
    """A readable text file that still cannot be used (e.g. a table without its text column)."""


def path_problem(path: Path) -> str:
    """Why ``path`` is not a regular file that can be opened ("" when it is), found without
    opening it: a broken link, a link loop, a link to a folder, a FIFO, device or socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself)"
        if path.is_symlink():
            return "broken symbolic link (its target does not exist)"
        return f"unreadable ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "symbolic link to a folder (not followed)"
    for test, kind in _SPECIAL:
        if test(mode):
            return f"special file: {kind}, not a regular file (not opened)"
    return ""


def load_file(path: Path, max_bytes: int) -> Loaded:
    """Read and decode one whole file, checking its type, size and content."""
    problem = path_problem(path)
    if problem:
        return Loaded(None, reason=problem)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Loaded(None, reason=f"larger than ingest.max_bytes ({max_bytes})", size=size)
        with path.open("rb") as handle:
            data = handle.read()
    except OSError as error:
        return Loaded(None, reason=f"unreadable ({error.strerror or error})")
    checksum = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return Loaded(None, reason="empty", size=len(data), sha256=checksum)
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Loaded(None, decoded.encoding, decoded.problem, len(data), sha256=checksum)
    if not decoded.text.strip(" \t\r\n\f\v\ufeff\u00a0\u200b"):
        return Loaded(None, decoded.encoding, "empty (whitespace only)", len(data), "", checksum)
    return Loaded(decoded.text, decoded.encoding, "", len(data), decoded.note, checksum)


def open_stream(path: Path, kind: str, max_bytes: int) -> LineStream:
    """The line stream of a table or lines file (``kind`` ``csv``, ``tsv``, ``jsonl`` or
    ``lines``); every line end counts except in JSON Lines, which ends lines at ``\\n`` only."""
    return LineStream(path, max_bytes, universal=kind != "jsonl")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _table_doc(
    row: Mapping[str, Any], columns: Mapping[str, str], fallback_id: str, line: int
) -> RawDoc:
    named = {columns[k] for k in ("id", "text", *FIELDS)}
    doc_id = _cell(row.get(columns["id"])).strip() or fallback_id
    fields = {k: _cell(row.get(columns[k])).strip() for k in FIELDS}
    meta = {k: v for k, v in row.items() if k not in named}
    return RawDoc(doc_id, _cell(row.get(columns["text"])), fields, meta, line)


def read_records(
    stream: LineStream, kind: str, stem: str, columns: Mapping[str, str]
) -> Iterator[RawDoc | BadRecord]:
    """Documents and bad records of a streamed file, in file order.

    ``kind`` is ``lines`` (one document per line, ids ``<stem>-<line number>``), ``csv``/
    ``tsv`` or ``jsonl`` (one document per record; ids from the id column, else
    ``<stem>-<record number>``). Raises ``FileProblem`` when the file as a whole cannot be
    used (no text column, a JSON array instead of JSON Lines).
    """
    if kind == "lines":
        yield from _lines_records(stream, stem)
    elif kind in ("csv", "tsv"):
        yield from _csv_records(stream, "," if kind == "csv" else "\t", stem, columns)
    elif kind == "jsonl":
        yield from _jsonl_records(stream, stem, columns)
    else:
        raise ValueError(f"unknown file kind {kind!r}")


def _too_long(line: Line) -> BadRecord:
    return BadRecord(line.number, line.number, TOO_LONG, f"{line.size} characters; skipped")


def _lines_records(stream: LineStream, stem: str) -> Iterator[RawDoc | BadRecord]:
    width = len(str(stream.count_lines()))
    for line in stream:
        if line.text is None:
            yield _too_long(line)
        elif line.text.strip():
            yield RawDoc(
                f"{stem}-{line.number:0{width}d}", line.text.rstrip("\r\n"), line=line.number
            )


class _RecordTooLong(Exception):
    """The CSV record being read has grown past the limit (an unclosed quote, usually)."""


class _CsvLines:
    """The lines ``csv.reader`` reads, counting them and the size of the current record
    (which stops at the stream's limit, so an unclosed quote cannot swallow the file)."""

    def __init__(self, stream: LineStream):
        self.lines = iter(stream)
        self.limit = stream.limit
        self.number = 0
        self.size = 0
        self.first = 1

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.number = line.number
        self.size += line.size
        if line.text is None or self.size > self.limit:
            raise _RecordTooLong
        return line.text

    def next_record(self) -> None:
        """The next line read starts a new record."""
        self.first, self.size = self.number + 1, 0


def _csv_error(error: csv.Error) -> tuple[str, str]:
    message = str(error)
    if "unexpected end of data" in message:
        return "unclosed quote", "the file ends inside a quoted field; later rows were merged"
    if "new-line character seen in unquoted field" in message:
        return "line break inside an unquoted field", "stray carriage return?"
    return "bad quoting", f"{message}: an unclosed or stray quote; the rows in it were merged"


def _csv_records(
    stream: LineStream, delimiter: str, stem: str, columns: Mapping[str, str]
) -> Iterator[RawDoc | BadRecord]:
    source = _CsvLines(stream)
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    number = 0
    while True:
        source.next_record()
        try:
            row = next(reader)
        except StopIteration:
            break
        except _RecordTooLong:
            kind, detail = TOO_LONG, f"a record over {source.limit} characters; an unclosed quote?"
            yield BadRecord(source.first, source.number, kind, detail)
            continue
        except csv.Error as error:
            if header is None:
                raise FileProblem(f"the header line cannot be read ({error})") from error
            yield BadRecord(source.first, source.number, *_csv_error(error))
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = _check_header(row, columns)
            id_at = header.index(columns["id"]) if columns["id"] in header else None
            continue
        number += 1
        if len(row) != len(header):
            doc_id = row[id_at] if id_at is not None and id_at < len(row) else ""
            fields = "1 field" if len(row) == 1 else f"{len(row)} fields"
            detail = f"{fields} where the header has {len(header)}"
            yield BadRecord(source.first, source.number, "ragged row", detail, doc_id)
            continue
        yield _table_doc(
            dict(zip(header, row, strict=True)), columns, f"{stem}-{number}", source.first
        )


def _check_header(row: list[str], columns: Mapping[str, str]) -> list[str]:
    header = [name.strip() for name in row]
    if columns["text"] not in header:
        raise FileProblem(
            f"no text column {columns['text']!r} (columns: {', '.join(header) or 'none'}); "
            "set ingest.columns.text"
        )
    twice = sorted({name for name in header if header.count(name) > 1})
    if twice:
        raise FileProblem(f"columns named twice in the header: {', '.join(twice)}; rename them")
    return header


_JSON_ARRAY = (
    "a JSON array, not JSON Lines: write one JSON object per line "
    "(e.g. jq -c '.[]' file.json > file.jsonl)"
)


def _jsonl_records(
    stream: LineStream, stem: str, columns: Mapping[str, str]
) -> Iterator[RawDoc | BadRecord]:
    text_key = columns["text"]
    first = None
    seen_text = False
    for line in stream:
        if line.text is None:
            yield _too_long(line)
            continue
        content = line.text.strip()
        if not content:
            continue
        if first is None:
            first = content[:1]
        try:
            row = json.loads(content)
        except json.JSONDecodeError as error:
            if first == "[" and not seen_text:
                raise FileProblem(_JSON_ARRAY) from error
            yield BadRecord(line.number, line.number, "not valid JSON", error.msg)
            continue
        if not isinstance(row, dict):
            if isinstance(row, list) and not seen_text:
                raise FileProblem(_JSON_ARRAY)
            yield BadRecord(line.number, line.number, "not a JSON object")
            continue
        if text_key not in row:
            yield BadRecord(
                line.number, line.number, f"no {text_key!r} field", id=_cell(row.get(columns["id"]))
            )
            continue
        if row[text_key] is not None and not isinstance(row[text_key], str):
            kind = f"{text_key!r} is not a string"
            yield BadRecord(
                line.number,
                line.number,
                kind,
                type(row[text_key]).__name__,
                _cell(row.get(columns["id"])),
            )
            continue
        seen_text = True
        yield _table_doc(row, columns, f"{stem}-{line.number}", line.number)
    if first is not None and not seen_text:
        hint = " (an object spread over several lines?)" if first == "{" else ""
        raise FileProblem(
            f"no line is a JSON object with a text field {text_key!r}{hint}; JSON Lines has "
            "one object per line; set ingest.columns.text to the field that holds the text"
        )
