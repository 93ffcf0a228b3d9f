"""The dynamic topic model: one word distribution per topic and modelled period.

Engine ("chained EM", written for topicpipe). Each topic k has a word distribution
phi[t, k] in every modelled period t, each document d topic shares theta[d], and a word
of a document of period t is drawn as in LDA: a topic from theta[d], then a word from
phi[t, k]. Neighbouring periods are tied, as in Blei & Lafferty's (2006) dynamic topic
model, by a prior: phi[t, k] is drawn from a Dirichlet centred on the neighbouring
periods' distributions, each neighbour weighted by 1 / its distance in periods (a
neighbour across a gap counts less). The model is fitted by EM (the E-step of PLSA/LDA on
each period's documents; a MAP M-step that solves the chain's linear system exactly),
starting from the static model's topics, so that it refines the static topics period by
period instead of searching from a random start.

``smoothing`` (0 <= s < 1) is the share of a period's word distribution that comes from
its neighbours when the period holds an average number of the topic's tokens: 0 fits
every period on its own; smaller periods borrow more, larger ones less. The fit has no
random step: the same input gives the same output.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from topicpipe.dynamics import DynamicsError
from topicpipe.dynamics.acceleration import plain_em, squarem
from topicpipe.dynamics.period_documents import PeriodDocuments, in_memory_periods

# Probabilities are kept above this, so that a word never seen in a period keeps a
# (negligible) probability and the likelihood stays finite.
FLOOR = 1e-12
# The word distributions (T, K, V) are the fit's memory: single precision halves it and
# moves them by less than 1e-5, with the same top terms and iterations (10,000 articles,
# benchmarks/README.md, "Profiling at scale").
DTYPE = np.float32
IterationHook = Callable[[int, float], None]
# SQUAREM extrapolates only once an EM iteration changes the log-likelihood per word by less
# than this (relative). Extrapolating from the static start (10,000 articles) jumped to
# another, higher optimum: 30% of the top-10 term sets changed against plain EM's fixed
# point; from 1e-3 on it stays with plain EM's (benchmarks/README.md, "Profiling at scale").
ACCELERATE_BELOW = 1e-3
# dynamics.acceleration: how EM gets to its fixed point (topicpipe.dynamics.acceleration).
ACCELERATIONS = {
    "squarem": partial(squarem, floor=FLOOR, warm_up=ACCELERATE_BELOW),
    "none": plain_em,
}


@dataclass(frozen=True)
class DynamicFit:
    """A fitted dynamic model.

    ``phi``: (T, K, V) word distribution of each topic in each modelled period (``DTYPE``);
    ``theta``: (D, K) topic shares of each modelled document (rows sum to 1);
    ``loglik``: log-likelihood per word at each evaluation of the EM step; ``converged``:
    whether the relative change fell below the tolerance before the last iteration;
    ``accepted`` / ``rejected``: the acceleration's extrapolations kept and turned down.
    """

    phi: np.ndarray
    theta: np.ndarray
    loglik: np.ndarray
    converged: bool
    seconds: float
    accepted: int = 0
    rejected: int = 0


def neighbour_weights(positions: Sequence[int]) -> np.ndarray:
    """(T, T) symmetric weights tying each modelled period to the previous and the next
    one: 1 / their distance in calendar periods (1 for adjacent periods)."""
    positions = np.asarray(positions, dtype=float)
    weights = np.zeros((len(positions), len(positions)))
    for t in range(len(positions) - 1):
        weights[t, t + 1] = weights[t + 1, t] = 1.0 / (positions[t + 1] - positions[t])
    return weights


def smooth_topics(
    phi: np.ndarray, totals: np.ndarray, weights: np.ndarray, smoothing: float
) -> np.ndarray:
    """The M-step, in place: ``phi`` (T, K, V) holds the expected counts of each topic's
    words in each period and becomes their word distributions under the chain prior.

    For each topic, phi[t] * (n[t] + c * sum_s w[t, s]) - c * sum_s w[t, s] * phi[s]
    = counts[t] is solved for all periods at once (n[t] = ``totals[t, k]``: the topic's
    expected tokens in period t), with c = smoothing * mean(n) / (2 * (1 - smoothing)).
    The weights tie each period only to its neighbours, so the system is tridiagonal
    (``solve_chain``). Where a topic has no token in a period
    (``totals`` 0), ``phi`` holds its previous distribution: without smoothing it stays.
    """
    neighbours = np.diagonal(weights, offset=1)
    for k in range(phi.shape[1]):
        n = totals[:, k]
        seen = n > 0
        strength = smoothing * n.mean() / (2.0 * (1.0 - smoothing))
        # One topic in double precision: (T, V), a tenth of the model for K = 10.
        topic = phi[:, k, :].astype(np.float64)
        if strength > 0:
            topic[~seen] = 0.0
            solve_chain(n + strength * weights.sum(axis=1), -strength * neighbours, topic)
        else:
            topic[seen] /= n[seen, np.newaxis]
        np.maximum(topic, FLOOR, out=topic)
        topic /= topic.sum(axis=1, keepdims=True)
        phi[:, k, :] = topic
    return phi


def solve_chain(diagonal: np.ndarray, coupling: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Solve the tridiagonal system with ``diagonal`` (T) and symmetric off-diagonal
    ``coupling`` (T - 1) for every column of ``rhs`` (T, V), in place (and return it).

    Thomas's algorithm: linear in T, and stable without pivoting because the chain's
    system is diagonally dominant; four times faster than LAPACK's banded solver here.
    """
    forward = np.empty(len(diagonal) - 1)
    pivot = diagonal[0]
    rhs[0] /= pivot
    for t in range(1, len(diagonal)):
        forward[t - 1] = coupling[t - 1] / pivot
        pivot = diagonal[t] - coupling[t - 1] * forward[t - 1]
        rhs[t] -= coupling[t - 1] * rhs[t - 1]
        rhs[t] /= pivot
    for t in range(len(diagonal) - 2, -1, -1):
        rhs[t] -= forward[t] * rhs[t + 1]
    return rhs


