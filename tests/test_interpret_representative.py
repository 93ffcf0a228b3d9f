"""Representative documents and keyword-in-context snippets: keywords found as whole tokens
(as the tokeniser made them), in time linear in the text, and only documents that carry a
topic substantially."""

import numpy as np
import pandas as pd
import pytest

from defaults import section
from topicpipe.interpret.representative import (
    KeywordMatcher,
    densest_start,
    escape_markdown,
    kwic,
    representative_markdown,
    representative_table,
    top_documents,
)
from topicpipe.interpret.stage import word_forms
from topicpipe.tokenise import Settings
from topicpipe.tokenise.tokens import WordClassifier

FORMS = word_forms(WordClassifier(Settings.from_config(section("tokenise")).options))
FILLER = "The weather stayed calm over the weekend in most parts of the region. " * 6
TEXT = FILLER + "New Sanctions hit exports while sanction talks stalled again. " + FILLER


def marked(text: str, keywords: list[str]) -> list[str]:
    """The stretches of ``text`` that the matcher finds."""
    return [text[a:b] for a, b in KeywordMatcher(keywords, FORMS).spans(text)]


def test_kwic_centres_on_keywords_and_matches_word_forms():
    snippet = kwic(TEXT, KeywordMatcher(["sanction", "export"], FORMS), width=60)
    assert "Sanctions hit exports" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 125
    assert not snippet[1:].startswith(" ")


def test_kwic_without_a_match_shows_the_beginning():
    assert kwic("Short text here.", KeywordMatcher(["absent"], FORMS), width=50) == (
        "Short text here."
    )


def test_keywords_match_whole_tokens_only():
    text = "Officials used new payouts to pay us; the US and the U.S. Treasury disagreed."
    # Issue 11, finding 5: "us" marked "used" and "pay" marked "payouts".
    assert marked(text, ["us"]) == ["us"]
    assert marked(text, ["pay"]) == ["pay"]
    # An alias token is found under every form it was written in.
    assert marked(text, ["united_states"]) == ["US", "U.S."]


def test_joined_keywords_match_their_words_in_a_row():
    text = "Bin Laden fled to Tora Bora, not to Tora alone; the lifting of sanctions followed."
    assert marked(text, ["bin_laden", "tora_bora"]) == ["Bin Laden", "Tora Bora"]
    assert marked(text, ["lift_of_sanction"]) == ["lifting of sanctions"]
    # The longer keyword wins over a keyword inside it.
    assert marked(text, ["bora", "tora_bora"]) == ["Tora Bora"]


def test_densest_start_is_the_position_with_most_neighbours():
    rng = np.random.default_rng(3)
    for _ in range(50):
        positions = sorted(rng.integers(0, 2000, size=int(rng.integers(1, 60))).tolist())
        width = int(rng.integers(1, 300))
        counts = [sum(abs(q - p) <= width for q in positions) for p in positions]
        assert densest_start(positions, width) == positions[int(np.argmax(counts))]


def test_matches_per_text_are_capped():
    text = "oil " * 10_000
    assert len(KeywordMatcher(["oil"], FORMS).spans(text, limit=100)) == 100
    assert kwic(text, KeywordMatcher(["oil"], FORMS), width=20).startswith("oil")


def test_top_documents_need_a_substantial_share():
    theta = np.array([[0.9, 0.1], [0.2, 0.8], [1.0, 0.0], [0.95, 0.05]])
    assert top_documents(theta, 2, 0.0) == [(0, [2, 3]), (1, [1, 0])]
    # A document with a tiny (or zero) share is never representative.
    assert top_documents(theta, 3, 0.1) == [(0, [2, 3, 0]), (1, [1, 0])]
    assert top_documents(theta, 3, 0.5) == [(0, [2, 3, 0]), (1, [1])]


@pytest.mark.parametrize("min_share", [0.1, 0.5])
def test_markdown_page_escapes_markup_bolds_keywords_and_says_when_none_is_shown(min_share):
    articles = pd.DataFrame(
        {"id": ["a"], "title": ["<script>alert(1)</script>"], "date": [""], "source": ["X"]}
    )
    theta = np.array([[0.8, 0.2]])
    snippets = {(1, "a"): "new sanctions <b>", (2, "a"): "used payouts"}
    labels = {1: "Sanctions", 2: "Pay"}
    table = representative_table(articles, theta, labels, snippets, 5, min_share)
    matchers = {1: KeywordMatcher(["sanction"], FORMS), 2: KeywordMatcher(["pay", "us"], FORMS)}
    page = representative_markdown(
        table, {1: ["sanction"], 2: ["pay"]}, labels, matchers, min_share
    )
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "**sanctions**" in page
    assert "> used payouts" in page or "No document" in page.split("2 · Pay")[-1]
    if min_share > 0.2:
        assert f"No document has a share of {min_share:.0%} or more of this topic." in page
    assert escape_markdown("a_b *c*") == "a\\_b \\*c\\*"
