"""Rise and fall of topics: the largest changes in prevalence between two periods, with
bootstrap intervals.

Two kinds of comparison: every pair of consecutive modelled periods (``consecutive``;
across a gap, the periods on either side of it), and one chosen pair (``chosen``, from
``dynamics.compare``), by default the first and the last modelled period
(``first_to_last``). The interval of a change resamples the documents of each of the two
periods independently (percentile bootstrap).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from topicpipe.dynamics import DynamicsError
from topicpipe.interpret.prevalence import bootstrap_replicates, percentile_interval

CHANGE_COLUMNS = [
    "comparison",
    "rank",
    "period_from",
    "period_to",
    "topic",
    "label",
    "n_from",
    "n_to",
    "share_from",
    "share_to",
    "change",
    "ci_low",
    "ci_high",
    "direction",
    "clear",
]
COMPARISONS = ["chosen", "first_to_last", "consecutive"]


def comparison_pairs(modelled: Sequence[str], chosen: Sequence[str]) -> list[tuple[str, str, str]]:
    """(comparison, from, to) for each consecutive pair of ``modelled`` periods, plus the
    ``chosen`` pair (or, when none is chosen, the first and the last period)."""
    modelled = list(modelled)
    pairs = [("consecutive", a, b) for a, b in zip(modelled, modelled[1:], strict=False)]
    if not chosen:
        return [("first_to_last", modelled[0], modelled[-1]), *pairs]
    chosen = [str(p) for p in chosen]
    if len(chosen) != 2 or chosen[0] == chosen[1]:
        raise DynamicsError(
            f"dynamics.compare: give two different periods, e.g. [{modelled[0]!r}, "
            f"{modelled[-1]!r}], not {chosen}"
        )
    missing = [p for p in chosen if p not in modelled]
    if missing:
        raise DynamicsError(
            f"dynamics.compare: {', '.join(map(repr, missing))} is not a modelled period; "
            f"the modelled periods are {', '.join(modelled)} (see results/dynamics/periods.csv)"
        )
    return [("chosen", chosen[0], chosen[1]), *pairs]


def prevalence_changes(
    theta: np.ndarray,
    periods: Sequence[str],
    pairs: Sequence[tuple[str, str, str]],
    labels: Mapping[int, str],
    n_boot: int,
    confidence: float,
    seed: int,
) -> pd.DataFrame:
    """Change of each topic's mean share between the two periods of every pair.

    ``periods[d]`` is the period of document d. Rows are ordered by comparison, then by
    the size of the change (``rank`` 1 = largest, over all pairs of a comparison);
    ``clear`` is true when the interval excludes zero.
    """
    rng = np.random.default_rng(seed)
    periods = np.asarray(periods, dtype=object)
    frames = []
    for comparison, start, end in pairs:
        before, after = theta[periods == start], theta[periods == end]
        change = after.mean(axis=0) - before.mean(axis=0)
        if n_boot > 0 and min(len(before), len(after)) > 1:
            replicates = bootstrap_replicates(after, n_boot, rng) - bootstrap_replicates(
                before, n_boot, rng
            )
            low, high = percentile_interval(replicates, confidence)
        else:
            low, high = change.copy(), change.copy()
        frames.append(
            pd.DataFrame(
                {
                    "comparison": comparison,
                    "period_from": start,
                    "period_to": end,
                    "topic": np.arange(1, theta.shape[1] + 1),
                    "label": [labels[k] for k in range(1, theta.shape[1] + 1)],
                    "n_from": len(before),
                    "n_to": len(after),
                    "share_from": before.mean(axis=0),
                    "share_to": after.mean(axis=0),
                    "change": change,
                    "ci_low": low,
                    "ci_high": high,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table["direction"] = np.where(table["change"] >= 0, "rise", "fall")
    table["clear"] = (table["ci_low"] > 0) | (table["ci_high"] < 0)
    table["order"] = table["comparison"].map(COMPARISONS.index)
    table["size"] = -table["change"].abs()
    table = table.sort_values(["order", "size", "period_from", "topic"], kind="stable")
    table["rank"] = table.groupby("comparison").cumcount() + 1
    return table[CHANGE_COLUMNS].reset_index(drop=True)
