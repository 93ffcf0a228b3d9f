"""The explorer page is one offline file whose data cannot break out of its <script>, and
whose data say what the page shows: term frequencies, spreads, documents and periods."""

import json
import re

import numpy as np
import pandas as pd
from explorer_fixture import IMG_TEXT, SCRIPT_TITLE, TEXT_CHARS, page_data, page_html

from topicpipe.interpret.explorer import (
    candidate_term_ids,
    embed_json,
    pair_matrices,
    term_topic_shares,
)
from topicpipe.interpret.explorer_documents import article_records, cap_text


def test_page_loads_nothing_from_the_network():
    page = page_html()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.IGNORECASE)
    assert "@import" not in page and "url(http" not in page
    assert "default-src 'none'" in page


def test_document_markup_cannot_close_the_data_element():
    page = page_html()
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert SCRIPT_TITLE not in page
    assert "<title>Test explorer &lt;b&gt;not bold&lt;/b&gt;</title>" in page
    embedded = page.split('id="explorer-data">')[1].split("</script>")[0]
    assert json.loads(embedded)["documents"]["a00"]["title"] == SCRIPT_TITLE


def test_embedded_json_has_no_html_special_characters():
    text = embed_json({"a": "</script><!-- & -->"})
    assert not set("<>&") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_correlations_left_out_for_too_few_documents_are_null_not_zero():
    distances = pd.DataFrame({"topic_a": [1], "topic_b": [2], "js_distance": [0.4]})
    note = pd.DataFrame({"note": ["topic correlations need at least 20 documents"]})
    matrix, correlations = pair_matrices(distances, note, 2)
    assert correlations is None and matrix[0, 1] == matrix[1, 0] == 0.4
    assert page_data(dated=False)["correlations"] is None


def test_empty_periods_have_no_mean_and_are_listed_once():
    data = page_data()
    assert [p["n"] for p in data["periods"]] == [6, 0, 2]
    assert data["prevalence"]["1"][1][0] is None


def test_candidate_terms_cover_both_ends_of_lambda():
    phi = np.array([[0.6, 0.3, 0.05, 0.05]])
    p_term = np.array([0.7, 0.25, 0.01, 0.04])
    ids = candidate_term_ids(phi, p_term, per_lambda=1)
    assert set(ids[0]) >= {0, 2}


def test_a_terms_spread_over_topics_weighs_topic_sizes():
    # "oil" is as probable in both topics, but topic 2 has three times the tokens.
    shares = term_topic_shares(np.array([[0.1, 0.9], [0.1, 0.9]]), np.array([100.0, 300.0]))
    assert np.allclose(shares[0], [0.25, 0.75])
    data = page_data()
    total, spread = data["vocabulary"]["oil"]
    # 0.10 × 600 tokens in topic 1 against 0.36 × 400 in topic 2, in per mille.
    assert total == 150 and spread == [[1, 294], [2, 706]]


def test_documents_carry_metadata_author_and_capped_text():
    data = page_data()
    first = data["documents"]["a00"]
    assert first["author"] == "Anna Kessler" and first["text"] == IMG_TEXT and not first["cut"]
    long = data["documents"]["a02"]
    assert long["cut"] and len(long["text"]) <= TEXT_CHARS and long["chars"] > TEXT_CHARS
    # Topic 1's documents in order of share, more than the five shown at first.
    assert [row[0] for row in data["topic_documents"]["1"]][:3] == ["a00", "a01", "a02"]
    assert len(data["topic_documents"]["1"]) == 11 and data["shown_documents"] == 5


def test_text_is_cut_at_a_word_boundary():
    text, cut = cap_text("one two three four five", 12)
    assert cut and text == "one two"
    assert cap_text("short", 12) == ("short", False)


def test_paragraph_units_make_up_their_articles_text():
    records = [
        {"id": "a#p001", "parent_id": "a", "text": "First.", "author": "X"},
        {"id": "b", "parent_id": "b", "text": "Other."},
        {"id": "a#p002", "parent_id": "a", "text": "Second."},
    ]
    assert article_records(records, {"a"}) == {"a": {"text": "First.\n\nSecond.", "author": "X"}}
