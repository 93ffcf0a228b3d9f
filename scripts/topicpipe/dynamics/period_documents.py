"""The modelled documents grouped by period, as the dynamic model's EM reads them.

Every EM iteration reads each period's documents once. ``spill_periods`` streams the
corpus once into an anonymous temporary file (term ids as 4-byte integers, counts as
4-byte floats, grouped by period), so that the fit holds one period's documents at a time
and its memory does not grow with the corpus; ``in_memory_periods`` serves a sparse
matrix already in memory (tests, benchmarks). Both give, for period t, the documents'
positions among the modelled documents (corpus order) and their bags of words.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from topicpipe.dynamics import DynamicsError

TERM_IDS = np.int32
COUNTS = np.float32
# Documents buffered (as entries) before they are written out, grouped by period.
BUFFER_ENTRIES = 1 << 20


@dataclass(frozen=True)
class Block:
    """Some documents of one period in the spill file: where their arrays start."""

    offset: int
    n_documents: int
    n_entries: int


def _members(timepoints: np.ndarray, n_periods: int) -> list[np.ndarray]:
    order = np.argsort(timepoints, kind="stable")
    bounds = np.searchsorted(timepoints[order], np.arange(n_periods + 1))
    return [order[bounds[t] : bounds[t + 1]] for t in range(n_periods)]


@dataclass
class PeriodDocuments:
    """Documents of ``n_periods`` periods: ``periods[t]`` is (positions of the period's
    documents among the modelled ones, their (documents x ``n_terms``) counts as CSR).

    ``tokens[t]`` is the period's number of tokens. Either ``matrix`` holds every modelled
    document in memory, or ``blocks[t]`` locate the period's documents in file ``handle``.
    """

    timepoints: np.ndarray
    n_terms: int
    tokens: np.ndarray
    matrix: sp.csr_matrix | None = None
    handle: int = -1
    blocks: list[list[Block]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.members = _members(self.timepoints, len(self.tokens))

    def __len__(self) -> int:
        return len(self.tokens)

    @property
    def n_documents(self) -> int:
        """How many documents are modelled."""
        return len(self.timepoints)

    def __getitem__(self, t: int) -> tuple[np.ndarray, sp.csr_matrix]:
        members = self.members[t]
        if self.matrix is not None:
            matrix = self.matrix[members]
        else:
            matrix = _read_blocks(self.handle, self.blocks[t], self.n_terms)
        matrix.sort_indices()
        return members, matrix


def in_memory_periods(
    bows: sp.csr_matrix, timepoints: np.ndarray, n_periods: int
) -> PeriodDocuments:
    """``PeriodDocuments`` of documents ``bows`` (D x V counts) of periods ``timepoints``."""
    bows = sp.csr_matrix(bows, dtype=COUNTS)
    timepoints = np.asarray(timepoints)
    tokens = np.bincount(
        timepoints, weights=np.asarray(bows.sum(axis=1)).ravel(), minlength=n_periods
    )
    return PeriodDocuments(timepoints, bows.shape[1], tokens, matrix=bows)


@contextmanager
def spill_periods(
    corpus: Iterable[list[tuple[int, float]]],
    timepoints: np.ndarray,
    n_periods: int,
    n_terms: int,
    buffer_entries: int = BUFFER_ENTRIES,
) -> Iterator[PeriodDocuments]:
    """Stream ``corpus`` (bags of words, one per entry of ``timepoints``) into a temporary
    file grouped by period and yield its ``PeriodDocuments``; documents of timepoint -1 are
    left out. The file (in ``TMPDIR``) is removed on leaving, also after an error."""
    timepoints = np.asarray(timepoints)
    with tempfile.TemporaryFile(prefix="topicpipe-dynamics-") as spill:
        writer = _SpillWriter(spill.fileno(), n_periods, n_terms, buffer_entries)
        n_rows = 0
        for row, bow in enumerate(corpus):
            n_rows += 1
            if row < len(timepoints) and timepoints[row] >= 0:
                writer.add(int(timepoints[row]), bow)
        if n_rows != len(timepoints):
            raise DynamicsError(
                f"the corpus has {n_rows} documents but results/corpus/documents.csv lists "
                f"{len(timepoints)}; rerun the corpus rule so that both come from one run"
            )
        writer.flush()
        modelled = timepoints[timepoints >= 0]
        yield PeriodDocuments(
            modelled, n_terms, writer.tokens, handle=spill.fileno(), blocks=writer.blocks
        )


class _SpillWriter:
    """Buffers documents and appends them to the spill file one period's block at a time."""

    def __init__(self, handle: int, n_periods: int, n_terms: int, buffer_entries: int) -> None:
        self.handle, self.n_terms, self.buffer_entries = handle, n_terms, buffer_entries
        self.blocks: list[list[Block]] = [[] for _ in range(n_periods)]
        self.tokens = np.zeros(n_periods)
        self.offset = 0
        self.buffer: list[list[np.ndarray]] = [[] for _ in range(n_periods)]
        self.buffered = 0

    def add(self, t: int, bow: list[tuple[int, float]]) -> None:
        flat = itertools.chain.from_iterable(bow)
        pairs = np.fromiter(flat, dtype=np.float64, count=2 * len(bow)).reshape(-1, 2)
        self.buffer[t].append(pairs)
        self.buffered += len(pairs)
        if self.buffered >= self.buffer_entries:
            self.flush()

    def flush(self) -> None:
        for t, documents in enumerate(self.buffer):
            if documents:
                self._write(t, documents)
        self.buffer = [[] for _ in self.buffer]
        self.buffered = 0

    def _write(self, t: int, documents: list[np.ndarray]) -> None:
        lengths = np.array([len(pairs) for pairs in documents], dtype=np.int64)
        pairs = np.concatenate(documents)
        ids, counts = pairs[:, 0].astype(TERM_IDS), pairs[:, 1].astype(COUNTS)
        if len(ids) and (ids.min() < 0 or ids.max() >= self.n_terms):
            raise DynamicsError(
                f"the corpus has term ids outside the dictionary's {self.n_terms} terms; "
                "results/corpus/corpus.mm and dictionary.dict must come from one corpus run"
            )
        self.tokens[t] += counts.sum(dtype=np.float64)
        self.blocks[t].append(Block(self.offset, len(lengths), len(ids)))
        for array in (lengths, ids, counts):
            os.pwrite(self.handle, array.tobytes(), self.offset)
            self.offset += array.nbytes


def _read(handle: int, offset: int, dtype: type, count: int) -> np.ndarray:
    size = np.dtype(dtype).itemsize * count
    return np.frombuffer(os.pread(handle, size, offset), dtype=dtype, count=count)


def _read_blocks(handle: int, blocks: list[Block], n_terms: int) -> sp.csr_matrix:
    lengths, ids, counts = [], [], []
    for block in blocks:
        offset = block.offset
        lengths.append(_read(handle, offset, np.int64, block.n_documents))
        offset += 8 * block.n_documents
        ids.append(_read(handle, offset, TERM_IDS, block.n_entries))
        offset += np.dtype(TERM_IDS).itemsize * block.n_entries
        counts.append(_read(handle, offset, COUNTS, block.n_entries))
    indptr = np.concatenate([[0], np.cumsum(np.concatenate(lengths))])
    shape = (len(indptr) - 1, n_terms)
    return sp.csr_matrix((np.concatenate(counts), np.concatenate(ids), indptr), shape=shape)
