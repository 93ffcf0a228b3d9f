"""Heatmap of topic shares: documents (rows) × topics (columns)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from topicpipe.plots.style import SEQUENTIAL_CMAP, apply_style

# Above this many documents, row labels would overlap: rows are then unlabelled.
MAX_LABELLED_DOCS = 60


def order_by_dominant_topic(theta: np.ndarray) -> np.ndarray:
    """Row order grouping documents by dominant topic, strongest share first in each group."""
    dominant = theta.argmax(axis=1)
    strength = theta.max(axis=1)
    return np.lexsort((-strength, dominant))


def plot_doc_topics(theta: np.ndarray, labels: Sequence[str]) -> plt.Figure:
    """Heatmap of ``theta`` (D × K) with documents ordered by dominant topic.

    With few documents every row is labelled; with many, rows are thin and
    unlabelled, and the y axis counts documents instead.
    """
    apply_style()
    n_docs, n_topics = theta.shape
    order = order_by_dominant_topic(theta)
    labelled = n_docs <= MAX_LABELLED_DOCS
    height = 0.18 * n_docs + 1.5 if labelled else 7.0
    width = 0.35 * n_topics + (4.5 if labelled else 2.5)
    fig, ax = plt.subplots(figsize=(max(width, 5.0), height))
    image = ax.imshow(
        theta[order], aspect="auto", cmap=SEQUENTIAL_CMAP, vmin=0, vmax=1, interpolation="nearest"
    )
    ax.set_xticks(range(n_topics), [str(k + 1) for k in range(n_topics)])
    ax.set_xlabel("topic")
    if labelled:
        short = [_shorten(labels[i]) for i in order]
        ax.set_yticks(range(n_docs), short, fontsize=7)
        ax.set_ylabel("document")
    else:
        ax.set_ylabel(f"documents ({n_docs}), grouped by dominant topic")
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="topic share in document", fraction=0.04, pad=0.02)
    ax.set_title("Topic shares per document", loc="left")
    fig.tight_layout()
    return fig


def _shorten(text: str, width: int = 45) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
