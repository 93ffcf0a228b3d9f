"""Four ways to rank a topic's terms: probability, FREX, lift and LDAvis relevance.

All functions take the topic-term matrix ``phi`` (K × V, rows sum to 1) and, where
needed, the corpus-wide term probabilities ``p_term`` (length V, sums to 1).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

# Added to probabilities before taking logs or ratios, so zeros stay finite.
_EPS = 1e-12


def term_probabilities(term_counts: np.ndarray) -> np.ndarray:
    """Share of all tokens that each term accounts for (uniform when there are no tokens)."""
    counts = np.asarray(term_counts, dtype=np.float64)
    total = counts.sum()
    return counts / total if total > 0 else np.full(len(counts), 1.0 / max(len(counts), 1))


def lift(phi: np.ndarray, p_term: np.ndarray) -> np.ndarray:
    """Lift (Taddy 2012): how much more likely a term is in the topic than in the corpus."""
    return phi / (p_term[np.newaxis, :] + _EPS)


def relevance(phi: np.ndarray, p_term: np.ndarray, lam: float) -> np.ndarray:
    """LDAvis relevance (Sievert & Shirley 2014): λ·log φ + (1 − λ)·log lift."""
    log_phi = np.log(phi + _EPS)
    log_lift = log_phi - np.log(p_term[np.newaxis, :] + _EPS)
    return lam * log_phi + (1.0 - lam) * log_lift


def _ecdf_within_rows(values: np.ndarray) -> np.ndarray:
    """Each value's empirical CDF within its row (share of the row's values ≤ it)."""
    n = values.shape[1]
    ecdf = np.empty_like(values, dtype=np.float64)
    for k, row in enumerate(values):
        ecdf[k] = np.searchsorted(np.sort(row), row, side="right") / n
    return ecdf


def frex(phi: np.ndarray, weight: float = 0.5) -> np.ndarray:
    """FREX (Roberts et al. 2016, as in R's stm): weighted harmonic mean of the within-topic
    ECDF ranks of exclusivity and of frequency; ``weight`` is the weight on exclusivity."""
    exclusivity = phi / (phi.sum(axis=0, keepdims=True) + _EPS)
    excl_rank = _ecdf_within_rows(exclusivity)
    freq_rank = _ecdf_within_rows(phi)
    return 1.0 / (weight / excl_rank + (1.0 - weight) / freq_rank)


def rank_within_rows(scores: np.ndarray, terms: Sequence[str]) -> np.ndarray:
    """1-based rank of every term in every topic by descending score, ties broken by term."""
    alphabetical = np.argsort(np.asarray(terms, dtype=object), kind="stable")
    ranks = np.empty(scores.shape, dtype=np.int64)
    for k, row in enumerate(scores):
        # Stable sort on -score over terms already in alphabetical order.
        order = alphabetical[np.argsort(-row[alphabetical], kind="stable")]
        ranks[k, order] = np.arange(1, len(order) + 1)
    return ranks


def ranked_terms(
    phi: np.ndarray,
    p_term: np.ndarray,
    terms: Sequence[str],
    top_n: int,
    frex_weight: float,
    lam: float,
) -> pd.DataFrame:
    """Tidy table of every term in the top ``top_n`` of a topic by any of the four rankings.

    Columns: topic (1-based), rank (by probability), term, weight (probability),
    frex, lift, relevance, rank_frex, rank_lift, rank_relevance. Ranks are over the
    whole vocabulary, so ``rank_frex <= 10`` selects a topic's top 10 FREX terms.
    """
    scores = {
        "weight": phi,
        "frex": frex(phi, frex_weight),
        "lift": lift(phi, p_term),
        "relevance": relevance(phi, p_term, lam),
    }
    ranks = {name: rank_within_rows(values, terms) for name, values in scores.items()}
    keep = np.zeros(phi.shape, dtype=bool)
    for rank in ranks.values():
        keep |= rank <= top_n
    topic_idx, term_idx = np.nonzero(keep)
    table = pd.DataFrame(
        {
            "topic": topic_idx + 1,
            "rank": ranks["weight"][topic_idx, term_idx],
            "term": np.asarray(terms, dtype=object)[term_idx],
        }
    )
    for name in scores:
        table[name] = scores[name][topic_idx, term_idx]
    for name in ("frex", "lift", "relevance"):
        table[f"rank_{name}"] = ranks[name][topic_idx, term_idx]
    return table.sort_values(["topic", "rank"], ignore_index=True)


def top_by(table: pd.DataFrame, topic: int, ranking: str, n: int) -> list[str]:
    """The first ``n`` terms of ``topic`` by ``ranking`` (``rank`` or ``rank_frex`` …)."""
    rows = table[(table["topic"] == topic) & (table[ranking] <= n)]
    return rows.sort_values(ranking)["term"].tolist()
