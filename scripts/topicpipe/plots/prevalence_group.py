"""Heatmap of topic prevalence per group (e.g. per outlet)."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import PercentFormatter

from topicpipe.interpret.labels import display_label
from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    cell_percentages,
    chars_that_fit,
    column_names_height,
    fit_title,
    flagged_label,
    flags_note,
    topic_columns,
)
from topicpipe.plots.style import MUTED, SEQUENTIAL_CMAP, apply_style, shorten

# A cell must be this wide (inches) to hold its percentage at MIN_TEXT_PT.
_NUMBER_CELL = 0.2


def plot_prevalence_group(
    table: pd.DataFrame,
    max_groups: int,
    min_documents: int,
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """Groups (rows, most documents first) × topics; colour and number: mean topic share.

    Only the ``max_groups`` largest groups are drawn; groups with fewer than
    ``min_documents`` documents have grey labels. Cells hold their percentage when they
    are wide enough to print it legibly.
    """
    apply_style()
    group_by = table["group_by"].iloc[0]
    sizes = table.drop_duplicates("group").set_index("group")["n_documents"]
    groups = list(sizes.index[:max_groups])
    wide = table.pivot(index="group", columns="topic", values="mean_share").loc[groups]
    names = table.drop_duplicates("topic").set_index("topic")["label"]
    topics = list(wide.columns)
    n_rows, n_cols = wide.shape
    # Group names take at most a third of the width.
    group_chars = max(8, chars_that_fit(width / 3, MIN_TEXT_PT) - 7)
    group_labels = [f"{shorten(g, group_chars)} ({sizes[g]})" for g in groups]
    label_width = max(len(g) for g in group_labels) * 0.6 * MIN_TEXT_PT / 72 + 0.35
    cell = min(1.2, (width - label_width - 0.9) / n_cols)
    topic_names = [flagged_label(display_label(t, names[t]), t, flags) for t in topics]
    height = n_rows * min(cell, 0.22) + column_names_height(cell, topic_names) + 0.9
    fig, ax = plt.subplots(figsize=(width, max(height, 2.0)), layout="constrained")
    values = wide.to_numpy()
    top = max(np.nanmax(values), 1e-9)
    image = ax.imshow(
        values, aspect="auto", cmap=SEQUENTIAL_CMAP, vmin=0, vmax=top, interpolation="nearest"
    )
    numbers = cell >= _NUMBER_CELL
    if numbers:
        cell_percentages(ax, values, top)
    topic_columns(ax, cell, topic_names, [str(t) for t in topics])
    ax.set_yticks(range(n_rows), group_labels)
    for tick, group in zip(ax.get_yticklabels(), groups, strict=True):
        if sizes[group] < min_documents:
            tick.set_color(MUTED)
    ax.set_ylabel(f"{group_by} (documents)")
    ax.spines[["left", "bottom", "top", "right"]].set_visible(False)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.02, shrink=0.9)
    bar.set_label("mean topic share", fontsize=MIN_TEXT_PT)
    # The cells print percentages, so the scale speaks in percent too.
    bar.formatter = PercentFormatter(xmax=1.0, decimals=0)
    bar.update_ticks()
    shown = (
        f"the {len(groups)} largest of {len(sizes)} groups"
        if len(sizes) > len(groups)
        else f"{len(groups)} groups"
    )
    fig.suptitle(
        fit_title(
            f"Topic prevalence by {group_by} ({shown}; "
            + ("numbers: mean share in %; " if numbers else "")
            + f"grey names: fewer than {min_documents} documents)",
            width,
        ),
        x=0.0,
        ha="left",
    )
    add_note(fig, flags_note(flags), note, width=width)
    return fig
