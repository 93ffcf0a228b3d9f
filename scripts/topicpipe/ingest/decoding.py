"""Bytes to text: detect the encoding of a file from its bytes (all of them, or the first
block of a file that is streamed), decode it, and say when it is not text or was read in
doubt (mixed encodings, bytes that no encoding explains).

UTF-8 and cp1252 are read together: bytes that are valid UTF-8 are read as UTF-8, every
other byte as cp1252 (the usual legacy encoding of English web text, a superset of
Latin-1's printable characters). A pure cp1252 file is read exactly as cp1252; a file that
mixes the two (a UTF-8 file with a pasted Latin-1 paragraph) is read right in both parts
and reported as mixed, instead of turning the UTF-8 part into mojibake ("cafÃ©").
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

# File signatures of formats people rename to .txt by mistake.
_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (also .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"{\\rtf", "RTF document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings read by ``decode_mixed`` (UTF-8 where valid, cp1252 elsewhere).
MIXED = frozenset({"utf-8", "utf-8-sig", "cp1252"})
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# Mostly-ASCII text with at most this share of high bytes is UTF-8/cp1252 (English with a
# stray £ or curly quote); more of them may be another legacy code page.
_MAX_STRAY_SHARE = 0.05
# charset-normalizer's language coherence below which its guess is not trusted.
_MIN_COHERENCE = 0.1
# UTF-16/32 "text" more garbled than this (charset-normalizer's mess ratio: odd scripts
# side by side, unprintable characters) is random bytes that happen to decode.
_MAX_MESS = 0.2
# One valid UTF-8 sequence of two to four bytes, or a run of ASCII.
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
_HIGH = bytes(range(0x80, 0x100))
# cp1252 leaves five bytes undefined; they become U+FFFD (and are counted).
_CP1252 = [
    bytes([b]).decode("cp1252", errors="replace") if b >= 0x80 else chr(b) for b in range(256)
]


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding used, or the reason it is not text; ``note`` says
    what was read in doubt (mixed encodings, undefined bytes)."""

    text: str | None
    encoding: str
    problem: str = ""
    note: str = ""


@dataclass(frozen=True)
class Mixed:
    """Bytes read as UTF-8 where valid and as cp1252 elsewhere, with what was found."""

    text: str
    cp1252_bytes: int  # bytes that are not UTF-8, read as cp1252
    undefined_bytes: int  # of those, bytes that cp1252 does not define either (now U+FFFD)
    utf8_chars: int  # characters read from multi-byte UTF-8 sequences

    @property
    def is_mixed(self) -> bool:
        """Both valid multi-byte UTF-8 and bytes that are not UTF-8."""
        return self.cp1252_bytes > 0 and self.utf8_chars > 0


def decode_mixed(data: bytes) -> Mixed:
    """Read ``data`` as UTF-8 where it is valid UTF-8 and as cp1252 byte by byte elsewhere."""
    try:
        text = data.decode("utf-8")
        return Mixed(text, 0, 0, len(text) - _ascii_count(data))
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    position = cp1252 = undefined = utf8 = 0
    for match in _UTF8_RUN.finditer(data):
        for byte in data[position : match.start()]:
            parts.append(_CP1252[byte])
            undefined += byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        cp1252 += match.start() - position
        run = match.group()
        chunk = run.decode("utf-8")
        utf8 += len(chunk) - _ascii_count(run)
        parts.append(chunk)
        position = match.end()
    for byte in data[position:]:
        parts.append(_CP1252[byte])
        undefined += byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    cp1252 += len(data) - position
    return Mixed("".join(parts), cp1252, undefined, utf8)


def _ascii_count(data: bytes) -> int:
    return len(data.translate(None, _HIGH))


