"""Which settings each rule of the dynamics stage depends on.

A rule gets only the keys it reads, so that changing a table or figure option does not
refit the model, and changing the fit's options reruns everything after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# What changes the fitted model.
FIT_KEYS = (
    "period",
    "min_documents",
    "smoothing",
    "max_iterations",
    "tolerance",
    "acceleration",
)
# What changes the tables, besides the fit.
TABLE_KEYS = ("top_terms", "change_terms", "top_changes", "compare", "min_link_cosine")
# Intervals of the tables are drawn as for prevalence over time (``prevalence`` section).
BOOTSTRAP_KEYS = ("bootstrap", "confidence", "seed")
# What changes the figures, besides the tables.
FIGURE_KEYS = ("period", "min_documents", "trajectory_terms")


def dynamics_section(config: Mapping[str, Any]) -> dict[str, Any]:
    """The ``dynamics`` section of the (validated) config with ``period`` resolved:
    null means the period of prevalence over time (``prevalence.period``)."""
    section = config["dynamics"]
    return {**section, "period": section["period"] or config["prevalence"]["period"]}


def fit_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The options of rule ``dynamics_fit``."""
    section = dynamics_section(config)
    return {key: section[key] for key in FIT_KEYS}


def table_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The options of rule ``dynamics_tables``: its own keys and the bootstrap's."""
    section = dynamics_section(config)
    return {
        **{key: section[key] for key in TABLE_KEYS},
        **{key: config["prevalence"][key] for key in BOOTSTRAP_KEYS},
    }


def figure_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The options of rule ``figure_dynamics`` (without the figures' ``dpi``)."""
    section = dynamics_section(config)
    return {key: section[key] for key in FIGURE_KEYS}
