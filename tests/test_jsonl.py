"""JSON Lines files round-trip text exactly and point at the broken line."""

import pytest

from topicpipe.jsonl import read_jsonl, write_jsonl


def test_round_trip_keeps_unicode_and_order(tmp_path):
    records = [{"id": "b", "text": "“Russia’s” role — in SCO"}, {"id": "a", "text": "line\nbreak"}]
    path = tmp_path / "docs.jsonl"
    assert write_jsonl(path, iter(records)) == 2
    assert list(read_jsonl(path)) == records


def test_broken_line_is_named(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"docs.jsonl:2"):
        list(read_jsonl(path))
