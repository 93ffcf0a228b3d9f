"""Held-out log-likelihood per word by document completion.

A fixed, seeded share of the documents is held out of training. Each held-out
document's tokens are split at random into two halves: the model infers the
document's topic shares from the first half and scores the second half,
``log p(w) = log sum_k theta_k phi_kw`` (Wallach et al. 2009, "Evaluation
methods for topic models", ICML; the "document completion" estimator of
Rosen-Zvi et al. 2004). Perplexity is ``exp(-log-likelihood per word)``. This
needs only an engine's ``infer`` and ``topic_term_matrix``, so every engine is
scored the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

Bow = list[tuple[int, float]]


def heldout_mask(n_docs: int, fraction: float, seed: int) -> np.ndarray:
    """Boolean mask of the documents held out: ``round(fraction * n_docs)`` chosen at random.

    At least one document is held out when ``fraction > 0`` and at least one is kept.
    """
    mask = np.zeros(n_docs, dtype=bool)
    if fraction <= 0 or n_docs < 2:
        return mask
    n_heldout = min(max(1, round(fraction * n_docs)), n_docs - 1)
    mask[np.random.default_rng(seed).choice(n_docs, size=n_heldout, replace=False)] = True
    return mask


def split_table(documents: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """``heldout_split.csv``: each corpus row (``row``, ``id``) with its set, train or heldout."""
    table = documents[["row", "id"]].copy()
    table["set"] = np.where(mask, "heldout", "train")
    return table


def heldout_rows(split: pd.DataFrame, n_rows: int, path: str) -> np.ndarray:
    """The held-out mask of a corpus of ``n_rows`` rows, from ``split_table`` read from
    ``path``; a split of another corpus is an error that names the file."""
    mask = (split["set"] == "heldout").to_numpy()
    if len(mask) != n_rows:
        raise ValueError(f"{path} has {len(mask)} rows but the corpus {n_rows}")
    return mask


def split_halves(bow: Bow, rng: np.random.Generator) -> tuple[Bow, Bow]:
    """Split a document's tokens at random into an observed half and an evaluated half."""
    tokens = np.repeat([term for term, _ in bow], [int(count) for _, count in bow])
    tokens = rng.permutation(tokens)
    half = len(tokens) // 2
    return _to_bow(tokens[:half]), _to_bow(tokens[half:])


def _to_bow(tokens: np.ndarray) -> Bow:
    terms, counts = np.unique(tokens, return_counts=True)
    return [(int(t), int(c)) for t, c in zip(terms, counts, strict=True)]


def completion_halves(bows: Iterable[Bow], seed: int) -> Iterator[tuple[Bow, Bow]]:
    """The observed and evaluated halves of each document with at least two tokens (seeded),
    one document at a time."""
    rng = np.random.default_rng(seed)
    for bow in bows:
        if sum(count for _, count in bow) >= 2:
            yield split_halves(bow, rng)


@dataclass(frozen=True)
class HeldoutScore:
    """Log-likelihood of the evaluated halves and how many tokens they hold."""

    log_likelihood: float
    n_tokens: int

    @property
    def per_word(self) -> float:
        """Held-out log-likelihood per token (nats); higher is better."""
        return self.log_likelihood / self.n_tokens if self.n_tokens else float("nan")

    @property
    def perplexity(self) -> float:
        """``exp(-per_word)``; lower is better."""
        return float(np.exp(-self.per_word))


def completion_score(phi: np.ndarray, theta: np.ndarray, evaluated: Sequence[Bow]) -> HeldoutScore:
    """Score the evaluated halves under topic shares ``theta`` (D, K) and topics ``phi`` (K, V)."""
    total, n_tokens = 0.0, 0
    for shares, bow in zip(theta, evaluated, strict=True):
        if not bow:
            continue
        terms = np.array([t for t, _ in bow])
        counts = np.array([c for _, c in bow], dtype=np.float64)
        total += float(counts @ np.log(shares @ phi[:, terms]))
        n_tokens += int(counts.sum())
    return HeldoutScore(total, n_tokens)
