"""Corpus statistics: document lengths, top terms, and vocabulary size by pruning threshold."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LogNorm, to_hex
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from topicpipe.corpus import vocabulary_size
from topicpipe.plots.attrition import count_label
from topicpipe.plots.layout import MIN_TEXT_PT, add_note, fit_title
from topicpipe.plots.palette import ink_for
from topicpipe.plots.style import MUTED, NEUTRAL, SEQUENTIAL_CMAP, apply_style

NO_ABOVE_VALUES = (0.1, 0.25, 0.5, 0.75, 1.0)
# The vocabulary table shows at most this many no_below thresholds (the smallest).
MAX_NO_BELOW = 8
KEPT_COLOUR = NEUTRAL
PRUNED_COLOUR = MUTED
# Below this width the panels are stacked (inches).
_TWO_COLUMNS = 5.0


def no_below_values(max_df: int, current: int | None = None) -> list[int]:
    """Candidate ``no_below`` thresholds: 1, 2, 3, 5, 10, 20, 50, … up to ``max_df``, at
    most ``MAX_NO_BELOW`` of them, with ``current`` always among them."""
    values = [v for base in (1, 10, 100, 1000, 10000) for v in (base, 2 * base, 5 * base)]
    values = sorted({1, 2, 3, *values})
    values = [v for v in values if v <= max(max_df, 1)][:MAX_NO_BELOW]
    if current is not None and current not in values:
        values = sorted([*values[: MAX_NO_BELOW - 1], current])
    return values


def plot_corpus_stats(
    lengths_before: Sequence[int],
    lengths_after: Sequence[int],
    vocabulary: pd.DataFrame,
    n_documents: int,
    no_below: int,
    no_above: float,
    top_n: int = 20,
    width: float = 6.5,
    note: str = "",
) -> plt.Figure:
    """Three panels: length histogram, top ``top_n`` terms, vocabulary size by threshold.

    ``vocabulary`` has one row per term before pruning: ``term``, ``documents``,
    ``count`` and ``kept`` (1 if it survives pruning).
    """
    apply_style()
    if width >= _TWO_COLUMNS:
        fig = plt.figure(figsize=(width, 4.4), layout="constrained")
        grid = fig.add_gridspec(2, 2, width_ratios=[1.5, 1])
        ax_len, ax_voc = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[1, 0])
        ax_top = fig.add_subplot(grid[:, 1])
    else:
        fig = plt.figure(figsize=(width, 7.6), layout="constrained")
        grid = fig.add_gridspec(3, 1, height_ratios=[1, 1.5, 1])
        ax_len, ax_top, ax_voc = (fig.add_subplot(grid[i]) for i in range(3))
    _lengths(ax_len, lengths_before, lengths_after)
    _top_terms(ax_top, vocabulary, top_n)
    _vocabulary_by_threshold(ax_voc, vocabulary, n_documents, no_below, no_above)
    fig.suptitle(
        fit_title("Corpus statistics for choosing the dictionary settings", width), x=0.0, ha="left"
    )
    add_note(fig, note, width=width)
    return fig


def _lengths(ax: plt.Axes, before: Sequence[int], after: Sequence[int]) -> None:
    top = max(max(before, default=1), 1)
    bins = np.linspace(0, top, min(40, top) + 1)
    ax.hist(before, bins=bins, color=KEPT_COLOUR, alpha=0.45, label="after tokenising")
    ax.hist(after, bins=bins, histtype="step", color="#D55E00", lw=1.3, label="after pruning")
    ax.set_xlabel("tokens per document")
    ax.set_ylabel("documents")
    ax.yaxis.set_major_locator(MaxNLocator(4, integer=True))
    ax.set_title("Document length", loc="left", fontweight="bold")
    ax.legend(frameon=False)


def _top_terms(ax: plt.Axes, vocabulary: pd.DataFrame, top_n: int) -> None:
    top = vocabulary.sort_values(["count", "term"], ascending=[False, True]).head(top_n)
    kept = top["kept"].astype(bool).to_numpy()
    ax.barh(range(len(top)), top["count"], color=np.where(kept, KEPT_COLOUR, PRUNED_COLOUR))
    ax.set_yticks(range(len(top)), top["term"])
    ax.invert_yaxis()
    ax.set_xlabel("occurrences in the corpus")
    ax.xaxis.set_major_locator(MaxNLocator(3, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: count_label(value)))
    ax.set_title(f"{len(top)} most frequent terms", loc="left", fontweight="bold")
    # A key only for what the bars show: pruned terms only when there are some.
    handles = [Patch(color=KEPT_COLOUR, label="kept")]
    if not kept.all():
        handles.append(Patch(color=PRUNED_COLOUR, label="removed by pruning"))
    ax.legend(handles=handles, loc="lower right", frameon=False)


def _vocabulary_by_threshold(
    ax: plt.Axes, vocabulary: pd.DataFrame, n_documents: int, no_below: int, no_above: float
) -> None:
    """A table of the vocabulary each (no_below, no_above) pair keeps, coloured by size;
    the current pair is outlined."""
    dfs = vocabulary["documents"].tolist()
    xs = no_below_values(max(dfs, default=1), no_below)
    ys = sorted({*NO_ABOVE_VALUES, float(no_above)})
    sizes = np.array([[vocabulary_size(dfs, n_documents, x, y) for x in xs] for y in ys])
    # Sizes span orders of magnitude: a log scale keeps the small ones apart; 0 is white.
    cmap = plt.get_cmap(SEQUENTIAL_CMAP).with_extremes(bad="white", under="white")
    norm = LogNorm(vmin=max(1, sizes[sizes > 0].min(initial=1)), vmax=max(sizes.max(), 2))
    ax.imshow(
        np.ma.masked_equal(sizes, 0), cmap=cmap, norm=norm, aspect="auto", interpolation="nearest"
    )
    for (i, j), value in np.ndenumerate(sizes):
        ink = ink_for(to_hex(cmap(norm(value)))) if value > 0 else "#000000"
        ax.text(j, i, count_label(value), ha="center", va="center", fontsize=MIN_TEXT_PT, color=ink)
    current = (ys.index(float(no_above)), xs.index(no_below))
    ax.add_patch(
        Rectangle(
            (current[1] - 0.5, current[0] - 0.5), 1, 1, fill=False, edgecolor="#D55E00", lw=2.0
        )
    )
    ax.set_xticks(range(len(xs)), [str(x) for x in xs])
    ax.set_yticks(range(len(ys)), [f"{y:g}" for y in ys])
    ax.set_xlabel("no_below (min. documents per term)")
    ax.set_ylabel("no_above (max. share)")
    ax.tick_params(length=0)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.set_title("Terms kept (outlined: current)", loc="left", fontweight="bold")
