"""Per-topic diagnostics of the chosen model, one panel per diagnostic."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.plots.style import apply_style

# (column of topic_metrics.csv, panel title)
DIAGNOSTIC_PANELS = [
    ("token_share", "share of tokens"),
    ("top_document_share", "share of documents\nwhere it is the top topic"),
    ("document_entropy", "document entropy (nats)"),
    ("effective_words", "effective number of words"),
    ("corpus_distance", "KL from corpus\nterm distribution (nats)"),
    ("npmi", "coherence (NPMI)"),
    ("exclusivity", "exclusivity"),
    ("match_mean", "stability\n(mean matched cosine)"),
]


def plot_topic_diagnostics(topics: pd.DataFrame, labels: list[str]) -> plt.Figure:
    """Horizontal bars per topic (rows labelled with top terms) for each diagnostic.

    Topics flagged as not recurring across seeds are drawn in orange.
    """
    apply_style()
    panels = [p for p in DIAGNOSTIC_PANELS if topics[p[0]].notna().any()]
    n = len(topics)
    columns = 4
    rows = -(-len(panels) // columns)
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(2.0 * columns + 1.8, rows * (0.25 * n + 1.0)),
        sharey=True,
        squeeze=False,
    )
    recurs = topics["recurs"] if "recurs" in topics else pd.Series([pd.NA] * n)
    colours = ["#E69F00" if flag is False else "#0072B2" for flag in recurs.astype(object)]
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    for ax, (column, title) in zip(axes.flat, panels, strict=False):
        ax.barh(range(n), topics[column], color=colours)
        ax.set_title(title, fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        ax.axvline(0, color="#000000", lw=0.5)
    for row in axes:
        row[0].set_yticks(range(n), labels, fontsize=7)
    axes[0, 0].invert_yaxis()
    note = "; orange: topic does not recur across seeds" if (recurs == False).any() else ""  # noqa: E712
    fig.suptitle(f"Per-topic diagnostics of the chosen model{note}", fontsize=10, x=0.01, ha="left")
    fig.tight_layout()
    return fig
