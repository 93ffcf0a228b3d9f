"""Attrition figure: documents, tokens and vocabulary left after each tokenising step."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from topicpipe.plots.style import OKABE_ITO, apply_style

_PANELS = (("documents", "documents"), ("tokens", "tokens"), ("vocabulary", "vocabulary size"))


def plot_attrition(rows: pd.DataFrame) -> plt.Figure:
    """One horizontal bar panel per measure, steps top to bottom in pipeline order."""
    apply_style()
    steps = list(rows["step"])
    fig, axes = plt.subplots(
        1, len(_PANELS), figsize=(9.5, 0.42 * len(steps) + 1.2), sharey=True, squeeze=False
    )
    for index, (ax, (column, label)) in enumerate(zip(axes[0], _PANELS, strict=True)):
        values = rows[column].to_numpy()
        ax.barh(range(len(steps)), values, color=OKABE_ITO[index], height=0.65)
        for y, value in enumerate(values):
            ax.text(value, y, f" {value:,}", va="center", ha="left", fontsize=7.5)
        ax.set_xlim(0, max(values.max(), 1) * 1.35)
        ax.set_title(label, loc="left", fontweight="bold")
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    axes[0][0].set_yticks(range(len(steps)), steps)
    axes[0][0].invert_yaxis()
    fig.suptitle("What each step keeps", fontsize=11, x=0.01, ha="left")
    fig.tight_layout()
    return fig
