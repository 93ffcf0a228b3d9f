"""The terms each topic gained or lost between two periods.

A term's change is the difference of its probability in the topic between the two periods
(the dynamic model's word distributions), so the terms listed are those whose weight in
the topic moved most, which favours frequent terms over rare ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

TERM_CHANGE_COLUMNS = [
    "comparison",
    "period_from",
    "period_to",
    "topic",
    "label",
    "direction",
    "rank",
    "term",
    "probability_from",
    "probability_to",
    "change",
]


def term_changes(
    phi: np.ndarray,
    modelled: Sequence[str],
    pairs: Sequence[tuple[str, str, str]],
    terms: Sequence[str],
    labels: Mapping[int, str],
    top_n: int,
) -> pd.DataFrame:
    """For every pair (comparison, from, to) and topic: the ``top_n`` terms whose
    probability rose most (``gain``) and fell most (``loss``); ties go by term id.

    ``phi`` is (T, K, V) over the ``modelled`` periods.
    """
    index = {period: t for t, period in enumerate(modelled)}
    rows = []
    for comparison, start, end in pairs:
        before, after = phi[index[start]], phi[index[end]]
        for k in range(phi.shape[1]):
            change = after[k] - before[k]
            for direction, sign in (("gain", 1.0), ("loss", -1.0)):
                order = np.argsort(-sign * change, kind="stable")[:top_n]
                order = order[sign * change[order] > 0]
                for rank, w in enumerate(order, start=1):
                    rows.append(
                        {
                            "comparison": comparison,
                            "period_from": start,
                            "period_to": end,
                            "topic": k + 1,
                            "label": labels[k + 1],
                            "direction": direction,
                            "rank": rank,
                            "term": terms[w],
                            "probability_from": before[k, w],
                            "probability_to": after[k, w],
                            "change": change[w],
                        }
                    )
    return pd.DataFrame(rows, columns=TERM_CHANGE_COLUMNS)
