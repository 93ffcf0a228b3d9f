"""Corpus statistics: document lengths, top terms, and vocabulary size by pruning threshold."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from topicpipe.corpus import vocabulary_size
from topicpipe.plots.style import OKABE_ITO, apply_style

NO_ABOVE_VALUES = (0.1, 0.25, 0.5, 0.75, 1.0)
PRUNED_GREY = "#999999"


def no_below_values(max_df: int) -> list[int]:
    """Candidate ``no_below`` thresholds: 1, 2, 3, 5, 10, 20, 50, … up to ``max_df``."""
    values = [v for base in (1, 10, 100, 1000, 10000) for v in (base, 2 * base, 5 * base)]
    values = sorted({1, 2, 3, *values})
    return [v for v in values if v <= max(max_df, 1)]


def plot_corpus_stats(
    lengths_before: Sequence[int],
    lengths_after: Sequence[int],
    vocabulary: pd.DataFrame,
    n_documents: int,
    no_below: int,
    no_above: float,
    top_n: int = 20,
) -> plt.Figure:
    """Three panels: length histogram, top ``top_n`` terms, vocabulary size by threshold.

    ``vocabulary`` has one row per term before pruning: ``term``, ``documents``,
    ``count`` and ``kept`` (1 if it survives pruning).
    """
    apply_style()
    fig, (ax_len, ax_top, ax_voc) = plt.subplots(
        1, 3, figsize=(12, 4.2), gridspec_kw={"width_ratios": [1.1, 1, 1.2]}
    )
    _lengths(ax_len, lengths_before, lengths_after)
    _top_terms(ax_top, vocabulary, top_n)
    _vocabulary_by_threshold(ax_voc, vocabulary, n_documents, no_below, no_above)
    fig.suptitle("Corpus statistics", fontsize=11, x=0.01, ha="left")
    fig.tight_layout()
    return fig


def _lengths(ax: plt.Axes, before: Sequence[int], after: Sequence[int]) -> None:
    top = max(max(before, default=1), 1)
    bins = np.linspace(0, top, min(40, top) + 1)
    ax.hist(before, bins=bins, color=OKABE_ITO[0], alpha=0.55, label="after tokenising")
    ax.hist(
        after, bins=bins, histtype="step", color=OKABE_ITO[3], linewidth=1.5, label="after pruning"
    )
    ax.set_xlabel("tokens per document")
    ax.set_ylabel("documents")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Document length", loc="left", fontweight="bold")
    ax.legend(frameon=False, fontsize=7.5)


def _top_terms(ax: plt.Axes, vocabulary: pd.DataFrame, top_n: int) -> None:
    top = vocabulary.sort_values(["count", "term"], ascending=[False, True]).head(top_n)
    colours = [OKABE_ITO[0] if kept else PRUNED_GREY for kept in top["kept"]]
    ax.barh(range(len(top)), top["count"], color=colours)
    ax.set_yticks(range(len(top)), top["term"], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("occurrences")
    ax.set_title(f"Top {len(top)} terms (grey: pruned)", loc="left", fontweight="bold")


def _vocabulary_by_threshold(
    ax: plt.Axes, vocabulary: pd.DataFrame, n_documents: int, no_below: int, no_above: float
) -> None:
    dfs = vocabulary["documents"].tolist()
    xs = no_below_values(max(dfs, default=1))
    for index, share in enumerate(NO_ABOVE_VALUES):
        sizes = [vocabulary_size(dfs, n_documents, x, share) for x in xs]
        ax.plot(xs, sizes, marker=".", color=OKABE_ITO[index], label=f"no_above {share:g}")
    ax.plot(
        [no_below],
        [vocabulary_size(dfs, n_documents, no_below, no_above)],
        marker="o",
        markersize=9,
        markerfacecolor="none",
        markeredgecolor="black",
        linestyle="none",
        label=f"current ({no_below}, {no_above:g})",
    )
    ax.set_xscale("log")
    ax.set_xticks(xs, [str(x) for x in xs], fontsize=7)
    ax.minorticks_off()
    ax.set_ylim(bottom=0)
    ax.set_xlabel("no_below (minimum documents per term)")
    ax.set_ylabel("terms kept")
    ax.set_title("Vocabulary size by threshold", loc="left", fontweight="bold")
    ax.legend(frameon=False, fontsize=7)
