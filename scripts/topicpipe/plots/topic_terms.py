"""Grid of horizontal bar charts: the top terms of every topic."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from topicpipe.interpret.labels import display_label
from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    columns_that_fit,
    flagged_label,
    flags_note,
    title_over_labels,
    wrap_text,
)
from topicpipe.plots.style import apply_style, shorten, topic_colour

# How the bars of a panel can be ordered: the column of topic_terms.csv and its name.
RANKINGS = {
    "frex": ("rank_frex", "FREX (frequent and exclusive)"),
    "probability": ("rank", "probability in the topic"),
    "relevance": ("rank_relevance", "relevance (LDAvis λ)"),
    "lift": ("rank_lift", "lift"),
}
# Narrowest panel (term labels and bars) that keeps terms legible, in inches.
_PANEL_WIDTH = 1.55
# Height of one bar row at 7 pt, and of a panel's two-line title, in inches.
_ROW = 0.135
_TITLE = 0.3


def plot_topic_terms(
    terms: pd.DataFrame,
    top_n: int = 10,
    labels: Mapping[int, str] | None = None,
    ranking: str = "frex",
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """One panel per topic with its ``top_n`` terms in the order of ``ranking`` (a key of
    ``RANKINGS``; "frex" is how automatic labels are made, so a title agrees with its bars).

    Bars are the term's probability in the topic on one scale for all panels; a grey tick
    marks the term's share of the whole corpus, so a bar far beyond its tick is a term
    the topic uses much more than the corpus does. ``terms`` is the tidy topic_terms
    table (topic, term, weight, lift and the rank columns); ``labels`` maps topic numbers
    to labels; ``flags`` marks topics with "*" and a footnote; ``note`` goes under the figure.
    """
    apply_style()
    labels = labels or {}
    rank_column, rank_name = RANKINGS[ranking]
    topics = sorted(terms["topic"].unique())
    columns = columns_that_fit(width, _PANEL_WIDTH, len(topics))
    rows = -(-len(topics) // columns)
    panel_height = _ROW * top_n + _TITLE + 0.1
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(width, panel_height * rows + 0.55),
        squeeze=False,
        sharex=True,
        layout="constrained",
    )
    for ax in axes.flat[len(topics) :]:
        ax.set_visible(False)
    shown = terms[terms[rank_column] <= top_n]
    corpus_share = shown["weight"] / shown["lift"].where(shown["lift"] > 0)
    # One x scale for every panel, so bar lengths compare across topics.
    x_max = float(np.nanmax([shown["weight"].max(), corpus_share.max()])) * 1.08
    term_chars = chars_that_fit(width / columns * 0.58, MIN_TEXT_PT)
    # Titles are bold (wider letters) and span the whole panel, term names included.
    title_chars = int(chars_that_fit(width / columns - 0.1, 8) * 0.88)
    for index, (ax, topic) in enumerate(zip(axes.flat, topics, strict=False)):
        group = shown[shown["topic"] == topic].sort_values(rank_column)
        y = np.arange(len(group))
        ax.barh(y, group["weight"], color=topic_colour(topic - 1), height=0.75)
        share = (group["weight"] / group["lift"].where(group["lift"] > 0)).to_numpy()
        ax.scatter(share, y, marker="|", s=40, color="#333333", linewidths=1.0, zorder=3)
        ax.set_yticks(y, [shorten(t, term_chars) for t in group["term"]])
        ax.set_ylim(top_n - 0.5, -0.6)
        name = flagged_label(display_label(topic, labels.get(topic, "")), topic, flags)
        title_over_labels(ax, wrap_text(name, title_chars, 4), fontweight="bold", fontsize=8)
        ax.xaxis.set_major_locator(plt.MaxNLocator(2))
        ax.set_xlim(0, x_max)
        # The x scale is shared: numbers only under the last panel of each column.
        below = index + columns
        ax.tick_params(axis="x", labelbottom=below >= len(topics))
    fig.supxlabel(
        wrap_text(
            "bar: probability of the term in the topic; dark tick: its share of the whole corpus",
            chars_that_fit(width, 8),
        ),
        fontsize=8,
    )
    fig.suptitle(
        wrap_text(f"Top {top_n} terms per topic, ordered by {rank_name}", chars_that_fit(width, 9)),
        x=0.0,
        ha="left",
    )
    add_note(fig, flags_note(flags), note, width=width)
    return fig
