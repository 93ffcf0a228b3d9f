"""Topic prevalence (mean topic share) per period and per group, with bootstrap intervals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from topicpipe.notes import Note, warning

# config value → pandas period frequency
PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}

# Columns shared by the time and the group tables, after their own key columns.
_SHARE_COLUMNS = [
    "topic",
    "label",
    "n_documents",
    "mean_share",
    "ci_low",
    "ci_high",
    "few_documents",
]
TIME_COLUMNS = ["period", "period_start", *_SHARE_COLUMNS]
GROUP_COLUMNS = ["group_by", "group", *_SHARE_COLUMNS]


def parse_dates(dates: Sequence[str]) -> pd.Series:
    """ISO dates ("YYYY-MM-DD") as timestamps; empty or malformed ones become NaT."""
    return pd.to_datetime(pd.Series(list(dates), dtype=object), format="%Y-%m-%d", errors="coerce")


def bootstrap_replicates(theta: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """(n_boot, K) means of ``theta`` (n × K) over documents resampled with replacement.

    Resampling is drawn as multinomial counts, so memory is ``n_boot × n`` rather than
    ``n_boot × n × K``.
    """
    n = len(theta)
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot)
    return counts @ theta / n


def percentile_interval(replicates: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """The percentile bootstrap interval of each column of ``replicates``."""
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(replicates, [tail, 1.0 - tail], axis=0)
    return low, high


def bootstrap_mean(
    theta: np.ndarray, n_boot: int, confidence: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean of each column of ``theta`` (n × K) and its percentile bootstrap interval."""
    mean = theta.mean(axis=0)
    if len(theta) < 2 or n_boot < 1:
        return mean, mean.copy(), mean.copy()
    low, high = percentile_interval(bootstrap_replicates(theta, n_boot, rng), confidence)
    return mean, low, high


def _summaries(
    theta: np.ndarray,
    codes: np.ndarray,
    n_levels: int,
    labels: Mapping[int, str],
    n_boot: int,
    confidence: float,
    min_documents: int,
    seed: int,
) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows = []
    for level in range(n_levels):
        members = theta[codes == level]
        n = len(members)
        if n:
            mean, low, high = bootstrap_mean(members, n_boot, confidence, rng)
        else:
            mean = low = high = np.full(theta.shape[1], np.nan)
        for k in range(theta.shape[1]):
            rows.append(
                {
                    "level": level,
                    "topic": k + 1,
                    "label": labels[k + 1],
                    "n_documents": n,
                    "mean_share": mean[k],
                    "ci_low": low[k],
                    "ci_high": high[k],
                    "few_documents": n < min_documents,
                }
            )
    return rows


def prevalence_over_time(
    theta: np.ndarray,
    dates: Sequence[str],
    labels: Mapping[int, str],
    period: str,
    n_boot: int,
    confidence: float,
    min_documents: int,
    seed: int,
) -> pd.DataFrame:
    """Mean topic share per period, one row per (period, topic), every period between the
    first and last dated document included (empty ones with ``n_documents`` 0 and no mean).

    Undated documents are left out. ``few_documents`` flags periods with fewer than
    ``min_documents`` documents, whose means are unreliable.
    """
    parsed = parse_dates(dates)
    dated = parsed.notna().to_numpy()
    if not dated.any():
        return pd.DataFrame(columns=TIME_COLUMNS)
    periods = parsed[dated].dt.to_period(PERIODS[period])
    every = pd.period_range(periods.min(), periods.max(), freq=PERIODS[period])
    codes = every.get_indexer(pd.PeriodIndex(periods))
    rows = _summaries(
        theta[dated], codes, len(every), labels, n_boot, confidence, min_documents, seed
    )
    table = pd.DataFrame(rows)
    table.insert(0, "period", [str(every[i]) for i in table.pop("level")])
    starts = {str(p): p.start_time.strftime("%Y-%m-%d") for p in every}
    table.insert(1, "period_start", table["period"].map(starts))
    return table[TIME_COLUMNS]


