"""Heatmap of topic prevalence per group (e.g. per outlet)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import PercentFormatter

from topicpipe.interpret.labels import display_label
from topicpipe.plots.style import MUTED, SEQUENTIAL_CMAP, apply_style, shorten

# With more cells than this, values are not written into the cells.
MAX_ANNOTATED_CELLS = 400


def plot_prevalence_group(table: pd.DataFrame, max_groups: int, min_documents: int) -> plt.Figure:
    """Groups (rows, most documents first) × topics; colour and number: mean topic share.

    Only the ``max_groups`` largest groups are drawn; groups with fewer than
    ``min_documents`` documents have grey labels.
    """
    apply_style()
    group_by = table["group_by"].iloc[0]
    sizes = table.drop_duplicates("group").set_index("group")["n_documents"]
    groups = list(sizes.index[:max_groups])
    wide = table.pivot(index="group", columns="topic", values="mean_share").loc[groups]
    names = table.drop_duplicates("topic").set_index("topic")["label"]
    topics = list(wide.columns)
    n_rows, n_cols = wide.shape
    fig, ax = plt.subplots(figsize=(max(6.0, 0.36 * n_cols + 3.8), max(3.2, 0.28 * n_rows + 2.6)))
    values = wide.to_numpy()
    image = ax.imshow(
        values,
        aspect="auto",
        cmap=SEQUENTIAL_CMAP,
        vmin=0,
        vmax=max(np.nanmax(values), 1e-9),
        interpolation="nearest",
    )
    if n_rows * n_cols <= MAX_ANNOTATED_CELLS:
        threshold = np.nanmax(values) * 0.6
        for (i, j), value in np.ndenumerate(values):
            ax.text(
                j,
                i,
                f"{value * 100:.0f}",
                ha="center",
                va="center",
                fontsize=6,
                color="black" if value > threshold else "white",
            )
    ax.set_xticks(
        range(n_cols),
        [shorten(display_label(t, names[t]), 28) for t in topics],
        rotation=90,
        fontsize=7,
    )
    ax.xaxis.set_ticks_position("top")
    ax.set_yticks(range(n_rows), [f"{shorten(g, 30)} ({sizes[g]})" for g in groups], fontsize=7)
    for tick, group in zip(ax.get_yticklabels(), groups, strict=True):
        if sizes[group] < min_documents:
            tick.set_color(MUTED)
    ax.set_ylabel(f"{group_by} (documents)")
    ax.spines[["left", "bottom"]].set_visible(False)
    bar = fig.colorbar(image, ax=ax, label="mean topic share", fraction=0.04, pad=0.02)
    # The cells print percentages, so the scale speaks in percent too.
    bar.formatter = PercentFormatter(xmax=1.0, decimals=0)
    bar.update_ticks()
    shown = (
        f"the {len(groups)} largest of {len(sizes)} groups"
        if len(sizes) > len(groups)
        else f"{len(groups)} groups"
    )
    ax.set_title(
        f"Topic prevalence by {group_by} ({shown}; grey: fewer than {min_documents} documents)",
        loc="left",
        pad=10,
        fontsize=9,
    )
    fig.tight_layout()
    return fig
