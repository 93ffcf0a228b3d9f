"""Dynamic topics matched to the static model's topics, so numbers and colours agree.

Each dynamic topic's word distribution, averaged over the periods (weighted by the
tokens of each period), is compared with every static topic by cosine similarity; the
Hungarian algorithm pairs them one to one (``evaluate.stability.match_topics``). The
dynamic topics are then renumbered after their static partners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from topicpipe.dynamics.fit import DynamicFit
from topicpipe.evaluate.stability import cosine_matrix, match_topics

LINK_COLUMNS = [
    "topic",
    "label",
    "dynamic_topic",
    "cosine",
    "min_period_cosine",
    "period_of_min",
    "linked",
]


def link_topics(
    dynamic_phi: np.ndarray, static_phi: np.ndarray, period_weights: Sequence[float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Match dynamic topics (T, K, V) to static topics (K, V).

    Returns ``order`` (``order[k]``: the dynamic topic matched to static topic k), the
    cosine of each match on the period-averaged distributions, and (T, K) cosines of
    each period's distribution with its static partner.
    """
    weights = np.asarray(period_weights, dtype=np.float64)
    if weights.sum() <= 0:
        weights = np.ones(len(weights))
    weights = weights / weights.sum()
    # Period by period: a tensordot would copy the whole (T, K, V) model to double.
    average = np.zeros(dynamic_phi.shape[1:])
    for weight, phi_t in zip(weights, dynamic_phi, strict=True):
        average += weight * phi_t
    order, cosine = match_topics(static_phi, average)
    by_period = np.array(
        [np.diag(cosine_matrix(static_phi, phi_t[order])) for phi_t in dynamic_phi]
    )
    return order, cosine, by_period


def link_table(
    order: np.ndarray,
    cosine: np.ndarray,
    by_period: np.ndarray,
    periods: Sequence[str],
    labels: dict[int, str],
    min_cosine: float,
) -> pd.DataFrame:
    """One row per topic: its static label, the dynamic topic matched to it (numbered
    from 1, as the engine numbered it), the match cosine, the period whose words are
    furthest from the static topic, and ``linked`` (cosine at least ``min_cosine``)."""
    worst = by_period.argmin(axis=0)
    table = pd.DataFrame(
        {
            "topic": np.arange(1, len(order) + 1),
            "label": [labels[k + 1] for k in range(len(order))],
            "dynamic_topic": order + 1,
            "cosine": cosine,
            "min_period_cosine": by_period.min(axis=0),
            "period_of_min": [periods[t] for t in worst],
        }
    )
    table["linked"] = table["cosine"] >= min_cosine
    return table[LINK_COLUMNS]


def renumber(fit: DynamicFit, order: np.ndarray) -> DynamicFit:
    """``fit`` with its topics in static order (``order`` from ``link_topics``).

    The word distributions are reordered in place, one period at a time, so that the
    model is never held twice; ``fit`` itself is changed.
    """
    for words in fit.phi:
        words[:] = words[order]
    return replace(fit, theta=fit.theta[:, order])
