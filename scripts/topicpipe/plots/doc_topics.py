"""Heatmap of topic shares: documents (rows) × topics (columns)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from topicpipe.plots.style import SEQUENTIAL_CMAP, apply_style, shorten

# Above this many documents, row labels would overlap: rows are then unlabelled.
MAX_LABELLED_DOCS = 60


def order_documents(theta: np.ndarray, dates: Sequence[str] | None = None) -> np.ndarray:
    """Row order grouping documents by dominant topic; within a group by date (oldest
    first, undated last) when ``dates`` are given, otherwise strongest share first."""
    dominant = theta.argmax(axis=1)
    strength = -theta.max(axis=1)
    if dates is not None and any(dates):
        dated = np.array([d or "9999-99-99" for d in dates])
        return np.lexsort((strength, dated, dominant))
    return np.lexsort((strength, dominant))


def plot_doc_topics(
    theta: np.ndarray,
    labels: Sequence[str],
    topic_names: Sequence[str] | None = None,
    dates: Sequence[str] | None = None,
) -> plt.Figure:
    """Heatmap of ``theta`` (D × K) with documents ordered by dominant topic (and date).

    With few documents every row is labelled; with many, rows are thin and unlabelled
    and each dominant-topic group is marked instead. ``topic_names`` label the columns.
    """
    apply_style()
    n_docs, n_topics = theta.shape
    dated = dates is not None and any(dates)
    order = order_documents(theta, dates)
    labelled = n_docs <= MAX_LABELLED_DOCS
    height = 0.2 * n_docs + 3.0 if labelled else 8.0
    width = 0.32 * n_topics + (4.5 if labelled else 2.8)
    fig, ax = plt.subplots(figsize=(max(width, 5.5), max(height, 3.2)))
    image = ax.imshow(
        theta[order], aspect="auto", cmap=SEQUENTIAL_CMAP, vmin=0, vmax=1, interpolation="nearest"
    )
    names = topic_names or [str(k + 1) for k in range(n_topics)]
    ax.set_xticks(range(n_topics), [shorten(n, 28) for n in names], rotation=90, fontsize=7)
    ax.xaxis.set_ticks_position("top")
    ax.set_xlabel("topic")
    ax.xaxis.set_label_position("top")
    dominant = theta[order].argmax(axis=1)
    boundaries = np.flatnonzero(np.diff(dominant)) + 0.5
    for y in boundaries:
        ax.axhline(y, color="white", linewidth=0.8 if labelled else 0.5)
    arrangement = "dominant topic, then date" if dated else "dominant topic"
    if labelled:
        short = [
            (f"{dates[i]}  " if dated and dates[i] else "") + shorten(labels[i], 45) for i in order
        ]
        ax.set_yticks(range(n_docs), short, fontsize=7)
        ax.set_ylabel("document")
    else:
        ax.set_yticks([])
        ax.set_ylabel(f"{n_docs} documents")
    ax.spines[["left", "bottom", "top", "right"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="topic share in document", fraction=0.04, pad=0.02)
    ax.set_title(f"Topic shares per document\n(rows grouped by {arrangement})", loc="left", pad=10)
    fig.tight_layout()
    return fig
