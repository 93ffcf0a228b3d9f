"""Grid of horizontal bar charts: the top terms of every topic."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.plots.style import apply_style, topic_colour


def plot_topic_terms(terms: pd.DataFrame, top_n: int = 10, columns: int = 5) -> plt.Figure:
    """One panel per topic with its ``top_n`` terms by weight, largest on top."""
    apply_style()
    topics = sorted(terms["topic"].unique())
    columns = max(1, min(columns, len(topics)))
    rows = math.ceil(len(topics) / columns)
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(2.3 * columns, 0.22 * top_n * rows + 0.6 * rows + 0.4),
        squeeze=False,
    )
    for ax in axes.flat[len(topics) :]:
        ax.set_visible(False)
    for ax, topic in zip(axes.flat, topics, strict=False):
        group = terms[terms["topic"] == topic].sort_values("rank").head(top_n)
        ax.barh(range(len(group)), group["weight"], color=topic_colour(topic - 1))
        ax.set_yticks(range(len(group)), group["term"], fontsize=8)
        ax.invert_yaxis()
        ax.set_title(f"Topic {topic}", loc="left", fontweight="bold")
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlim(0, group["weight"].max() * 1.05)
    fig.supxlabel("probability of term in topic", fontsize=9)
    fig.suptitle(f"Top {top_n} terms per topic", fontsize=11, x=0.01, ha="left")
    fig.tight_layout()
    return fig
