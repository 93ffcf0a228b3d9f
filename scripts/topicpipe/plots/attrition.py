"""Attrition figure: documents, tokens and vocabulary left after each tokenising step."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from topicpipe.plots.layout import MIN_TEXT_PT, add_note
from topicpipe.plots.style import NEUTRAL, apply_style

# (column of attrition.csv, x-axis label)
_PANELS = (
    ("documents", "documents with a token"),
    ("tokens", "tokens"),
    ("vocabulary", "distinct terms (vocabulary)"),
)
# Below this width the three panels are stacked instead of side by side (inches).
_SIDE_BY_SIDE = 5.0


def count_label(value: float) -> str:
    """A count as printed on bars and axes alike: 1,234 / 12.3k / 1.2M."""
    value = float(value)
    if abs(value) >= 1e6:
        return f"{value / 1e6:.3g}M"
    if abs(value) >= 1e4:
        return f"{value / 1e3:.3g}k"
    return f"{value:,.0f}"


def plot_attrition(rows: pd.DataFrame, width: float = 6.5, note: str = "") -> plt.Figure:
    """One horizontal bar panel per measure, steps top to bottom in pipeline order; each bar
    is labelled with its count, in the format of the axis ticks."""
    apply_style()
    steps = list(rows["step"])
    side_by_side = width >= _SIDE_BY_SIDE
    shape = (1, len(_PANELS)) if side_by_side else (len(_PANELS), 1)
    height = 0.2 * len(steps) + 0.9
    fig, axes = plt.subplots(
        *shape,
        figsize=(width, height if side_by_side else height * len(_PANELS)),
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    formatter = FuncFormatter(lambda value, _: count_label(value))
    for ax, (column, label) in zip(axes.flat, _PANELS, strict=True):
        values = rows[column].to_numpy()
        ax.barh(range(len(steps)), values, color=NEUTRAL, height=0.65)
        for y, value in enumerate(values):
            ax.text(
                value, y, " " + count_label(value), va="center", ha="left", fontsize=MIN_TEXT_PT
            )
        ax.set_xlim(0, max(values.max(), 1) * 1.45)
        ax.set_xlabel(label)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
        ax.xaxis.set_major_formatter(formatter)
        ax.set_yticks(range(len(steps)), steps)
        # Side by side the steps are named once, on the left; stacked, on every panel.
        ax.tick_params(axis="y", labelleft=not side_by_side or ax is axes.flat[0])
    axes.flat[0].invert_yaxis()
    for ax in axes[:, 0]:
        ax.set_ylabel("after step")
    fig.suptitle("What each tokenising step leaves", x=0.0, ha="left")
    add_note(fig, note, width=width)
    return fig
