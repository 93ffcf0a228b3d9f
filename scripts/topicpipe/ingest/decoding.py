"""Bytes to text: detect the encoding of one file, or say why it cannot be read as text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

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
# Bytes that cp1252 leaves undefined: their presence rules cp1252 out.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# Mostly-ASCII text with at most this share of high bytes is cp1252 (English with a
# stray £ or curly quote); more of them may be another legacy code page.
_MAX_STRAY_SHARE = 0.05
# charset-normalizer's language coherence below which its guess is not trusted.
_MIN_COHERENCE = 0.1


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding used, or the reason it is not text."""

    text: str | None
    encoding: str
    problem: str = ""


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


def _checked(text: str, encoding: str) -> Decoded:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return Decoded(None, encoding, "binary (control characters in the text)")
    return Decoded(text, encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; refuse binary data with a reason.

    Order: byte-order mark (UTF-8/16/32), BOM-less UTF-16, strict UTF-8, then cp1252
    (the usual legacy encoding of English web text, a superset of Latin-1's printable
    characters, so a stray ``\\xa3`` stays ``£``) for mostly-ASCII text, else
    charset-normalizer's best guess when it recognises a language in the result, else
    cp1252 if it can decode the bytes at all.
    """
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return Decoded(None, "", f"binary ({kind})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding.replace("-sig", ""))
            except UnicodeDecodeError:
                return Decoded(None, encoding, f"undecodable (invalid {encoding} after its BOM)")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return Decoded(None, "", "binary (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    cp1252_ok = not _CP1252_HOLES.intersection(data)
    high = sum(1 for byte in data[:100_000] if byte >= 0x80)
    if cp1252_ok and high <= _MAX_STRAY_SHARE * min(len(data), 100_000):
        return _checked(data.decode("cp1252"), "cp1252")
    guess = from_bytes(data).best()
    # Without a recognisable language the "guess" is mojibake (random bytes decode as
    # Korean cp949, for instance): report the file rather than ingest garbage.
    if guess is not None and guess.coherence >= _MIN_COHERENCE:
        return _checked(str(guess), guess.encoding)
    if cp1252_ok:
        return _checked(data.decode("cp1252"), "cp1252")
    return Decoded(None, "", "undecodable (not UTF-8, UTF-16, cp1252 or a detectable encoding)")