def mixed_note(cp1252_bytes: int, undefined_bytes: int, mixed: bool, where: str = "") -> str:
    """What to tell the user about bytes read as cp1252 or replaced ("" when nothing)."""
    notes = []
    if mixed:
        notes.append(
            f"mixed encodings: {cp1252_bytes} bytes are not UTF-8 and were read as cp1252/"
            f"Latin-1{where}; save the file as UTF-8"
        )
    if undefined_bytes:
        notes.append(
            f"{undefined_bytes} bytes are neither UTF-8 nor cp1252 and became U+FFFD{where}"
        )
    return "; ".join(notes)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit in every other byte, as in BOM-less UTF-16 text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def text_problem(text: str, encoding: str) -> str:
    """Why decoded text is not text ("" when it is): control characters, or (for UTF-16
    and UTF-32) a garbled mix of scripts, as random bytes give."""
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return "binary (control characters in the text)"
    if encoding.startswith(("utf-16", "utf-32")):
        sample = text[:4000]
        if sample.strip() and mess_ratio(sample, 1.0) > _MAX_MESS:
            return (
                f"doubtful encoding: read as {encoding} the text is a garbled mix of scripts "
                "(random or binary bytes?); convert it to UTF-8 if it is text"
            )
    return ""


@dataclass(frozen=True)
class Detected:
    """The encoding to read a file with, or why it is not text."""

    encoding: str
    problem: str = ""


def detect_encoding(sample: bytes, complete: bool = True) -> Detected:
    """The encoding of a file from ``sample``: all its bytes (``complete``) or its first block.

    Order: signatures of binary formats, byte-order mark (UTF-8/16/32), BOM-less UTF-16,
    NUL bytes (binary), UTF-8 (``utf-8``), mostly-ASCII text with other high bytes
    (``cp1252``, read with ``decode_mixed``), else charset-normalizer's best guess when it
    recognises a language in the result, else cp1252 if it defines every byte.
    """
    for magic, kind in _SIGNATURES:
        if sample.startswith(magic):
            return Detected("", f"binary ({kind})")
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return Detected(encoding)
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return Detected(utf16)
    if b"\x00" in sample:
        return Detected("", "binary (contains NUL bytes)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return Detected("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(sample)
    high = len(sample) - _ascii_count(sample)
    if not mixed.undefined_bytes and high <= _MAX_STRAY_SHARE * len(sample):
        return Detected("cp1252")
    guess = from_bytes(sample).best()
    # Without a recognisable language the "guess" is mojibake (random bytes decode as
    # Korean cp949, for instance): report the file rather than ingest garbage.
    if guess is not None and guess.coherence >= _MIN_COHERENCE:
        return Detected(guess.encoding)
    if not mixed.undefined_bytes:
        return Detected("cp1252")
    return Detected("", "undecodable (not UTF-8, UTF-16, cp1252 or a detectable encoding)")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole file's bytes; refuse binary data and doubtful decodings with a reason.

    The encoding comes from ``detect_encoding``; UTF-8 and cp1252 are read with
    ``decode_mixed`` (the encoding is ``utf-8+cp1252`` and ``note`` says so when a file
    mixes them).
    """
    detected = detect_encoding(data)
    if detected.problem:
        return Decoded(None, detected.encoding, detected.problem)
    encoding = detected.encoding
    if encoding in MIXED:
        body = data[len(codecs.BOM_UTF8) :] if encoding == "utf-8-sig" else data
        mixed = decode_mixed(body)
        note = mixed_note(mixed.cp1252_bytes, mixed.undefined_bytes, mixed.is_mixed)
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        if mixed.is_mixed:
            encoding = "utf-8+cp1252"
        elif mixed.cp1252_bytes:
            encoding = "cp1252"
        problem = text_problem(mixed.text, encoding)
        return Decoded(None if problem else mixed.text, encoding, problem, note)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return Decoded(None, encoding, f"undecodable (bytes not valid {encoding})")
    problem = text_problem(text, encoding)
    return Decoded(None if problem else text, encoding, problem)
