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
from topicpipe.plots.layout import MIN_TEXT_PT
from topicpipe.plots.style import MUTED, NO_DOCUMENTS

# How each kind of gap is drawn: hatched where there is no document (as in the prevalence
# figures, ``NO_DOCUMENTS``), grey where there are too few to model.
GAP_STYLE = {
    EMPTY: {"alpha": 1.0, **NO_DOCUMENTS},
    FEW: {"facecolor": MUTED, "alpha": 0.35, "hatch": "", "edgecolor": "none"},
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


def period_ticks_that_fit(ax: plt.Axes, periods: Sequence[str], inches: float) -> None:
    """``period_ticks`` for an axis about ``inches`` wide: as many names as fit upright at
    ``MIN_TEXT_PT``, lying flat only where they fit side by side."""
    longest = max((len(str(p)) for p in periods), default=1)
    flat_width = (longest + 2) * 0.6 * MIN_TEXT_PT / 72
    period_ticks(
        ax,
        periods,
        max_labels=max(1, int(inches * 72 / (MIN_TEXT_PT * 1.5))),
        flat_labels=max(1, int(inches / flat_width)),
    )


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
