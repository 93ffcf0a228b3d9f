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
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from topicpipe.dynamics import DynamicsError

# Probabilities are kept above this, so that a word never seen in a period keeps a
# (negligible) probability and the likelihood stays finite.
FLOOR = 1e-12
IterationHook = Callable[[int, float], None]


@dataclass(frozen=True)
class DynamicFit:
    """A fitted dynamic model.

    ``phi``: (T, K, V) word distribution of each topic in each modelled period;
    ``theta``: (D, K) topic shares of each modelled document (rows sum to 1);
    ``loglik``: log-likelihood per word after each iteration; ``converged``: whether
    the relative change fell below the tolerance before the last iteration.
    """

    phi: np.ndarray
    theta: np.ndarray
    loglik: np.ndarray
    converged: bool
    seconds: float


def neighbour_weights(positions: Sequence[int]) -> np.ndarray:
    """(T, T) symmetric weights tying each modelled period to the previous and the next
    one: 1 / their distance in calendar periods (1 for adjacent periods)."""
    positions = np.asarray(positions, dtype=float)
    weights = np.zeros((len(positions), len(positions)))
    for t in range(len(positions) - 1):
        weights[t, t + 1] = weights[t + 1, t] = 1.0 / (positions[t + 1] - positions[t])
    return weights


def smooth_topics(
    counts: np.ndarray, weights: np.ndarray, smoothing: float, previous: np.ndarray
) -> np.ndarray:
    """The M-step: (T, K, V) word distributions from expected counts and the chain prior.

    For each topic, phi[t] * (n[t] + c * sum_s w[t, s]) - c * sum_s w[t, s] * phi[s]
    = counts[t] is solved for all periods at once (n[t]: the topic's expected tokens in
    period t), with c = smoothing * mean(n) / (2 * (1 - smoothing)). Without smoothing, a
    period in which the topic has no token keeps its ``previous`` distribution.

    The distributions are written over ``counts`` (and returned): the fit then holds two
    (T, K, V) arrays, not five, and its memory stays that of the model.
    """
    totals = counts.sum(axis=2)
    degree = weights.sum(axis=1)
    for k in range(counts.shape[1]):
        n = totals[:, k]
        strength = smoothing * n.mean() / (2.0 * (1.0 - smoothing))
        if strength > 0:
            system = np.diag(n + strength * degree) - strength * weights
            counts[:, k, :] = np.linalg.solve(system, counts[:, k, :])
        else:
            seen = n > 0
            counts[seen, k, :] /= n[seen, np.newaxis]
            counts[~seen, k, :] = previous[~seen, k, :]
    phi = np.maximum(counts, FLOOR, out=counts)
    phi /= phi.sum(axis=2, keepdims=True)
    return phi


def _period_slices(bows: sp.csr_matrix, timepoints: np.ndarray, n_periods: int) -> list:
    """Per period: its document rows, their bag-of-words matrix and the row of every entry."""
    slices = []
    for t in range(n_periods):
        members = np.flatnonzero(timepoints == t)
        matrix = bows[members].tocsr()
        matrix.sort_indices()
        entry_rows = np.repeat(np.arange(len(members)), np.diff(matrix.indptr))
        slices.append((members, matrix, entry_rows))
    return slices


def fit_dynamic_model(
    bows: sp.csr_matrix,
    timepoints: np.ndarray,
    positions: Sequence[int],
    static_phi: np.ndarray,
    smoothing: float = 0.5,
    max_iterations: int = 200,
    tolerance: float = 1e-6,
    on_iteration: IterationHook | None = None,
) -> DynamicFit:
    """Fit the dynamic model to documents ``bows`` (D × V counts) of periods ``timepoints``.

    ``timepoints[d]`` is the modelled period of document *d* (0 … T−1), ``positions[t]``
    the calendar position of period *t* (for the distance between periods), and
    ``static_phi`` (K × V) the static topics the fit starts from. ``on_iteration(i, ll)``
    is called after each iteration with the log-likelihood per word.
    """
    started = time.perf_counter()
    if not 0.0 <= smoothing < 1.0:
        raise DynamicsError(f"dynamics.smoothing must be at least 0 and below 1, not {smoothing}")
    n_periods = len(positions)
    k, n_terms = static_phi.shape
    if bows.shape[1] != n_terms:
        raise DynamicsError(
            f"the documents have {bows.shape[1]} terms but the static model {n_terms}; "
            "both must come from the same results/corpus/dictionary.dict"
        )
    weights = neighbour_weights(positions)
    slices = _period_slices(bows.tocsr().astype(np.float64), np.asarray(timepoints), n_periods)
    n_tokens = bows.sum()
    alpha = 1.0 / k
    phi = np.repeat(np.asarray(static_phi, dtype=np.float64)[np.newaxis], n_periods, axis=0)
    theta = np.full((bows.shape[0], k), 1.0 / k)
    trace: list[float] = []
    converged = False
    for iteration in range(1, max_iterations + 1):
        counts = np.zeros_like(phi)
        loglik = 0.0
        for t, (members, matrix, entry_rows) in enumerate(slices):
            shares, words = theta[members], phi[t]
            rate = np.einsum("ik,ki->i", shares[entry_rows], words[:, matrix.indices])
            loglik += float(matrix.data @ np.log(rate))
            ratio = sp.csr_matrix(
                (matrix.data / rate, matrix.indices, matrix.indptr), shape=matrix.shape
            )
            doc_topic = shares * (ratio @ words.T)
            counts[t] = words * (ratio.T @ shares).T
            theta[members] = (doc_topic + alpha) / (
                doc_topic.sum(axis=1, keepdims=True) + k * alpha
            )
        phi = smooth_topics(counts, weights, smoothing, phi)
        trace.append(loglik / n_tokens)
        if on_iteration is not None:
            on_iteration(iteration, trace[-1])
        if len(trace) > 1 and abs(trace[-1] - trace[-2]) <= tolerance * abs(trace[-2]):
            converged = True
            break
    return DynamicFit(phi, theta, np.array(trace), converged, time.perf_counter() - started)


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
