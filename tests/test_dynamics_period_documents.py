"""The documents of each period, streamed once to a temporary file, are those of the corpus,
and fitting from them gives the same model as from a matrix in memory."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from topicpipe.dynamics import DynamicsError
from topicpipe.dynamics.fit import fit_periods
from topicpipe.dynamics.period_documents import in_memory_periods, spill_periods

N_TERMS = 40


@pytest.fixture(scope="module")
def documents():
    """60 random bags of words (two empty) in 4 periods, and 5 rows not modelled (-1)."""
    rng = np.random.default_rng(7)
    bows = sp.random(65, N_TERMS, density=0.2, random_state=rng, format="csr")
    bows.data = rng.integers(1, 5, bows.nnz).astype(float)
    keep = np.ones(65)
    keep[[3, 30]] = 0
    bows = (sp.diags(keep) @ bows).tocsr()
    bows.eliminate_zeros()
    timepoints = rng.integers(0, 4, 65)
    timepoints[[0, 11, 22, 33, 44]] = -1
    return bows, timepoints


def bow_lists(bows):
    return [list(zip(row.indices.tolist(), row.data.tolist(), strict=True)) for row in bows]


def test_spilled_periods_hold_the_corpus_documents_in_corpus_order(documents):
    bows, timepoints = documents
    modelled = timepoints >= 0
    expected = in_memory_periods(bows[modelled], timepoints[modelled], 4)
    # A tiny buffer writes each period in several blocks.
    with spill_periods(bow_lists(bows), timepoints, 4, N_TERMS, buffer_entries=20) as periods:
        assert len(periods) == 4 and periods.n_documents == modelled.sum()
        assert np.array_equal(periods.tokens, expected.tokens)
        assert periods.tokens.sum() == bows[modelled].sum()
        for t in range(4):
            members, matrix = periods[t]
            assert np.array_equal(members, expected[t][0])
            assert (matrix != expected[t][1]).nnz == 0


def test_fit_from_the_spill_equals_the_fit_in_memory(documents):
    bows, timepoints = documents
    modelled = timepoints >= 0
    static = np.random.default_rng(1).dirichlet(np.ones(N_TERMS), size=3)
    options = {"positions": [0, 1, 2, 4], "static_phi": static, "max_iterations": 5}
    memory = fit_periods(in_memory_periods(bows[modelled], timepoints[modelled], 4), **options)
    with spill_periods(bow_lists(bows), timepoints, 4, N_TERMS, buffer_entries=20) as periods:
        spilled = fit_periods(periods, **options)
    assert np.array_equal(memory.phi, spilled.phi) and np.array_equal(memory.theta, spilled.theta)


def test_a_corpus_that_does_not_match_its_documents_table_is_named(documents):
    bows, timepoints = documents
    short = spill_periods(bow_lists(bows)[:-1], timepoints, 4, N_TERMS)
    with pytest.raises(DynamicsError, match="documents.csv"), short:
        pass
    wider = spill_periods(bow_lists(bows), timepoints, 4, N_TERMS - 5)
    with pytest.raises(DynamicsError, match="dictionary"), wider:
        pass
