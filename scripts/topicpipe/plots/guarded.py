"""Figures a guardrail has something to say about: a placeholder instead of a misleading
picture, or a footnote that names the flagged topics (``interpret.guardrails``)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.interpret.distances import correlation_matrix
from topicpipe.interpret.prevalence import is_placeholder
from topicpipe.plots.style import placeholder_figure
from topicpipe.plots.topic_maps import plot_topic_correlation

# Characters per footnote line.
_WRAP = 120


def correlation_figure(table: pd.DataFrame, labels: Mapping[int, str]) -> plt.Figure:
    """The topic correlation heatmap of ``topic_correlation.csv``, or a placeholder with its
    note when the table holds one (too few documents)."""
    if is_placeholder(table):
        note = str(table["note"].iloc[0])
        return placeholder_figure(
            "Topic correlation across documents: not shown", note[:1].upper() + note[1:]
        )
    return plot_topic_correlation(correlation_matrix(table), dict(labels))


def with_footnote(fig: plt.Figure, text: str) -> plt.Figure:
    """``fig`` with ``text`` (if any) as a footnote under it, in the warning colour."""
    if text:
        fig.text(
            0.01,
            -0.01,
            "\n".join(textwrap.wrap(text, _WRAP)),
            ha="left",
            va="top",
            fontsize=7.5,
            color="#8a3300",
        )
    return fig
