"""Streamed files: lines decoded one at a time, encodings detected from the first block,
bad bytes reported with their line, never a whole file in memory."""

from __future__ import annotations

import codecs
import hashlib
import json
import tracemalloc

from topicpipe.ingest.decoding import decode_mixed, detect_encoding
from topicpipe.ingest.readers import BadRecord, open_stream, read_records
from topicpipe.ingest.streams import SNIFF_BYTES, LineStream

COLUMNS = {
    "id": "id",
    "text": "text",
    "title": "title",
    "date": "date",
    "source": "s",
    "author": "a",
}


def jsonl_line(number: int, text: str = "Ships loaded wheat at the quay.") -> str:
    return json.dumps({"id": f"d{number}", "text": text}, ensure_ascii=False) + "\n"


def test_a_latin1_line_after_the_first_block_is_read_right_and_reported(tmp_path):
    path = tmp_path / "t.jsonl"
    head = "".join(jsonl_line(n, "Caf\u00e9 talks went on.") for n in range(2000))
    assert len(head.encode()) > SNIFF_BYTES
    path.write_bytes(head.encode() + jsonl_line(2000, "\u00e9t\u00e9 in Velin").encode("latin-1"))
    stream = open_stream(path, "jsonl", 10_000)
    lines = list(stream)
    assert json.loads(lines[-1].text)["text"] == "\u00e9t\u00e9 in Velin"
    assert stream.final_encoding == "utf-8+cp1252"
    assert "line 2001" in stream.note and "mixed encodings" in stream.note


def test_a_cyrillic_line_in_an_ascii_file_is_flagged_as_doubtful(tmp_path):
    path = tmp_path / "t.jsonl"
    text = "Переговоры в Москве продолжились."
    path.write_bytes(jsonl_line(1).encode() + jsonl_line(2, text).encode("cp1251"))
    stream = open_stream(path, "jsonl", 10_000)
    list(stream)
    assert "convert it to UTF-8" in stream.note and "line 2" in stream.note


def test_invalid_utf16_midway_keeps_earlier_lines_and_reports_the_rest(tmp_path):
    path = tmp_path / "t.jsonl"
    good = "".join(jsonl_line(n) for n in range(3000)).encode("utf-16-le")
    # A lone low surrogate: not valid UTF-16.
    path.write_bytes(
        codecs.BOM_UTF16_LE + good + b"\x00\xdc" + jsonl_line(3000).encode("utf-16-le")
    )
    stream = open_stream(path, "jsonl", 10_000)
    lines = list(stream)
    assert len(lines) == 3001
    assert [json.loads(line.text)["id"] for line in lines[:3000]] == [f"d{n}" for n in range(3000)]
    assert "\ufffd" in lines[-1].text
    assert "bytes not valid utf-16 from line" in stream.note


def test_a_line_over_the_limit_is_skipped_and_the_next_one_read(tmp_path):
    path = tmp_path / "t.cor"
    path.write_text("short one\n" + "x" * 5000 + "\nlast one\n", encoding="utf-8")
    lines = list(LineStream(path, 1000, universal=True))
    assert [(line.number, line.text) for line in lines] == [
        (1, "short one\n"),
        (2, None),
        (3, "last one\n"),
    ]
    assert lines[1].size == 5001


def test_line_ends_universal_or_newline_only(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"a\rb\r\nc\nd")
    universal = [line.text for line in LineStream(path, 100, universal=True)]
    assert universal == ["a\r", "b\r\n", "c\n", "d"]
    assert [line.text for line in LineStream(path, 100, universal=False)] == [
        "a\rb\r\n",
        "c\n",
        "d",
    ]
    # As str.split at line ends counts: a last line without its end counts, "" after one too.
    assert LineStream(path, 100, universal=True).count_lines() == 4
    path.write_bytes(b"a\nb\n")
    assert LineStream(path, 100, universal=True).count_lines() == 3


def test_checksum_and_size_are_of_the_bytes_read(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_bytes("".join(jsonl_line(n) for n in range(500)).encode())
    stream = open_stream(path, "jsonl", 1000)
    list(stream)
    assert stream.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert stream.size == path.stat().st_size


def test_a_large_table_is_never_held_in_memory(tmp_path):
    path = tmp_path / "t.jsonl"
    text = "Ships loaded wheat at the new quay as the season opened. " * 4
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(20_000):
            handle.write(jsonl_line(number, text))
    assert path.stat().st_size > 4_000_000
    tracemalloc.start()
    count = sum(
        1 for record in read_records(open_stream(path, "jsonl", 10**6), "jsonl", "t", COLUMNS)
    )
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 20_000
    assert peak < 2_000_000, f"peak {peak} bytes while streaming a {path.stat().st_size}-byte file"


def test_csv_record_that_never_closes_its_quote_is_cut_at_the_limit(tmp_path):
    path = tmp_path / "t.csv"
    rows = "".join(f"r{n},Story number {n}\n" for n in range(200))
    path.write_text(f'id,text\nr0,"opens a quote\n{rows}', encoding="utf-8")
    records = list(read_records(open_stream(path, "csv", 1000), "csv", "t", COLUMNS))
    bad = [r for r in records if isinstance(r, BadRecord)]
    good = [r.id for r in records if not isinstance(r, BadRecord)]
    # The unclosed quote swallows rows only up to the limit; later rows are read again.
    assert bad[0].kind == "longer than ingest.max_bytes" and bad[0].line == 2
    assert "r199" in good and len(good) + sum(r.last_line - r.line + 1 for r in bad) >= 200


def test_mixed_decoding_counts_what_it_found():
    mixed = decode_mixed("caf\u00e9 ".encode() + "caf\u00e9 \x81".encode("latin-1"))
    assert mixed.text == "caf\u00e9 caf\u00e9 \ufffd"
    assert (mixed.cp1252_bytes, mixed.undefined_bytes, mixed.utf8_chars) == (2, 1, 1)
    assert mixed.is_mixed


def test_a_block_cut_inside_a_utf8_character_is_still_utf8():
    block = ("Tbilisi talks, caf\u00e9 " * 10).encode()
    cut = block[: block.index("\u00e9".encode()) + 1]
    assert detect_encoding(cut, complete=False).encoding == "utf-8"
    assert detect_encoding(cut, complete=True).encoding == "cp1252"
