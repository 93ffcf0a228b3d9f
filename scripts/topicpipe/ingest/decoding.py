"""Bytes to text: detect the encoding of one file, or say why it cannot be read as text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding used, or the reason it is not text."""

    text: str | None
    encoding: str
    problem: str = ""


def decode_bytes(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM), falling back to cp1252; refuse binary data."""
    if b"\x00" in data:
        return Decoded(None, "", "binary (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(None, "", "undecodable (neither UTF-8 nor cp1252)")
