"""Decoding and Unicode clean-up: every encoding a scraped corpus arrives in."""

from __future__ import annotations

import codecs

import pytest

from topicpipe.ingest.decoding import decode_bytes
from topicpipe.ingest.normalise import normalise_text

TEXT = "Ministers met in Tbilisi on Monday.\nThe envoy said the talks were useful.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings_with_and_without_bom(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_stray_latin1_pound_sign_is_kept():
    decoded = decode_bytes(b"The loan was worth \xa3200 million, officials said.")
    assert decoded.encoding == "cp1252"
    assert "£200 million" in decoded.text


def test_cp1252_curly_quotes_and_accents():
    data = "\u201cCaf\u00e9 talks\u201d \u2013 na\u00efve hopes".encode("cp1252")
    decoded = decode_bytes(data)
    assert decoded.text == "\u201cCaf\u00e9 talks\u201d \u2013 na\u00efve hopes"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"some text\x00\x01\x02\x00 more", "NUL"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_binary_data_is_refused_with_its_kind(data, reason):
    decoded = decode_bytes(data)
    assert decoded.text is None
    assert decoded.problem.startswith("binary")
    assert reason in decoded.problem


def test_normalise_quotes_dashes_spaces_and_invisibles():
    raw = (
        "Iran\u2019s \u201cstrategic\u201d ties\u2014old and new\r\n"
        "2015\u20132022:\u00a0co\u00adoperation\u200b grew\rﬁnal"
    )
    assert normalise_text(raw) == (
        'Iran\'s "strategic" ties - old and new\n2015-2022: cooperation grew\nfinal'
    )


def test_normalise_keeps_paragraph_breaks_and_trims_lines():
    assert normalise_text("  First  line \n\n\n  Second\t line  ") == "First line\n\n\nSecond line"


def test_legacy_cyrillic_is_detected():
    text = "Переговоры в Москве и Тегеране продолжились во вторник, сообщили дипломаты."
    decoded = decode_bytes((text + "\n").encode("cp1251") * 3)
    assert decoded.encoding == "cp1251"
    assert text in decoded.text


def test_bytes_of_no_encoding_are_undecodable():
    decoded = decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50)
    assert decoded.text is None
    assert decoded.problem.startswith("undecodable")
