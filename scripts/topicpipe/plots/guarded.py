"""Figures a guardrail has something to say about: a placeholder instead of a misleading
picture (``interpret.guardrails``)."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.interpret.distances import correlation_matrix
from topicpipe.interpret.prevalence import is_placeholder
from topicpipe.plots.style import placeholder_figure
from topicpipe.plots.topic_maps import plot_topic_correlation


def correlation_figure(
    table: pd.DataFrame,
    labels: Mapping[int, str],
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
) -> plt.Figure:
    """The topic correlation heatmap of ``topic_correlation.csv``, ``width`` inches wide with
    flagged topics starred, or a placeholder with its note when the table holds one (too
    few documents)."""
    if is_placeholder(table):
        note = str(table["note"].iloc[0])
        return placeholder_figure(
            "Topic correlation across documents: not shown", note[:1].upper() + note[1:], width
        )
    return plot_topic_correlation(correlation_matrix(table), dict(labels), width, flags)
