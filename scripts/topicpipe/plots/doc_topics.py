"""Heatmap of topic shares: documents (rows) × topics (columns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    column_names_height,
    fit_title,
    flagged_label,
    flags_note,
    topic_columns,
)
from topicpipe.plots.style import SEQUENTIAL_CMAP, apply_style, shorten

# Above this many documents, row labels would overlap: rows are then unlabelled.
MAX_LABELLED_DOCS = 60
# Height of a labelled row at MIN_TEXT_PT, in inches.
_ROW = 0.13


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
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """Heatmap of ``theta`` (D × K) with documents ordered by dominant topic (and date).

    With few documents every row is labelled (date and title); with many, rows are thin
    and each dominant-topic group is marked with its topic number instead. Columns carry
    the ``topic_names`` when there is room, else topic numbers; ``flags`` stars topics and
    explains them in a footnote.
    """
    apply_style()
    n_docs, n_topics = theta.shape
    dated = dates is not None and any(dates)
    order = order_documents(theta, dates)
    labelled = n_docs <= MAX_LABELLED_DOCS
    label_width = min(2.4, width * 0.38) if labelled else 0.45
    cell = (width - label_width - 0.9) / n_topics
    names = [
        flagged_label(name, k + 1, flags)
        for k, name in enumerate(topic_names or [str(k + 1) for k in range(n_topics)])
    ]
    top = column_names_height(cell, names)
    body = _ROW * n_docs if labelled else min(6.0, max(2.5, 0.01 * n_docs))
    fig, ax = plt.subplots(figsize=(width, body + top + 0.8), layout="constrained")
    image = ax.imshow(
        theta[order], aspect="auto", cmap=SEQUENTIAL_CMAP, vmin=0, vmax=1, interpolation="nearest"
    )
    topic_columns(
        ax, cell, names, [flagged_label(str(k + 1), k + 1, flags) for k in range(n_topics)]
    )
    dominant = theta[order].argmax(axis=1)
    boundaries = np.flatnonzero(np.diff(dominant)) + 0.5
    for y in boundaries:
        ax.axhline(y, color="white", linewidth=0.8 if labelled else 0.5)
    arrangement = "dominant topic, then date" if dated else "dominant topic"
    if labelled:
        chars = chars_that_fit(label_width, MIN_TEXT_PT)
        short = [
            shorten((f"{dates[i]} " if dated and dates[i] else "") + str(labels[i]), chars)
            for i in order
        ]
        ax.set_yticks(range(n_docs), short)
        ax.set_ylabel("document")
    else:
        _group_ticks(ax, dominant, body / n_docs)
        ax.set_ylabel(f"{n_docs} documents, by dominant topic")
    ax.spines[["left", "bottom", "top", "right"]].set_visible(False)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.02, shrink=0.8)
    bar.set_label("topic share in document", fontsize=MIN_TEXT_PT)
    fig.suptitle(
        fit_title(f"Topic shares per document (rows grouped by {arrangement})", width),
        x=0.0,
        ha="left",
    )
    add_note(fig, flags_note(flags), note, width=width)
    return fig


def _group_ticks(ax: plt.Axes, dominant: np.ndarray, row_inches: float) -> None:
    """Label each dominant-topic group tall enough for a number with that topic."""
    starts = np.concatenate([[0], np.flatnonzero(np.diff(dominant)) + 1])
    ends = np.append(starts[1:], len(dominant))
    ticks, names = [], []
    for start, end in zip(starts, ends, strict=True):
        if (end - start) * row_inches >= 0.11:
            ticks.append((start + end - 1) / 2)
            names.append(str(dominant[start] + 1))
    ax.set_yticks(ticks, names)