def expect_period(
    words: np.ndarray, theta: np.ndarray, members: np.ndarray, matrix: sp.csr_matrix
) -> tuple[float, np.ndarray]:
    """The E-step for one period, in place: documents ``matrix`` (rows ``members`` of
    ``theta``) under word distributions ``words`` (K, V).

    Updates the documents' topic shares (MAP with a symmetric prior of 1/K) and writes over
    ``words`` the expected counts of each topic's words; returns the log-likelihood of the
    documents and each topic's expected tokens. A topic with no token keeps its words.
    """
    n_topics = len(words)
    shares = theta[members].astype(words.dtype)
    entry_rows = np.repeat(np.arange(len(members)), np.diff(matrix.indptr))
    by_term = np.ascontiguousarray(words.T)
    # p(word | document) for every word of every document.
    rate = np.einsum("ik,ik->i", shares[entry_rows], by_term[matrix.indices])
    # A numpy sum, not BLAS: OpenBLAS threads spin on every period's dot product.
    loglik = float((matrix.data * np.log(rate.astype(np.float64))).sum())
    # Each word's count over its probability: summed against the other factor, the
    # expected topic counts of each document and of each term.
    ratio = sp.csr_matrix((matrix.data / rate, matrix.indices, matrix.indptr), shape=matrix.shape)
    doc_topic = (shares * (ratio @ by_term)).astype(np.float64)
    alpha = 1.0 / n_topics
    theta[members] = (doc_topic + alpha) / (doc_topic.sum(axis=1, keepdims=True) + n_topics * alpha)
    totals = doc_topic.sum(axis=0)
    seen = totals > 0
    words[seen] *= (ratio.T @ shares).T[seen]
    return loglik, totals


def fit_dynamic_model(
    bows: sp.csr_matrix,
    timepoints: np.ndarray,
    positions: Sequence[int],
    static_phi: np.ndarray,
    **options: Any,
) -> DynamicFit:
    """Fit the dynamic model to documents ``bows`` (D × V counts, in memory) of periods
    ``timepoints`` (0 … T−1); ``options`` as for ``fit_periods``."""
    periods = in_memory_periods(bows, timepoints, len(positions))
    return fit_periods(periods, positions, static_phi, **options)


def fit_periods(
    periods: PeriodDocuments,
    positions: Sequence[int],
    static_phi: np.ndarray,
    smoothing: float = 0.5,
    max_iterations: int = 200,
    tolerance: float = 1e-6,
    acceleration: str = "squarem",
    on_iteration: IterationHook | None = None,
) -> DynamicFit:
    """Fit the dynamic model to the documents of ``periods`` (``period_documents``).

    ``positions[t]`` is the calendar position of period *t* (for the distance between
    periods), and ``static_phi`` (K × V) the static topics the fit starts from. EM stops
    when one iteration changes the log-likelihood per word by at most ``tolerance``
    (relative), or after ``max_iterations`` evaluations of the EM step; ``acceleration``
    is one of ``ACCELERATIONS``. ``on_iteration(i, ll)`` is called after each evaluation
    with the log-likelihood per word.
    """
    started = time.perf_counter()
    if not 0.0 <= smoothing < 1.0:
        raise DynamicsError(f"dynamics.smoothing must be at least 0 and below 1, not {smoothing}")
    if acceleration not in ACCELERATIONS:
        raise DynamicsError(
            f"dynamics.acceleration must be one of {sorted(ACCELERATIONS)}, not {acceleration!r}"
        )
    n_topics, n_terms = static_phi.shape
    if periods.n_terms != n_terms:
        raise DynamicsError(
            f"the documents have {periods.n_terms} terms but the static model {n_terms}; "
            "both must come from the same results/corpus/dictionary.dict"
        )
    weights = neighbour_weights(positions)
    n_tokens = periods.tokens.sum()
    phi = np.empty((len(positions), n_topics, n_terms), dtype=DTYPE)
    phi[:] = static_phi
    theta = np.full((periods.n_documents, n_topics), 1.0 / n_topics)
    totals = np.zeros((len(positions), n_topics))

    def em_step(params: Sequence[np.ndarray]) -> float:
        words, shares = params
        loglik = 0.0
        for t in range(len(positions)):
            members, matrix = periods[t]
            period_loglik, totals[t] = expect_period(words[t], shares, members, matrix)
            loglik += period_loglik
        smooth_topics(words, totals, weights, smoothing)
        return loglik / n_tokens

    run = ACCELERATIONS[acceleration](
        em_step, [phi, theta], max_iterations, tolerance, on_iteration
    )
    phi, theta = run.params
    return DynamicFit(
        phi,
        theta,
        run.trace,
        run.converged,
        time.perf_counter() - started,
        run.accepted,
        run.rejected,
    )


def save_fit(fit: DynamicFit, path: str | Path, **arrays: np.ndarray) -> None:
    """Write ``fit`` (and any extra named ``arrays``) to one ``.npz`` file; the run time is
    left out, so that the same fit gives the same file."""
    with open(path, "wb") as handle:
        np.savez(
            handle,
            phi=fit.phi,
            theta=fit.theta,
            loglik=fit.loglik,
            converged=np.array(fit.converged),
            **arrays,
        )


def load_arrays(path: str | Path) -> dict[str, np.ndarray]:
    """Every array of a file written by ``save_fit``."""
    with np.load(path) as stored:
        return {name: stored[name] for name in stored.files}
