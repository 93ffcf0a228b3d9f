"""Term rankings: probability, FREX, lift and LDAvis relevance."""

import numpy as np
import pytest

from topicpipe.interpret.term_rankings import (
    frex,
    lift,
    ranked_terms,
    relevance,
    term_probabilities,
    top_by,
)

TERMS = ["said", "nuclear", "oil", "enrichment", "barrel"]
# "said" is frequent in both topics; "enrichment" is rare but only in topic 1.
PHI = np.array(
    [
        [0.50, 0.30, 0.01, 0.18, 0.01],
        [0.50, 0.01, 0.30, 0.01, 0.18],
    ]
)
P_TERM = np.array([0.5, 0.15, 0.15, 0.1, 0.1])


def _with_fillers(phi: np.ndarray, n: int = 40, seed: int = 0) -> np.ndarray:
    """``phi`` plus ``n`` rare filler terms of random exclusivity, rows renormalised."""
    fillers = np.random.default_rng(seed).uniform(0.0005, 0.002, size=(len(phi), n))
    wide = np.hstack([phi, fillers])
    return wide / wide.sum(axis=1, keepdims=True)


def test_frex_prefers_exclusive_terms_over_shared_frequent_ones():
    scores = frex(_with_fillers(PHI), weight=0.5)
    assert scores[0, TERMS.index("enrichment")] > scores[0, TERMS.index("said")]
    assert scores[0, TERMS.index("nuclear")] == scores[0].max()


def test_frex_weight_one_ranks_by_exclusivity_only():
    scores = frex(PHI, weight=0.999)
    assert scores[0, TERMS.index("said")] < scores[0, TERMS.index("enrichment")]


def test_lift_and_relevance_extremes():
    assert lift(PHI, P_TERM)[0, 3] == pytest.approx(1.8, rel=1e-6)
    by_prob = np.argsort(-relevance(PHI, P_TERM, 1.0)[0], kind="stable")
    by_lift = np.argsort(-relevance(PHI, P_TERM, 0.0)[0], kind="stable")
    assert TERMS[by_prob[0]] == "said"
    assert TERMS[by_lift[0]] == "nuclear" or TERMS[by_lift[0]] == "enrichment"
    assert TERMS[by_lift[-1]] in {"oil", "barrel"}


def test_ranked_terms_is_tidy_and_one_based():
    table = ranked_terms(PHI, P_TERM, TERMS, top_n=2, frex_weight=0.5, lam=0.6)
    assert list(table.columns[:4]) == ["topic", "rank", "term", "weight"]
    assert set(table["topic"]) == {1, 2}
    assert top_by(table, 1, "rank", 2) == ["said", "nuclear"]
    assert top_by(table, 1, "rank_frex", 1) == ["nuclear"]
    assert "said" not in top_by(table, 1, "rank_lift", 2)
    assert not table.duplicated(["topic", "term"]).any()
    assert table.loc[(table.topic == 1) & (table.term == "said"), "weight"].item() == 0.5


def test_ties_are_broken_alphabetically():
    phi = np.array([[0.25, 0.25, 0.25, 0.25]])
    table = ranked_terms(phi, np.full(4, 0.25), ["d", "b", "a", "c"], 4, 0.5, 0.6)
    assert top_by(table, 1, "rank", 4) == ["a", "b", "c", "d"]


def test_term_probabilities_are_shares_of_all_tokens():
    assert term_probabilities(np.array([3, 0, 1])).tolist() == [0.75, 0.0, 0.25]
    assert term_probabilities(np.zeros(4)).tolist() == [0.25] * 4
