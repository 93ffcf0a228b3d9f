"""Per-topic diagnostics of the chosen model, one panel per diagnostic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    flagged_label,
    flags_note,
    wrap_text,
)
from topicpipe.plots.style import NEUTRAL, apply_style, shorten

# (column of topic_metrics.csv, panel title)
DIAGNOSTIC_PANELS = [
    ("token_share", "share of tokens"),
    ("top_document_share", "share of documents it tops"),
    ("document_entropy", "document entropy (nats)"),
    ("effective_words", "effective number of words"),
    ("corpus_distance", "KL from corpus terms (nats)"),
    ("npmi", "coherence (NPMI)"),
    ("exclusivity", "exclusivity"),
    ("match_mean", "stability (mean matched cosine)"),
]
NOT_RECURRING = "#E69F00"
# Width of the topic names and of one diagnostic panel, in inches.
_NAMES = 1.5
_PANEL_WIDTH = 1.2


def plot_topic_diagnostics(
    topics: pd.DataFrame,
    labels: Sequence[str],
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """Horizontal bars per topic (rows named by ``labels``) for each diagnostic.

    Topics flagged as not recurring across seeds are drawn in orange (and the key says
    so only when there is one).
    """
    apply_style()
    panels = [p for p in DIAGNOSTIC_PANELS if topics[p[0]].notna().any()]
    n = len(topics)
    columns = max(1, min(len(panels), int((width - _NAMES) // _PANEL_WIDTH)))
    rows = -(-len(panels) // columns)
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(width, rows * (0.13 * n + 0.65) + 0.5),
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    recurs = topics["recurs"] if "recurs" in topics else pd.Series([pd.NA] * n)
    not_recurring = [flag is False for flag in recurs.astype(object)]
    colours = [NOT_RECURRING if flag else NEUTRAL for flag in not_recurring]
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    title_chars = chars_that_fit((width - _NAMES) / columns, 8)
    name_chars = chars_that_fit(_NAMES, MIN_TEXT_PT)
    names = [
        shorten(flagged_label(label, int(t), flags), name_chars)
        for label, t in zip(labels, topics["topic"], strict=True)
    ]
    for ax, (column, title) in zip(axes.flat, panels, strict=False):
        ax.barh(range(n), topics[column], color=colours, height=0.75)
        ax.set_title(wrap_text(title, title_chars, 3), fontsize=8, loc="left")
        ax.xaxis.set_major_locator(plt.MaxNLocator(3))
        ax.axvline(0, color="#000000", lw=0.5)
    for row in axes:
        row[0].set_yticks(range(n), names)
    axes[0, 0].invert_yaxis()
    fig.suptitle("Per-topic diagnostics of the chosen model", x=0.0, ha="left")
    if any(not_recurring):
        fig.legend(
            handles=[
                Patch(color=NEUTRAL, label="topic recurs across seeds"),
                Patch(color=NOT_RECURRING, label="topic does not recur across seeds"),
            ],
            loc="outside lower left",
            ncol=2 if width >= 5 else 1,
            frameon=False,
        )
    add_note(fig, flags_note(flags), note, width=width)
    return fig
