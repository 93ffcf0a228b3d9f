"""Topic shares of documents with the topics fixed: EM fold-in, streamed in bounded chunks.

For a document with term counts ``x`` (over the terms the model knows), topic-term matrix
``phi`` (K, V) and document-topic prior ``alpha`` (K,), each iteration updates the shares

    theta <- normalise(theta * (phi @ (x / (theta @ phi))) + alpha)

from the uniform start: ``theta * (phi @ (x / (theta @ phi)))`` is the expected number of
the document's tokens each topic generated (the E step), and adding ``alpha`` smooths
them the way a Gibbs sampler's posterior mean ``(n_k + alpha_k) / (n + sum(alpha))``
does. A document stops (is frozen) at the first iteration where none of its shares moved
by ``tolerance`` or more, or after ``max_iterations``.

Each document's shares depend on that document alone, bit for bit: which documents share
its call or chunk, their order, and the chunk size change nothing. Every step is either
element-wise or a sum over one document's own terms in term-id order (scipy's CSR times
dense product adds a row's entries one after another), the K-term sums are spelled out
topic by topic instead of left to a reduction whose vectorised path may depend on where
a row sits in memory, and a document freezes on its own change only. This is what lets
``apply`` reproduce the shares a training run wrote.

Memory is bounded by the chunk: documents are read from the iterable until their
non-zero counts times K reach ``chunk_cells``, so long documents or a large K give
smaller chunks rather than larger arrays.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from topicpipe.engines.base import Bow

# Defaults of the stopping rule (config: model.tomotopy.infer_tolerance / infer_max_iterations).
TOLERANCE = 1e-5
MAX_ITERATIONS = 500
# Non-zero counts x K per chunk: the working arrays hold a few float64 values per cell
# (about 15 MB at this size), whatever the number of documents. Measured at 10,000 news
# documents and K=10: 2**16 to 2**18 cost the same CPU time, larger chunks more.
CHUNK_CELLS = 2**17


@dataclass
class Chunk:
    """Documents in CSR layout: row i's terms are ``terms[starts[i]:starts[i + 1]]``, sorted
    and unique, with their ``counts``; only terms the model knows, only positive counts."""

    starts: np.ndarray
    terms: np.ndarray
    counts: np.ndarray

    @property
    def lengths(self) -> np.ndarray:
        """Number of distinct known terms of each document."""
        return np.diff(self.starts)


def row_sums(matrix: np.ndarray) -> np.ndarray:
    """Sum of each row, added column by column (the same bits whatever the row's position)."""
    total = matrix[:, 0].copy()
    for column in range(1, matrix.shape[1]):
        total += matrix[:, column]
    return total


def prior_mean(alpha: np.ndarray) -> np.ndarray:
    """The prior's mean topic shares ``alpha / sum(alpha)``: the shares of a document with no
    known term."""
    alpha = np.asarray(alpha, dtype=np.float64).reshape(1, -1)
    return (alpha / row_sums(alpha)[:, None])[0]


def chunk_of(bows: list[Bow], known: np.ndarray) -> Chunk:
    """The documents ``bows`` as a ``Chunk``: terms sorted, repeated terms' counts added,
    terms outside ``known`` (a boolean mask over the V terms) and zero counts left out.

    Raises ValueError for a term id outside 0..V-1."""
    lengths = np.fromiter((len(bow) for bow in bows), dtype=np.int64, count=len(bows))
    pairs = np.array([pair for bow in bows for pair in bow], dtype=np.float64).reshape(-1, 2)
    terms, counts = pairs[:, 0].astype(np.int64), pairs[:, 1]
    if len(terms) and (terms.min() < 0 or terms.max() >= len(known)):
        raise ValueError(f"a document holds a term id outside 0..{len(known) - 1}")
    rows = np.repeat(np.arange(len(bows)), lengths)
    keep = known[terms] & (counts > 0)
    rows, terms, counts = rows[keep], terms[keep], counts[keep]
    order = np.lexsort((terms, rows))
    rows, terms, counts = rows[order], terms[order], counts[order]
    first = np.ones(len(terms), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (terms[1:] != terms[:-1])
    at = np.flatnonzero(first)
    if len(at):
        counts = np.add.reduceat(counts, at)
    starts = np.zeros(len(bows) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows[at], minlength=len(bows)), out=starts[1:])
    return Chunk(starts, terms[at], counts)


def chunks(bows: Iterable[Bow], num_topics: int, cells: int = CHUNK_CELLS) -> Iterator[list[Bow]]:
    """The documents in lists whose counts (pairs) times ``num_topics`` stay within ``cells``;
    a document larger than that is a chunk of its own."""
    batch: list[Bow] = []
    size = 0
    for bow in bows:
        cost = len(bow) * num_topics
        if batch and size + cost > cells:
            yield batch
            batch, size = [], 0
        batch.append(bow)
        size += cost
    if batch:
        yield batch


def fold_in_chunk(
    chunk: Chunk,
    phi_t: np.ndarray,
    alpha: np.ndarray,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> tuple[np.ndarray, np.ndarray]:
    """Shares (D, K) of the chunk's documents, and how many iterations each one ran.

    ``phi_t`` is the topic-term matrix transposed, (V, K), float64 and C-contiguous (made once
    for all chunks). Documents without a known term get ``prior_mean(alpha)`` and 0
    iterations. A frozen document's shares are kept from the iteration it froze at; once a
    quarter of the working set has frozen, those documents leave it, so later iterations
    cost only what still moves (computing a frozen document on changes nothing stored)."""
    alpha = np.asarray(alpha, dtype=np.float64)
    num_topics = phi_t.shape[1]
    n_docs = len(chunk.starts) - 1
    shares = np.tile(prior_mean(alpha), (n_docs, 1))
    iterations = np.zeros(n_docs, dtype=np.int64)
    # Working set: the documents still computed (every entry of the chunk belongs to one
    # with a known term), and each entry's column of phi, gathered once as (K, entries) so
    # that every topic's slice is contiguous.
    working = np.flatnonzero(chunk.lengths > 0)
    moving = np.ones(len(working), dtype=bool)
    lengths = chunk.lengths[working]
    terms, counts = chunk.terms, chunk.counts
    phi_entries = np.ascontiguousarray(phi_t[terms].T)
    theta = np.full((len(working), num_topics), 1.0 / num_topics)
    for iteration in range(1, max_iterations + 1):
        if not moving.any():
            break
        if moving.sum() <= 0.75 * len(moving):
            kept = np.repeat(moving, lengths)
            working, lengths, theta = working[moving], lengths[moving], theta[moving]
            terms, counts, phi_entries = terms[kept], counts[kept], phi_entries[:, kept]
            moving = moving[moving]
        starts = np.concatenate([[0], np.cumsum(lengths)])
        # Each entry's probability under its document's mixture, topic by topic.
        by_topic = theta.T.copy()
        rate = np.repeat(by_topic[0], lengths) * phi_entries[0]
        for k in range(1, num_topics):
            rate += np.repeat(by_topic[k], lengths) * phi_entries[k]
        weights = sp.csr_matrix((counts / rate, terms, starts), shape=(len(working), len(phi_t)))
        updated = theta * (weights @ phi_t) + alpha
        updated /= row_sums(updated)[:, None]
        done = moving & (
            (np.abs(updated - theta).max(axis=1) < tolerance) | (iteration == max_iterations)
        )
        theta = updated
        shares[working[done]] = theta[done]
        iterations[working[done]] = iteration
        moving &= ~done
    return shares, iterations


def fold_in(
    bows: Iterable[Bow],
    phi: np.ndarray,
    alpha: np.ndarray,
    known: np.ndarray | None = None,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
    cells: int = CHUNK_CELLS,
) -> np.ndarray:
    """Topic shares (D, K), rows summing to 1, of the documents ``bows`` (read once, chunk by
    chunk) under the topics ``phi`` (K, V) and the prior ``alpha`` (K,).

    ``known`` (boolean, V) marks the terms the model has seen; the others are left out of a
    document, as the model has nothing to say about them (default: every term). A document
    with no known term gets the prior mean ``alpha / sum(alpha)``."""
    phi_t = np.ascontiguousarray(np.asarray(phi, dtype=np.float64).T)
    num_terms, num_topics = phi_t.shape
    if known is None:
        known = np.ones(num_terms, dtype=bool)
    parts = [
        fold_in_chunk(chunk_of(batch, known), phi_t, alpha, tolerance, max_iterations)[0]
        for batch in chunks(bows, num_topics, cells)
    ]
    return np.vstack(parts) if parts else np.zeros((0, num_topics))
