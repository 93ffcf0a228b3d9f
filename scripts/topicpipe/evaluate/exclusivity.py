"""Exclusivity of topics' top terms.

The exclusivity of term ``w`` to topic ``k`` is ``phi[k, w] / sum_j phi[j, w]``, the
share of the term's probability mass across topics that falls in topic ``k``
(Bischof & Airoldi 2012, "Summarizing topical content with word frequency and
exclusivity", ICML; the exclusivity half of FREX in Roberts et al. 2014, AJPS).
A topic's exclusivity is the mean over its top-N terms: 1 when no other topic
uses them, 1/2 when another topic uses them just as much, 1/K at worst. Unlike
the rank-based FREX, it drops when two topics share their top terms.
"""

from __future__ import annotations

import numpy as np


def exclusivity(phi: np.ndarray, top_ids: np.ndarray) -> np.ndarray:
    """Mean exclusivity of each topic's top terms (``top_ids`` is (K, N))."""
    phi = np.asarray(phi, dtype=np.float64)
    share = phi / phi.sum(axis=0, keepdims=True)
    return np.take_along_axis(share, np.asarray(top_ids), axis=1).mean(axis=1)
