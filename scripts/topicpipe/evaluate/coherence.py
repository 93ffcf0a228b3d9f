"""Topic coherence from co-occurrence counts: NPMI, c_v and UMass.

Each function takes the counts (``cooccurrence.py``) and the topics as arrays of
top-term ids, most probable first, and returns one score per topic. The
formulas, including gensim's ``EPSILON = 1e-12`` smoothing, follow gensim's
``CoherenceModel`` so that the numbers are the same as gensim's:

- NPMI (Bouma 2009; Aletras & Stevenson 2013; "c_npmi" in Röder et al. 2015):
  mean over ordered pairs of top words of
  ``log((p(a,b) + eps) / (p(a) p(b))) / -log(p(a,b) + eps)`` with probabilities
  from sliding windows (10 tokens by default). Range [-1, 1].
- c_v (Röder, Both & Hinneburg 2015, "Exploring the space of topic coherence
  measures", WSDM): each top word's vector of NPMI values with all the topic's
  top words, compared by cosine with the sum of those vectors; the mean cosine.
  Sliding windows of 110 tokens by default. Range [0, 1] in practice.
- UMass (Mimno et al. 2011, "Optimizing semantic coherence in topic models",
  EMNLP): mean over pairs of a top word and a more probable one of
  ``log((D(a,b) / D + eps) / (D(b) / D))`` with document co-occurrence counts.
  At most 0; closer to 0 is more coherent.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from topicpipe.evaluate.cooccurrence import CooccurrenceCounts

EPSILON = 1e-12


def npmi_matrix(counts: CooccurrenceCounts, ids: Sequence[int]) -> np.ndarray:
    """NPMI of every pair of ``ids`` (the diagonal pairs a word with itself)."""
    joint = counts.submatrix(ids) / counts.n_contexts
    single = np.diag(joint)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((joint + EPSILON) / np.outer(single, single))
        return pmi / -np.log(joint + EPSILON)


def npmi(counts: CooccurrenceCounts, topics: Sequence[Sequence[int]]) -> np.ndarray:
    """Mean NPMI over the pairs of each topic's top words."""
    scores = []
    for ids in topics:
        matrix = npmi_matrix(counts, ids)
        off_diagonal = ~np.eye(len(ids), dtype=bool)
        scores.append(matrix[off_diagonal].mean())
    return np.array(scores)


def c_v(counts: CooccurrenceCounts, topics: Sequence[Sequence[int]]) -> np.ndarray:
    """Mean cosine between each top word's NPMI vector and the topic's summed vector."""
    scores = []
    for ids in topics:
        vectors = npmi_matrix(counts, ids)
        whole = vectors.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            cosines = vectors @ whole / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(whole))
        scores.append(cosines.mean())
    return np.array(scores)


def u_mass(counts: CooccurrenceCounts, topics: Sequence[Sequence[int]]) -> np.ndarray:
    """Mean log conditional probability of each top word given each more probable one."""
    scores = []
    for ids in topics:
        joint = counts.submatrix(ids) / counts.n_contexts
        single = np.diag(joint)
        later, earlier = np.tril_indices(len(ids), k=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.log((joint[later, earlier] + EPSILON) / single[earlier])
        scores.append(values.mean())
    return np.array(scores)


MEASURES = {"npmi": npmi, "c_v": c_v, "u_mass": u_mass}
