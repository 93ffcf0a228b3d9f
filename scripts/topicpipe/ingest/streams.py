"""A file's lines, decoded one at a time: how table and one-document-per-line files are
read, so that a file of any size is never decoded whole.

The encoding is detected from the first block; each line is then decoded on its own, so a
line in another encoding (or with a stray byte) is read and reported with its number
instead of stopping the file. UTF-16/32 files are decoded incrementally; where their
bytes stop being valid, the rest is read with U+FFFD for the bad bytes, and reported.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from topicpipe.ingest.decoding import MIXED, decode_mixed, detect_encoding, mixed_note, text_problem

# Bytes read to detect the encoding and to check that the file is text.
SNIFF_BYTES = 1 << 16
_READ_BYTES = 1 << 20
# A line that is not UTF-8 and has more than this share of high bytes is probably in a
# legacy code page other than cp1252 (Cyrillic cp1251, Greek): read, but reported.
_MAX_CP1252_SHARE = 0.3
# How many line numbers a note lists.
_LINES_LISTED = 5


@dataclass(frozen=True)
class Line:
    """One line of a file (with its end: ``\\n``, ``\\r\\n`` or ``\\r``), or ``text=None``
    for a line longer than the limit (skipped unread); ``size`` in characters."""

    number: int
    text: str | None
    size: int


class _Hashing(io.RawIOBase):
    """A raw binary file that adds every byte read to a SHA-256 digest."""

    def __init__(self, raw):
        super().__init__()
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.raw.readinto(buffer)
        if count:
            self.digest.update(memoryview(buffer)[:count])
            self.size += count
        return count


def _ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` writes line ends, quotes and ASCII letters as ASCII bytes (so a
    file in it can be split into lines before it is decoded)."""
    probe = '\n\r,"{}aZ09 '
    try:
        return codecs.encode(probe, encoding) == probe.encode("ascii")
    except (LookupError, UnicodeError):
        return False


@dataclass
class _Tally:
    """What was read in doubt, line by line."""

    cp1252_bytes: int = 0
    undefined_bytes: int = 0
    utf8_lines: int = 0
    cp1252_lines: list[int] = field(default_factory=list)
    n_cp1252_lines: int = 0
    legacy_lines: list[int] = field(default_factory=list)
    n_legacy_lines: int = 0
    replaced_lines: list[int] = field(default_factory=list)
    n_replaced_lines: int = 0

    @staticmethod
    def _add(listed: list[int], number: int) -> None:
        if len(listed) < _LINES_LISTED:
            listed.append(number)


def _lines_text(numbers: list[int], total: int) -> str:
    shown = ", ".join(map(str, numbers))
    return (
        f"line {shown}"
        if total == 1
        else f"lines {shown}" + (", ..." if total > len(numbers) else "")
    )


