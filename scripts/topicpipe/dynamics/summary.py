"""A readable page of the rise and fall of topics, with the terms behind each change."""

from __future__ import annotations

import pandas as pd

from topicpipe.interpret.labels import display_label
from topicpipe.interpret.representative import escape_markdown

TITLE = "# Rise and fall of topics"
HEADER = ["topic", "from → to", "share", "change", "interval", "terms gained", "terms lost"]


def _terms(term_table: pd.DataFrame, row, direction: str, n: int) -> str:
    chosen = term_table[
        (term_table["comparison"] == row.comparison)
        & (term_table["period_from"] == row.period_from)
        & (term_table["topic"] == row.topic)
        & (term_table["direction"] == direction)
    ]
    return escape_markdown(", ".join(chosen.sort_values("rank")["term"].head(n)))


def _row(term_table: pd.DataFrame, row, n_terms: int) -> str:
    mark = "" if row.clear else " (unclear)"
    cells = [
        escape_markdown(display_label(row.topic, row.label)),
        f"{row.period_from} → {row.period_to}",
        f"{row.share_from:.1%} → {row.share_to:.1%}",
        f"{row.change * 100:+.1f} points{mark}",
        f"{row.ci_low * 100:+.1f} to {row.ci_high * 100:+.1f}",
        _terms(term_table, row, "gain", n_terms),
        _terms(term_table, row, "loss", n_terms),
    ]
    return "| " + " | ".join(cells) + " |"


def _table(rows: pd.DataFrame, term_table: pd.DataFrame, n_terms: int) -> list[str]:
    lines = ["| " + " | ".join(HEADER) + " |", "|---|---|---|---:|---|---|---|"]
    return lines + [_row(term_table, row, n_terms) for row in rows.itertuples()]


def rise_fall_markdown(
    changes: pd.DataFrame,
    term_table: pd.DataFrame,
    period: str,
    confidence: float,
    top_changes: int = 10,
    n_terms: int = 5,
) -> str:
    """The chosen (or first-to-last) comparison for every topic, then the ``top_changes``
    largest changes between consecutive periods, each with the terms gained and lost."""
    lines = [
        TITLE,
        "",
        f"Change in a topic's mean share of the documents between two {period}s, in "
        f"percentage points, with its {confidence:.0%} bootstrap interval; '(unclear)' marks "
        "an interval that includes no change. Terms gained and lost are those whose "
        "probability in the topic rose or fell most between the two periods.",
    ]
    pair = changes[changes["comparison"] != "consecutive"]
    if len(pair):
        first = pair.iloc[0]
        title = "Chosen periods" if first.comparison == "chosen" else "First and last period"
        lines += ["", f"## {title}: {first.period_from} → {first.period_to}", ""]
        lines += _table(pair, term_table, n_terms)
    steps = changes[changes["comparison"] == "consecutive"].head(top_changes)
    lines += ["", f"## The {len(steps)} largest changes between consecutive periods", ""]
    lines += _table(steps, term_table, n_terms)
    return "\n".join(lines) + "\n"


def no_model_markdown(note: str) -> str:
    """The page written when no dynamic model could be fitted: the ``note`` that says why."""
    return f"{TITLE}\n\n{note}\n"
