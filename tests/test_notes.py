"""Run notes: written by each rule, gathered, warnings first, readable and safe in every form."""

from __future__ import annotations

import pytest

from topicpipe.notes import (
    Note,
    choice,
    gather,
    notes_html,
    notes_markdown,
    read_notes,
    warning,
    write_notes,
)

CHOSEN = choice("corpus", "dictionary.no_below", 2, "27 documents", "set dictionary.no_below")
WARNED = warning("topics", "flat_topic", "topic 3", "near-uniform <terms>", "train fewer topics")


def test_notes_round_trip_and_are_gathered_warnings_first(tmp_path):
    write_notes(tmp_path / "corpus.json", [CHOSEN])
    write_notes(tmp_path / "topics.json", [WARNED])
    write_notes(tmp_path / "empty.json", [])
    assert read_notes(tmp_path / "corpus.json") == [CHOSEN]
    paths = [tmp_path / name for name in ("corpus.json", "empty.json", "topics.json")]
    assert gather(paths) == [WARNED, CHOSEN]


def test_markdown_and_html_say_what_happened_and_how_to_change_it():
    page = notes_markdown([WARNED, CHOSEN])
    assert page.index("## Warnings") < page.index("## Automatic choices")
    assert "`dictionary.no_below` = 2 (corpus): 27 documents" in page
    assert "*To change it:* set dictionary.no\\_below" in page
    assert "<terms>" not in page and "&lt;terms&gt;" in page
    html = notes_html([WARNED, CHOSEN], "Run notes: <corpus>")
    assert "<terms>" not in html and "&lt;corpus&gt;" in html
    assert "To change it: train fewer topics" in html
    assert "No automatic choice" in notes_markdown([])


def test_a_note_of_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="note kind"):
        Note("x", "hint", "s", "v", "m")
