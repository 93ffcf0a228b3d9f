"""Maps of how topics relate: the intertopic distance map and the topic correlation heatmap."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from topicpipe.interpret.labels import display_label
from topicpipe.plots.label_layout import repel_labels
from topicpipe.plots.style import (
    DIVERGING_CMAP,
    MUTED,
    apply_style,
    shorten,
    side_legend,
    topic_colour,
    topic_hatch,
)

# Total bubble area, in points², shared out by prevalence (≈10% of the map's area).
_BUBBLE_AREA = 18000.0


def plot_intertopic_map(table: pd.DataFrame) -> plt.Figure:
    """Topics as bubbles at their MDS coordinates (columns topic, label, x, y, prevalence):
    near bubbles are topics with similar words; bubble area is prevalence."""
    apply_style()
    fig, ax = plt.subplots(figsize=(9.5, 6.5))
    sizes = _BUBBLE_AREA * table["prevalence"].to_numpy() / max(table["prevalence"].sum(), 1e-12)
    for row, size in zip(table.itertuples(), sizes, strict=True):
        ax.scatter(
            row.x,
            row.y,
            s=size,
            color=topic_colour(row.topic - 1),
            alpha=0.55,
            hatch=topic_hatch(row.topic - 1),
            edgecolor="white",
            lw=0.8,
            zorder=2,
        )
    texts = [
        ax.text(
            row.x,
            row.y,
            str(row.topic),
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            zorder=4,
        )
        for row in table.itertuples()
    ]
    span = max(np.ptp(table["x"]), np.ptp(table["y"]), 1e-6)
    cx, cy = table["x"].mean(), table["y"].mean()
    margin = 0.8 * span + 0.05
    ax.set_xlim(cx - margin, cx + margin)
    ax.set_ylim(cy - margin, cy + margin)
    ax.set_aspect("equal")
    ax.axhline(cy, color=MUTED, lw=0.4, zorder=0)
    ax.axvline(cx, color=MUTED, lw=0.4, zorder=0)
    repel_labels(ax, texts)
    ax.set_xlabel("principal coordinate 1")
    ax.set_ylabel("principal coordinate 2")
    ax.set_title(
        "Intertopic distance map (Jensen–Shannon distance, classical MDS)\n"
        "bubble area = topic prevalence; near bubbles = topics with similar words",
        loc="left",
        fontsize=9,
    )
    # Patches, not dots, so the key shows the hatch that tells topics 1 and 9 apart.
    key = [
        Patch(
            facecolor=topic_colour(r.topic - 1),
            hatch=topic_hatch(r.topic - 1),
            edgecolor="white",
            label=shorten(display_label(r.topic, r.label), 34),
        )
        for r in table.itertuples()
    ]
    side_legend(ax, key, max_rows=30, handletextpad=0.3, borderaxespad=0)
    fig.tight_layout()
    return fig


def plot_topic_correlation(corr: np.ndarray, labels: dict[int, str]) -> plt.Figure:
    """K × K heatmap of correlations between topic shares across documents.

    Positive: topics that tend to appear in the same documents; negative: topics that
    tend to exclude each other. The diagonal (always 1) is left grey.
    """
    apply_style()
    k = len(corr)
    masked = np.ma.masked_array(corr, mask=np.eye(k, dtype=bool))
    off = np.abs(corr[~np.eye(k, dtype=bool)]) if k > 1 else np.array([0.0])
    limit = max(float(off.max()), 0.05)
    side = max(4.5, 0.26 * k + 3.2)
    fig, ax = plt.subplots(figsize=(side + 1.5, side))
    cmap = plt.get_cmap(DIVERGING_CMAP).with_extremes(bad="#dddddd")
    image = ax.imshow(masked, cmap=cmap, vmin=-limit, vmax=limit, interpolation="nearest")
    if k <= 20:
        for (i, j), value in np.ndenumerate(corr):
            if i != j:
                ax.text(
                    j,
                    i,
                    f"{value:.2f}".replace("0.", "."),
                    ha="center",
                    va="center",
                    fontsize=6 if k > 10 else 7,
                    color="white" if abs(value) > 0.6 * limit else "black",
                )
    ticks = range(k)
    ax.set_xticks(ticks, [str(t + 1) for t in ticks], fontsize=7 if k <= 30 else 6)
    ax.set_yticks(
        ticks,
        [shorten(display_label(t + 1, labels.get(t + 1, "")), 30) for t in ticks],
        fontsize=7 if k <= 30 else 5.5,
    )
    ax.set_xlabel("topic")
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="correlation of topic shares", fraction=0.04, pad=0.02)
    ax.set_title("Topic correlation across documents", loc="left")
    fig.tight_layout()
    return fig
