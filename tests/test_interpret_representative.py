"""Representative documents and keyword-in-context snippets."""

import numpy as np
import pandas as pd

from topicpipe.interpret.representative import (
    escape_markdown,
    kwic,
    representative_markdown,
    representative_table,
    top_documents,
)

FILLER = "The weather stayed calm over the weekend in most parts of the region. " * 6
TEXT = FILLER + "New Sanctions hit exports while sanction talks stalled again. " + FILLER


def test_kwic_centres_on_keywords_and_matches_word_forms():
    snippet = kwic(TEXT, ["sanction", "export"], width=60)
    assert "Sanctions hit exports" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 125
    assert not snippet[1:].startswith(" ")


def test_kwic_without_a_match_shows_the_beginning():
    assert kwic("Short text here.", ["absent"], width=50) == "Short text here."


def test_top_documents_skip_zero_shares():
    theta = np.array([[0.9, 0.1], [0.2, 0.8], [1.0, 0.0]])
    assert top_documents(theta, 2) == [(0, [2, 0]), (1, [1, 0])]


def test_markdown_page_escapes_markup_and_bolds_keywords():
    articles = pd.DataFrame(
        {"id": ["a"], "title": ["<script>alert(1)</script>"], "date": [""], "source": ["X"]}
    )
    table = representative_table(
        articles, np.array([[1.0]]), {1: "Sanctions"}, {(1, "a"): "new sanctions <b>"}, 5
    )
    page = representative_markdown(table, {1: ["sanction"]}, [1])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "**sanctions**" in page
    assert escape_markdown("a_b *c*") == "a\\_b \\*c\\*"
