"""Topic diversity (Dieng, Ruiz & Blei 2020, "Topic modeling in embedding spaces", TACL)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def topic_diversity(topics: Sequence[Sequence[int]]) -> float:
    """Share of distinct terms among all topics' top-N terms: unique / (N * K), in (0, 1].

    1 means no two topics share a top term; values near 1/K mean the topics repeat each other.
    """
    all_terms = np.concatenate([np.asarray(t) for t in topics])
    return len(np.unique(all_terms)) / len(all_terms)
