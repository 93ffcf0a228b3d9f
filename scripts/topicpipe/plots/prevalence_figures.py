"""The prevalence figures of a run: over time (stacked area, small multiples) and by group.

A prevalence table that holds only a ``note`` (no dates, no group values) gives a
figure that says so, instead of failing the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.plots.prevalence_group import plot_prevalence_group
from topicpipe.plots.prevalence_time import plot_prevalence_area, plot_prevalence_lines
from topicpipe.plots.style import figures_or_placeholders


def prevalence_figures(
    over_time: pd.DataFrame, by_group: pd.DataFrame, options: Mapping[str, Any]
) -> tuple[dict[str, plt.Figure], list[str]]:
    """Figures ``area``, ``lines`` and ``group`` from the two prevalence tables (as read by
    ``read_prevalence``), and the notes of the tables that could not be computed.

    ``options`` is the ``prevalence`` section of the config.
    """
    period, min_documents = options["period"], options["min_documents"]
    over_time_title = "Topic prevalence over time"
    time_figures, time_notes = figures_or_placeholders(
        over_time,
        lambda: {
            "area": plot_prevalence_area(over_time, period, min_documents),
            "lines": plot_prevalence_lines(over_time, period, min_documents, options["confidence"]),
        },
        {"area": over_time_title, "lines": over_time_title},
        "prevalence over time",
    )
    group_figures, group_notes = figures_or_placeholders(
        by_group,
        lambda: {
            "group": plot_prevalence_group(
                by_group.assign(group=by_group["group"].astype(str)),
                options["max_groups"],
                min_documents,
            )
        },
        {"group": f"Topic prevalence by {options['group_by']}"},
        "prevalence by group",
    )
    return {**time_figures, **group_figures}, time_notes + group_notes
