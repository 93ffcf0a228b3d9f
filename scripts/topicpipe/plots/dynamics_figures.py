"""The figures of the dynamic model: term trajectories per topic and the topic × period
prevalence heatmap.

When the dynamic model could not be fitted (its tables hold only a ``note``), each figure
says why instead of failing the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.plots.period_heatmap import plot_period_heatmap
from topicpipe.plots.style import figures_or_placeholders
from topicpipe.plots.term_trajectories import plot_term_trajectories


def dynamics_figures(
    terms: pd.DataFrame,
    prevalence: pd.DataFrame,
    periods: pd.DataFrame,
    options: Mapping[str, Any],
) -> tuple[dict[str, plt.Figure], list[str]]:
    """Figures ``trajectories`` and ``heatmap`` from the dynamics tables (as read by
    ``dynamics.tables.read_period_table``), and the note when there is no model.

    ``options`` are ``dynamics.settings.figure_options``.
    """
    min_documents = options["min_documents"]
    return figures_or_placeholders(
        terms,
        lambda: {
            "trajectories": plot_term_trajectories(
                terms, periods, options["trajectory_terms"], min_documents
            ),
            "heatmap": plot_period_heatmap(prevalence, options["period"], min_documents),
        },
        {"trajectories": "Term trajectories", "heatmap": "Topic prevalence per period"},
        "dynamic model",
    )
