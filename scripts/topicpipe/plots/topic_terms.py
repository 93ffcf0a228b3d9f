"""Grid of horizontal bar charts: the top terms of every topic."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.interpret.labels import display_label
from topicpipe.plots.style import apply_style, panel_grid, shorten, topic_colour


def plot_topic_terms(
    terms: pd.DataFrame,
    top_n: int = 10,
    columns: int = 5,
    labels: Mapping[int, str] | None = None,
) -> plt.Figure:
    """One panel per topic with its ``top_n`` terms by probability, largest on top.

    ``terms`` is the tidy topic_terms table (topic, rank, term, weight); ``labels`` maps
    topic numbers to labels shown in the panel titles.
    """
    apply_style()
    labels = labels or {}
    topics = sorted(terms["topic"].unique())
    fig, axes = panel_grid(len(topics), columns, 2.4, 0.2 * top_n + 0.75, extra_height=0.5)
    shown = terms[terms["rank"] <= top_n]
    # One x scale for every panel, so bar lengths compare across topics.
    x_max = shown["weight"].max() * 1.05
    for ax, topic in zip(axes.flat, topics, strict=False):
        group = shown[shown["topic"] == topic].sort_values("rank")
        ax.barh(range(len(group)), group["weight"], color=topic_colour(topic - 1))
        ax.set_yticks(range(len(group)), [shorten(t, 18) for t in group["term"]], fontsize=8)
        ax.invert_yaxis()
        title = shorten(display_label(topic, labels.get(topic, "")), 28)
        ax.set_title(title, loc="left", fontweight="bold", fontsize=8.5)
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(plt.MaxNLocator(3))
        ax.set_xlim(0, x_max)
    fig.supxlabel("probability of term in topic", fontsize=9)
    fig.suptitle(f"Top {top_n} terms per topic", fontsize=11, x=0.01, ha="left")
    return fig
