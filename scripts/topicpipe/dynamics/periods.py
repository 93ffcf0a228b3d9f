"""Periods of the dynamic model: every period from the first to the last dated document,
and which of them hold enough documents to be modelled.

Undated documents take no part. A period with no document, or with fewer than
``min_documents``, is a gap: it is listed, never modelled and never interpolated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from topicpipe.dynamics import DynamicsError
from topicpipe.interpret.prevalence import PERIODS, parse_dates

MODELLED = "modelled"
EMPTY = "empty"
FEW = "few_documents"
PERIOD_COLUMNS = ["period", "period_start", "n_documents", "status", "timepoint"]


@dataclass(frozen=True)
class PeriodPlan:
    """The periods of a corpus and the place of each document in them.

    ``table``: one row per period from the first to the last dated document
    (``PERIOD_COLUMNS``; ``timepoint`` numbers the modelled periods from 0, -1 for gaps).
    ``timepoints``: for every document, the timepoint of its period, or -1 when it is
    undated or its period is a gap. ``codes``: for every document, its row in ``table``
    (-1 when undated).
    """

    table: pd.DataFrame
    timepoints: np.ndarray
    codes: np.ndarray
    period: str
    min_documents: int

    @property
    def modelled(self) -> pd.DataFrame:
        """The modelled periods, in time order."""
        return self.table[self.table["status"] == MODELLED].reset_index(drop=True)

    @property
    def positions(self) -> np.ndarray:
        """Calendar position (row of ``table``) of each modelled period."""
        return np.flatnonzero(self.table["status"].to_numpy() == MODELLED)

    @property
    def n_undated(self) -> int:
        """Documents without a (valid) date."""
        return int((self.codes < 0).sum())

    @property
    def n_left_out(self) -> int:
        """Dated documents in periods with too few documents."""
        return int(((self.codes >= 0) & (self.timepoints < 0)).sum())

    def note(self) -> str:
        """Why the dynamic model cannot be fitted ("" when it can)."""
        n_dated = int((self.codes >= 0).sum())
        if n_dated == 0:
            return (
                f"None of the {len(self.codes)} documents has a date, so topics cannot be "
                "followed over time. Give dates through the corpus (a date line in each "
                "article, a date column, or the ingest.metadata sidecar file)."
            )
        modelled = len(self.modelled)
        if modelled >= 2:
            return ""
        return (
            f"Only {modelled} {self.period} period(s) hold at least {self.min_documents} "
            f"dated documents ({n_dated} dated documents in {len(self.table)} periods); the "
            "dynamic model needs two. Choose a longer dynamics.period, or lower "
            "dynamics.min_documents."
        )


def plan_periods(
    dates: Sequence[str],
    period: str,
    min_documents: int,
    groups: Sequence[str] | None = None,
) -> PeriodPlan:
    """Assign documents (ISO dates, "" when undated) to periods of length ``period``.

    A period is modelled when it holds at least ``min_documents`` documents; with
    ``groups`` (e.g. the article of each paragraph), documents of one group count once.
    """
    if period not in PERIODS:
        raise DynamicsError(
            f"dynamics.period: unknown period {period!r}; choose one of: {', '.join(PERIODS)}"
        )
    parsed = parse_dates(dates)
    dated = parsed.notna().to_numpy()
    codes = np.full(len(parsed), -1)
    timepoints = np.full(len(parsed), -1)
    if not dated.any():
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in PERIOD_COLUMNS})
        return PeriodPlan(empty, timepoints, codes, period, min_documents)
    stamps = parsed[dated].dt.to_period(PERIODS[period])
    every = pd.period_range(stamps.min(), stamps.max(), freq=PERIODS[period])
    codes[dated] = every.get_indexer(pd.PeriodIndex(stamps))
    members = pd.DataFrame(
        {"code": codes, "group": list(groups) if groups is not None else np.arange(len(codes))}
    )
    counts = (
        members[members["code"] >= 0]
        .drop_duplicates()
        .groupby("code")
        .size()
        .reindex(range(len(every)), fill_value=0)
        .to_numpy()
    )
    status = np.where(counts == 0, EMPTY, np.where(counts < min_documents, FEW, MODELLED))
    modelled = status == MODELLED
    timepoint = np.where(modelled, np.cumsum(modelled) - 1, -1)
    table = pd.DataFrame(
        {
            "period": [str(p) for p in every],
            "period_start": [p.start_time.strftime("%Y-%m-%d") for p in every],
            "n_documents": counts,
            "status": status,
            "timepoint": timepoint,
        }
    )
    timepoints[dated] = timepoint[codes[dated]]
    return PeriodPlan(table, timepoints, codes, period, min_documents)


def document_periods(
    ids: Sequence[str], parent_ids: Sequence[str], dates: Sequence[str], plan: PeriodPlan
) -> pd.DataFrame:
    """One row per document (corpus row order): its period and whether it was modelled.

    ``status`` is the period's status, or ``undated``; ``period`` is "" for undated ones.
    """
    dated = plan.codes >= 0
    periods = np.array([""] * len(plan.codes), dtype=object)
    status = np.array(["undated"] * len(plan.codes), dtype=object)
    periods[dated] = plan.table["period"].to_numpy()[plan.codes[dated]]
    status[dated] = plan.table["status"].to_numpy()[plan.codes[dated]]
    return pd.DataFrame(
        {
            "row": np.arange(len(plan.codes)),
            "id": list(ids),
            "parent_id": list(parent_ids),
            "date": list(dates),
            "period": periods,
            "status": status,
            "timepoint": plan.timepoints,
        }
    )