def prevalence_by_group(
    theta: np.ndarray,
    groups: Sequence[str],
    labels: Mapping[int, str],
    group_by: str,
    n_boot: int,
    confidence: float,
    min_documents: int,
    seed: int,
) -> pd.DataFrame:
    """Mean topic share per group (e.g. per outlet), one row per (group, topic).

    Groups are ordered by number of documents (most first), then by name; documents with
    an empty group value are left out.
    """
    values = pd.Series(list(groups), dtype=object).fillna("").astype(str).str.strip()
    known = (values != "").to_numpy()
    if not known.any():
        return pd.DataFrame(columns=GROUP_COLUMNS)
    counts = values[known].value_counts()
    order = sorted(counts.index, key=lambda g: (-counts[g], g))
    codes = pd.Index(order).get_indexer(values[known])
    rows = _summaries(
        theta[known], codes, len(order), labels, n_boot, confidence, min_documents, seed
    )
    table = pd.DataFrame(rows)
    table.insert(0, "group", [order[i] for i in table.pop("level")])
    table.insert(0, "group_by", group_by)
    return table[GROUP_COLUMNS]


def placeholder(reason: str) -> pd.DataFrame:
    """The table written instead of a prevalence table that cannot be computed."""
    return pd.DataFrame({"note": [reason]})


def read_prevalence(path: str | Path) -> pd.DataFrame:
    """A prevalence table (or its ``note``) as written; empty cells are missing values."""
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _bootstrap_options(options: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "n_boot": options["bootstrap"],
        "confidence": options["confidence"],
        "min_documents": options["min_documents"],
        "seed": options["seed"],
    }


def over_time_table(
    articles: pd.DataFrame, theta: np.ndarray, labels: Mapping[int, str], options: Mapping[str, Any]
) -> tuple[pd.DataFrame, str]:
    """Prevalence per ``options["period"]`` of the articles (``article_topics.csv``), and a
    line for the log. Without any date the table is a ``placeholder`` and the line its note.
    """
    table = prevalence_over_time(
        theta, articles["date"].tolist(), labels, options["period"], **_bootstrap_options(options)
    )
    if table.empty:
        note = (
            f"None of the {len(articles)} documents has a date, so prevalence over time cannot "
            "be computed. Give dates through the corpus (a date line in each article, a date "
            "column, or the ingest.metadata sidecar file)."
        )
        return placeholder(note), note
    n_dated = int(parse_dates(articles["date"].tolist()).notna().sum())
    return table, (
        f"prevalence per {options['period']}: {n_dated} of {len(articles)} documents dated; "
        f"{table['period'].nunique()} periods"
    )


def by_group_table(
    articles: pd.DataFrame,
    theta: np.ndarray,
    labels: Mapping[int, str],
    topic_columns: Sequence[str],
    options: Mapping[str, Any],
) -> tuple[pd.DataFrame, str]:
    """Prevalence per value of ``options["group_by"]``, and a line for the log. Without that
    column, or any value in it, the table is a ``placeholder`` and the line its note."""
    column = options["group_by"]
    if column not in articles.columns:
        available = ", ".join(c for c in articles.columns if c not in topic_columns)
        note = (
            f"The documents have no field {column!r} (prevalence.group_by); available: " + available
        )
        return placeholder(note), note
    table = prevalence_by_group(
        theta, articles[column].tolist(), labels, column, **_bootstrap_options(options)
    )
    if table.empty:
        note = (
            f"No document has a value for {column!r} (prevalence.group_by), so prevalence by "
            f"{column} cannot be computed."
        )
        return placeholder(note), note
    return table, f"prevalence by {column}: {table['group'].nunique()} groups"


def is_placeholder(table: pd.DataFrame) -> bool:
    """Whether a table (prevalence, correlations) is only a ``note`` saying why it could not
    be computed."""
    return "note" in table.columns


def prevalence_notes(tables: Mapping[str, tuple[pd.DataFrame, str]]) -> list[Note]:
    """A warning for each prevalence table (by name: ``over_time``, ``by_group``) that is a
    ``placeholder``, with its message."""
    return [
        warning("prevalence", f"no_prevalence_{name}", "prevalence." + name, message)
        for name, (table, message) in tables.items()
        if is_placeholder(table)
    ]
