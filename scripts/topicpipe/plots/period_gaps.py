"""A categorical time axis of periods on which gaps (periods not modelled) stay visible.

Every period from the first to the last dated document has a place on the axis; gap
periods are shaded (no documents) or hatched (too few documents) and nothing is drawn
across them.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from topicpipe.dynamics.periods import EMPTY, FEW
from topicpipe.plots.style import MUTED

# How each kind of gap is drawn.
GAP_STYLE = {
    EMPTY: {"facecolor": MUTED, "alpha": 0.35, "hatch": "", "edgecolor": "none"},
    FEW: {"facecolor": "white", "alpha": 1.0, "hatch": "////", "edgecolor": MUTED},
}


def period_ticks(
    ax: plt.Axes, periods: Sequence[str], max_labels: int = 30, flat_labels: int = 8
) -> None:
    """Label the x axis with period names: every n-th one when there are more than
    ``max_labels``, turned upright when more than ``flat_labels`` are shown."""
    step = max(1, int(np.ceil(len(periods) / max_labels)))
    positions = np.arange(0, len(periods), step)
    ax.set_xticks(positions, [periods[i] for i in positions])
    if len(positions) > flat_labels:
        ax.tick_params(axis="x", labelrotation=90)


def shade_gaps(ax: plt.Axes, statuses: Sequence[str]) -> None:
    """Shade the full height of ``ax`` at every gap period (categorical positions)."""
    for x, status in enumerate(statuses):
        if status in GAP_STYLE:
            ax.axvspan(x - 0.5, x + 0.5, lw=0.6, zorder=0, **GAP_STYLE[status])


def gap_handles(statuses: Sequence[str], min_documents: int) -> list[Patch]:
    """Legend entries for the kinds of gap that occur in ``statuses``."""
    names = {EMPTY: "no documents", FEW: f"fewer than {min_documents} documents (not modelled)"}
    return [
        Patch(label=names[kind], lw=0.6, **GAP_STYLE[kind])
        for kind in (EMPTY, FEW)
        if kind in set(statuses)
    ]