class LineStream:
    """The lines of one file, decoded one at a time (iterate it once).

    ``problem`` is set when the file is not text (binary, undecodable, doubtful); then it
    yields nothing. ``universal``: ``\\r\\n``, ``\\n`` and a lone ``\\r`` end a line (CSV and
    one-document-per-line files); otherwise only ``\\n`` does (JSON Lines, where a JSON
    text may hold a raw ``\\r`` between tokens and U+2028 inside strings). A line longer
    than ``limit`` characters is skipped without being kept in memory. After iterating,
    ``encoding``, ``note`` (what was read in doubt), ``sha256`` and ``size`` describe the file.
    """

    def __init__(self, path: str | Path, limit: int, universal: bool):
        self.path = Path(path)
        self.limit = limit
        self.universal = universal
        self.sha256 = ""
        self.size = 0
        self.blank = True
        self._tally = _Tally()
        self._failed_at = 0
        with open(self.path, "rb") as handle:
            block = handle.read(SNIFF_BYTES)
            complete = not handle.read(1)
        detected = detect_encoding(block, complete)
        self.encoding = detected.encoding
        self.problem = detected.problem
        # Lines are split before decoding (as latin-1, which maps bytes one to one) when the
        # encoding writes line ends as ASCII bytes; UTF-16/32 are decoded as they are read.
        self._split_first = self.encoding in MIXED or _ascii_compatible(self.encoding)
        if not self.problem:
            self.problem = text_problem(self._sample(block, complete), self.encoding)

    def _sample(self, block: bytes, complete: bool) -> str:
        if self.encoding in MIXED:
            return decode_mixed(block).text
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        return decoder.decode(block, final=complete)

    def __iter__(self) -> Iterator[Line]:
        if self.problem:
            return
        yield from self._read(skip=0, errors="strict")

    def _pieces(self, handle, errors: str) -> Iterator[tuple[str | None, int, bool]]:
        """Each line of ``handle`` (None when longer than the limit), its size, and whether
        it ends with a line end."""
        transport = "latin-1" if self._split_first else self.encoding
        text = io.TextIOWrapper(
            io.BufferedReader(handle, _READ_BYTES),
            encoding=transport,
            errors=errors,
            newline="" if self.universal else "\n",
        )
        while piece := text.readline(self.limit + 2):
            size, ended = len(piece), piece.endswith(("\n", "\r"))
            while not ended and size > self.limit + 1:
                more = text.readline(_READ_BYTES)
                if not more:
                    break
                size += len(more)
                ended = more.endswith(("\n", "\r"))
            yield (None if size - ended > self.limit else piece), size, ended

    def _read(self, skip: int, errors: str) -> Iterator[Line]:
        with open(self.path, "rb", buffering=0) as raw:
            hashing = _Hashing(raw)
            pieces = self._pieces(hashing, errors)
            number = 0
            while True:
                try:
                    piece, size, _ = next(pieces)
                except StopIteration:
                    break
                except UnicodeDecodeError:
                    # Invalid UTF-16/32 at or after this line: read the file again, keeping
                    # the lines already given, with U+FFFD for the bad bytes.
                    self._failed_at = number + 1
                    yield from self._read(skip=number, errors="replace")
                    return
                number += 1
                if number <= skip:
                    continue
                if piece is None:
                    self.blank = False
                    yield Line(number, None, size)
                    continue
                line = self._decode(piece, number) if self._split_first else piece
                if self.blank and line.strip():
                    self.blank = False
                yield Line(number, line, size)
            self.sha256, self.size = hashing.digest.hexdigest(), hashing.size

    def count_lines(self) -> int:
        """Lines as ``str.split`` at line ends counts them (one more than the line ends),
        without decoding them: for ids padded to one width."""
        if self.problem:
            return 0
        with open(self.path, "rb", buffering=0) as raw:
            return 1 + sum(ended for _, _, ended in self._pieces(raw, "replace"))

    def _decode(self, piece: str, number: int) -> str:
        data = piece.encode("latin-1")
        tally = self._tally
        if self.encoding in MIXED:
            mixed = decode_mixed(data)
            text = mixed.text
            if number == 1 and text.startswith("\ufeff"):
                text = text[1:]
            tally.utf8_lines += mixed.utf8_chars > 0
            if mixed.cp1252_bytes:
                tally.cp1252_bytes += mixed.cp1252_bytes
                tally.undefined_bytes += mixed.undefined_bytes
                tally.n_cp1252_lines += 1
                tally._add(tally.cp1252_lines, number)
                if mixed.cp1252_bytes > _MAX_CP1252_SHARE * len(data.strip()):
                    tally.n_legacy_lines += 1
                    tally._add(tally.legacy_lines, number)
            return text
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError:
            tally.n_replaced_lines += 1
            tally._add(tally.replaced_lines, number)
            return data.decode(self.encoding, errors="replace")

    @property
    def final_encoding(self) -> str:
        """The encoding as read: ``utf-8``, ``cp1252`` or ``utf-8+cp1252`` for files read
        with ``decode_mixed``, else the detected one."""
        if self.encoding not in MIXED:
            return self.encoding
        tally = self._tally
        if tally.n_cp1252_lines and tally.utf8_lines:
            return "utf-8+cp1252"
        return "cp1252" if tally.n_cp1252_lines else "utf-8"

    @property
    def note(self) -> str:
        """What was read in doubt, with line numbers ("" when nothing)."""
        tally, notes = self._tally, []
        if self.final_encoding == "utf-8+cp1252" or tally.undefined_bytes:
            where = " (" + _lines_text(tally.cp1252_lines, tally.n_cp1252_lines) + ")"
            notes.append(
                mixed_note(
                    tally.cp1252_bytes,
                    tally.undefined_bytes,
                    self.final_encoding == "utf-8+cp1252",
                    where,
                )
            )
        if tally.n_legacy_lines:
            notes.append(
                f"{tally.n_legacy_lines} lines are mostly bytes that are not UTF-8 and were "
                f"read as cp1252 ({_lines_text(tally.legacy_lines, tally.n_legacy_lines)}); "
                "if the file is in another encoding, convert it to UTF-8"
            )
        if tally.n_replaced_lines:
            notes.append(
                f"bytes not valid {self.encoding} became U+FFFD "
                f"({_lines_text(tally.replaced_lines, tally.n_replaced_lines)})"
            )
        if self._failed_at:
            notes.append(
                f"bytes not valid {self.encoding} from line {self._failed_at} on became U+FFFD"
            )
        return "; ".join(notes)
