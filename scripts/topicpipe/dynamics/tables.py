"""Tidy tables of the dynamic model: terms per topic and period, prevalence per period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from topicpipe.dynamics.periods import MODELLED
from topicpipe.interpret.prevalence import TIME_COLUMNS, bootstrap_mean

TERM_COLUMNS = ["topic", "label", "period", "period_start", "term", "probability", "rank"]
# As the static table over time, with each period's status instead of a few-documents flag.
PREVALENCE_COLUMNS = [*TIME_COLUMNS[:-1], "status"]


def read_period_table(path: str | Path, empty_is_missing: bool = False) -> pd.DataFrame:
    """A table of the dynamics stage as written: periods stay text ("2019" is no number),
    terms and labels never become NaN; with ``empty_is_missing``, empty cells (the shares of
    a gap) are missing values. A table that holds only a ``note`` is read as it is."""
    return pd.read_csv(
        path,
        dtype={"period": str},
        keep_default_na=False,
        na_values=[""] if empty_is_missing else None,
    )


def period_ranks(phi_tk: np.ndarray) -> np.ndarray:
    """Rank (1 = most probable) of every term of one word distribution; ties by term id."""
    order = np.argsort(-phi_tk, kind="stable")
    ranks = np.empty(len(order), dtype=int)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def topic_terms_by_period(
    phi: np.ndarray,
    terms: Sequence[str],
    periods: pd.DataFrame,
    labels: Mapping[int, str],
    top_n: int,
) -> pd.DataFrame:
    """One row per (topic, modelled period, term) for every term in the topic's top
    ``top_n`` in any period, so that each such term can be followed through all periods.

    ``phi`` is (T, K, V) over the modelled ``periods`` (rows with ``period`` and
    ``period_start``). ``rank`` is the term's rank in that period (above ``top_n`` when it
    is outside that period's top terms).
    """
    rows = []
    n_periods, n_topics, _ = phi.shape
    for k in range(n_topics):
        ranks = np.array([period_ranks(phi[t, k]) for t in range(n_periods)])
        followed = np.flatnonzero((ranks <= top_n).any(axis=0))
        # Order the followed terms by their best rank, then by term id, for a stable table.
        followed = followed[np.lexsort((followed, ranks[:, followed].min(axis=0)))]
        for t in range(n_periods):
            for w in followed:
                rows.append(
                    {
                        "topic": k + 1,
                        "label": labels[k + 1],
                        "period": periods["period"].iloc[t],
                        "period_start": periods["period_start"].iloc[t],
                        "term": terms[w],
                        "probability": phi[t, k, w],
                        "rank": ranks[t, w],
                    }
                )
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def prevalence_by_period(
    theta: np.ndarray,
    codes: np.ndarray,
    periods: pd.DataFrame,
    labels: Mapping[int, str],
    n_boot: int,
    confidence: float,
    seed: int,
) -> pd.DataFrame:
    """Mean topic share per period with its percentile bootstrap interval.

    ``codes[d]`` is the row of ``periods`` (every period, gaps included) of document d.
    Gap periods (not modelled) keep their row, their document count and status, with no
    share: they are never interpolated.
    """
    rng = np.random.default_rng(seed)
    rows = []
    n_topics = theta.shape[1]
    for code, period in enumerate(periods.itertuples(index=False)):
        members = theta[codes == code]
        if period.status == MODELLED and len(members):
            mean, low, high = bootstrap_mean(members, n_boot, confidence, rng)
        else:
            mean = low = high = np.full(n_topics, np.nan)
        for k in range(n_topics):
            rows.append(
                {
                    "period": period.period,
                    "period_start": period.period_start,
                    "status": period.status,
                    "topic": k + 1,
                    "label": labels[k + 1],
                    "n_documents": int(period.n_documents),
                    "mean_share": mean[k],
                    "ci_low": low[k],
                    "ci_high": high[k],
                }
            )
    return pd.DataFrame(rows, columns=PREVALENCE_COLUMNS)
