"""Topic stability across random seeds.

Two models with the same K but different seeds are compared topic by topic:
the cosine similarity of every pair of topic-term distributions, then a
one-to-one matching that maximises the total similarity (the Hungarian
algorithm, Kuhn 1955; scipy's ``linear_sum_assignment``), as in Greene,
O'Callaghan & Cunningham (2014), "How many topics? Stability analysis for
topic models", ECML PKDD. A topic that finds no close partner in the other
seeds' models is an accident of initialisation rather than a theme of the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of ``a`` with every row of ``b``."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T


def match_topics(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Match each row (topic) of ``a`` to a distinct row of ``b``, maximising total cosine.

    Returns ``partner`` (row of ``b`` for each row of ``a``, -1 if ``b`` has fewer
    rows) and the cosine of each match (0 when unmatched).
    """
    similarity = cosine_matrix(a, b)
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    partner = np.full(len(a), -1)
    partner[rows] = cols
    matched = np.zeros(len(a))
    matched[rows] = similarity[rows, cols]
    return partner, matched


def seed_stability(topics_by_seed: Mapping[int, np.ndarray], threshold: float) -> pd.DataFrame:
    """Per topic of every seed's model: mean and minimum match cosine with the other seeds.

    ``topics_by_seed`` maps seed -> (K, V) topic-term matrix, all with the same K.
    Columns: ``seed``, ``topic`` (from 1), ``match_mean``, ``match_min``, ``recurs``
    (``match_mean >= threshold``). With a single seed the match columns are NaN.
    """
    seeds = list(topics_by_seed)
    frames = []
    for seed in seeds:
        phi = topics_by_seed[seed]
        others = [match_topics(phi, topics_by_seed[o])[1] for o in seeds if o != seed]
        matches = np.vstack(others) if others else np.full((1, len(phi)), np.nan)
        frames.append(
            pd.DataFrame(
                {
                    "seed": seed,
                    "topic": np.arange(1, len(phi) + 1),
                    "match_mean": matches.mean(axis=0),
                    "match_min": matches.min(axis=0),
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table["recurs"] = (table["match_mean"] >= threshold).astype("boolean")
    table.loc[table["match_mean"].isna(), "recurs"] = pd.NA
    return table
