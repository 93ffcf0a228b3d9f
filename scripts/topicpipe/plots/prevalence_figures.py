"""The prevalence figures of a run: over time (stacked area, small multiples) and by group.

A prevalence table that holds only a ``note`` (no dates, no group values) gives a
figure that says so, instead of failing the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd

from topicpipe.interpret.prevalence import is_placeholder
from topicpipe.plots.prevalence_group import plot_prevalence_group
from topicpipe.plots.prevalence_time import plot_prevalence_area, plot_prevalence_lines
from topicpipe.plots.style import placeholder_figure


def prevalence_figures(
    over_time: pd.DataFrame,
    by_group: pd.DataFrame,
    options: Mapping[str, Any],
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
) -> tuple[dict[str, plt.Figure], list[str]]:
    """Figures ``area``, ``lines`` and ``group`` from the two prevalence tables (as read by
    ``read_prevalence``), ``width`` inches wide, and the notes of the tables that could
    not be computed.

    ``options`` is the ``prevalence`` section of the config; ``flags`` marks topics.
    """
    notes = []
    if is_placeholder(over_time):
        note = over_time["note"].iloc[0]
        notes.append(f"no prevalence over time: {note}")
        title = "Topic prevalence over time: not available"
        figures = {
            "area": placeholder_figure(title, note, width),
            "lines": placeholder_figure(title, note, width),
        }
    else:
        period, min_documents = options["period"], options["min_documents"]
        figures = {
            "area": plot_prevalence_area(over_time, period, min_documents, width, flags),
            "lines": plot_prevalence_lines(
                over_time, period, min_documents, options["confidence"], width, flags
            ),
        }
    if is_placeholder(by_group):
        note = by_group["note"].iloc[0]
        notes.append(f"no prevalence by group: {note}")
        title = f"Topic prevalence by {options['group_by']}: not available"
        figures["group"] = placeholder_figure(title, note, width)
    else:
        by_group = by_group.assign(group=by_group["group"].astype(str))
        figures["group"] = plot_prevalence_group(
            by_group, options["max_groups"], options["min_documents"], width, flags
        )
    return figures, notes
