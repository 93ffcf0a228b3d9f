"""Topic labels: automatic from FREX (never from ties, junk or rare terms, always distinct),
overridden by the config's topic_labels."""

import numpy as np
import pandas as pd
import pytest

from defaults import section
from topicpipe.interpret.labels import (
    FLAT_LABEL,
    LabelError,
    LabelSettings,
    check_human_labels,
    display_label,
    label_table,
)
from topicpipe.interpret.term_rankings import ranked_terms

TERMS = ["said", "nuclear", "enrichment", "oil", "barrel", "opec"]
PHI = np.array(
    [
        [0.4, 0.3, 0.2, 0.04, 0.03, 0.03],
        [0.4, 0.03, 0.02, 0.3, 0.15, 0.1],
    ]
)
SETTINGS = LabelSettings.from_config(section("topics", label_terms=2))


def labelled(phi, words, counts=None, flat=(), human=None, **options):
    """The label table of topics ``phi`` over ``words`` (every term seen 10 times unless
    ``counts`` says otherwise)."""
    terms = ranked_terms(phi, phi.mean(axis=0), words, top_n=5, frex_weight=0.5, lam=0.6)
    settings = LabelSettings.from_config(section("topics", **{"label_terms": 2, **options}))
    counts = {word: 10 for word in words} | (counts or {})
    return label_table(terms, human or {}, counts, flat, settings)


def with_fillers(phi, words, n=40, seed=1):
    """``phi`` and ``words`` with rare filler terms, so FREX's within-topic ECDFs are realistic."""
    fillers = np.random.default_rng(seed).uniform(0.0005, 0.002, size=(len(phi), n))
    phi = np.hstack([phi, fillers])
    return phi / phi.sum(axis=1, keepdims=True), words + [f"filler{i}" for i in range(n)]


def test_automatic_label_is_top_frex_terms_and_human_label_wins():
    phi, words = with_fillers(PHI, TERMS)
    table = labelled(phi, words, human={2: "Oil market"})
    assert table.loc[0, "label"] == "nuclear, enrichment"
    assert table.loc[1, "label"] == "Oil market"
    assert table.loc[1, "auto_label"] == "oil, barrel"
    assert display_label(2, "Oil market") == "2 · Oil market"


def test_labels_skip_units_numbers_and_phrases_repeating_a_word():
    # A wire-table topic: "mln", "versus" and "mln_versus" lead FREX, as in the issue.
    words = ["mln_versus", "mln", "versus", "2021", "profit", "quarter", "iran"]
    phi = np.array([[0.3, 0.25, 0.2, 0.1, 0.06, 0.05, 0.04], [0.01] * 6 + [0.94]])
    phi, words = with_fillers(phi, words)
    label = labelled(phi, words, label_exclude=["mln"]).loc[0, "label"]
    assert label == "versus, profit"
    assert "mln" not in label and "2021" not in label


def test_labels_prefer_terms_seen_often_in_the_corpus():
    phi, words = with_fillers(PHI, TERMS)
    table = labelled(phi, words, counts={"enrichment": 1})
    assert table.loc[0, "label"] == "nuclear, said"


def test_flat_topics_and_alphabetical_ties_never_make_a_label():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    flat = np.full((1, 6), 1 / 6)
    real = np.array([[0.5, 0.2, 0.1, 0.1, 0.05, 0.05]])
    assert labelled(np.vstack([real, flat]), words, flat=[2]).loc[1, "label"] == FLAT_LABEL
    # One term stands out, the rest tie: the label holds only what is not a tie.
    tied = np.array([[0.5, 0.1, 0.1, 0.1, 0.1, 0.1], [0.0, 0.2, 0.2, 0.2, 0.2, 0.2]])
    assert labelled(tied, words).loc[0, "label"] == "alpha"


def test_terms_tied_in_frex_are_told_apart_by_corpus_frequency_never_the_alphabet():
    words = ["apple", "zebra", "mango", "other"]
    phi = np.array([[0.3, 0.3, 0.3, 0.1], [0.0, 0.0, 0.0, 1.0]])
    # "zebra" is seen more often in the corpus than "apple" and "mango", which tie in all.
    table = labelled(phi, words, counts={"zebra": 50, "apple": 5, "mango": 5}, label_terms=3)
    label = table.loc[0, "label"]
    assert label.startswith("zebra") and "apple" not in label and "mango" not in label


def test_automatic_labels_are_distinct():
    words = ["iran", "deal", "talk", "oil"]
    # Two topics with the same leading terms: the second takes its next candidate.
    phi = np.array([[0.45, 0.35, 0.15, 0.05], [0.44, 0.34, 0.06, 0.16]])
    labels = labelled(phi, words)["label"]
    assert labels.is_unique


def test_label_table_columns():
    phi, words = with_fillers(PHI, TERMS)
    assert isinstance(labelled(phi, words), pd.DataFrame)
    assert list(labelled(phi, words).columns) == ["topic", "label", "auto_label", "human_label"]


def test_human_labels_accept_string_keys_and_tidy_whitespace():
    assert check_human_labels({"3": "  Sanctions \n policy "}, 5) == {3: "Sanctions policy"}


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({7: "Syria"}, "topic 7 does not exist; the model has topics 1 to 5"),
        ({0: "Zero"}, "topic 0 does not exist"),
        ({"three": "x"}, "key 'three' is not a topic number"),
        ({2: " "}, "the label of topic 2 is empty"),
    ],
)
def test_bad_human_labels_name_the_problem(labels, message):
    with pytest.raises(LabelError, match=message):
        check_human_labels(labels, 5)
