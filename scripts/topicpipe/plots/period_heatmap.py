"""Heatmap of topic prevalence per period (topics × periods), with documents per period."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import PercentFormatter
from matplotlib.transforms import ScaledTranslation

from topicpipe.dynamics.periods import EMPTY, FEW, MODELLED
from topicpipe.interpret.labels import display_label
from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    cell_percentages,
    chars_that_fit,
    fit_title,
    wrap_text,
)
from topicpipe.plots.period_gaps import (
    GAP_STYLE,
    gap_handles,
    period_ticks_that_fit,
    shade_gaps,
)
from topicpipe.plots.style import (
    MUTED,
    SEQUENTIAL_CMAP,
    apply_style,
    topic_colour,
    topic_hatch,
)

# With more cells than this, values are not written into the cells.
MAX_ANNOTATED_CELLS = 400
# Narrowest cell, in inches, that holds a two-digit value at MIN_TEXT_PT.
_NUMBER_CELL = 0.24
# Side of a topic's colour swatch, left of the heatmap, in points.
SWATCH_POINTS = 10.0
# Height of a row (two lines of a label at MIN_TEXT_PT), in inches.
_ROW = 0.25


def plot_period_heatmap(
    table: pd.DataFrame, period: str, min_documents: int, width: float = 6.5, note: str = ""
) -> plt.Figure:
    """Topics (rows) × every period (columns), ``width`` inches wide; colour (and, where a
    cell has room, number): mean topic share.

    ``table`` is prevalence_by_period (period, status, topic, label, n_documents,
    mean_share). Gap periods are drawn as gaps, never filled in; a bar chart above counts
    the documents of each period; a swatch beside each label shows the topic's colour.
    """
    apply_style()
    periods = table.drop_duplicates("period")[["period", "status", "n_documents"]]
    names = table.drop_duplicates("topic").set_index("topic")["label"]
    wide = table.pivot(index="topic", columns="period", values="mean_share")
    wide = wide[periods["period"]]
    topics = list(wide.index)
    values = wide.to_numpy(dtype=float)
    n_topics, n_periods = values.shape
    label_width = min(2.0, 0.32 * width)
    # Room left for the cells: labels, swatches, the colour bar and margins.
    cell = (width - label_width - 0.95) / n_periods
    body = max(1.5, _ROW * n_topics)
    fig = plt.figure(figsize=(width, body + 2.1), layout="constrained")
    counts, ax = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [0.8, body]})
    statuses = periods["status"].tolist()
    shade_gaps(ax, statuses)
    finite = values[np.isfinite(values)]
    top = max(finite.max(), 1e-9) if finite.size else 1.0
    image = ax.imshow(
        np.ma.masked_invalid(values),
        aspect="auto",
        cmap=SEQUENTIAL_CMAP,
        vmin=0,
        vmax=top,
        interpolation="nearest",
        zorder=1,
    )
    if n_topics * n_periods <= MAX_ANNOTATED_CELLS and cell >= _NUMBER_CELL:
        cell_percentages(ax, values, top)
    # Each topic's colour (and hatch) in a swatch between its label and its row.
    chars = chars_that_fit(label_width - SWATCH_POINTS / 72, MIN_TEXT_PT)
    ax.set_yticks(range(n_topics), [wrap_text(display_label(t, names[t]), chars) for t in topics])
    ax.tick_params(axis="y", length=0, pad=SWATCH_POINTS + 6)
    beside = ax.get_yaxis_transform() + ScaledTranslation(
        -(SWATCH_POINTS / 2 + 3) / 72, 0, fig.dpi_scale_trans
    )
    for i, topic in enumerate(topics):
        ax.scatter(
            [0],
            [i],
            s=SWATCH_POINTS**2,
            marker="s",
            facecolor=topic_colour(topic - 1),
            hatch=topic_hatch(topic - 1),
            edgecolor="white",
            lw=0.5,
            transform=beside,
            clip_on=False,
        )
    period_ticks_that_fit(ax, periods["period"].tolist(), cell * n_periods)
    ax.set_xlabel(period)
    ax.set_xlim(-0.5, n_periods - 0.5)
    ax.spines[["left", "bottom"]].set_visible(False)
    modelled = periods["status"].eq(MODELLED).to_numpy()
    counts.bar(
        np.arange(n_periods),
        periods["n_documents"],
        width=0.8,
        color=np.where(modelled, "#333333", MUTED),
    )
    for x, status in enumerate(statuses):
        if status == FEW:
            counts.bar(x, periods["n_documents"].iloc[x], width=0.8, **GAP_STYLE[status])
    counts.axhline(min_documents, color=MUTED, lw=0.8, ls="--")
    counts.set_ylabel("documents")
    counts.yaxis.set_major_locator(plt.MaxNLocator(3, integer=True))
    counts.tick_params(axis="x", labelbottom=False)
    shade_gaps(counts, [s if s == EMPTY else "" for s in statuses])
    bar = fig.colorbar(image, ax=ax, label="mean topic share", fraction=0.04, pad=0.01)
    bar.formatter = PercentFormatter(xmax=1.0, decimals=0)
    bar.update_ticks()
    handles = gap_handles(statuses, min_documents)
    if handles:
        fig.legend(
            handles=handles,
            loc="outside lower left",
            ncol=len(handles) if width >= 5 else 1,
            frameon=False,
        )
    what = "mean topic share of the documents, %" if cell >= _NUMBER_CELL else "mean topic share"
    fig.suptitle(
        fit_title(f"Topic prevalence per {period} (dynamic model; {what})", width),
        x=0.0,
        ha="left",
    )
    add_note(fig, note, width=width)
    return fig
