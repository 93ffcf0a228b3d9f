"""Shared figure style: colour-blind-safe colours, fonts, and saving in two formats."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from topicpipe.interpret.prevalence import is_placeholder  # noqa: E402

# Okabe & Ito (2008) colour-blind-safe palette; cycled for more than 8 topics.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
# Perceptually uniform and readable in grey scale and by colour-blind readers.
SEQUENTIAL_CMAP = "viridis"


def topic_colour(topic_index: int) -> str:
    """The colour of topic ``topic_index`` (0-based), the same in every figure."""
    return OKABE_ITO[topic_index % len(OKABE_ITO)]


def apply_style() -> None:
    """Set matplotlib defaults used by every figure (deterministic SVG ids, no date stamp)."""
    plt.rcParams.update(
        {
            "font.size": 9,
            "axes.titlesize": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "topicpipe",
            "svg.fonttype": "none",
        }
    )


def save_figure(fig: plt.Figure, png_path: str | Path, dpi: int = 200) -> list[Path]:
    """Save ``fig`` as PNG (at ``dpi``) and as SVG beside it; return both paths."""
    png_path = Path(png_path)
    svg_path = png_path.with_suffix(".svg")
    fig.savefig(png_path, dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(svg_path, bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return [png_path, svg_path]


# Beyond 8 topics colours repeat; each further round of 8 gets its own hatch, so that
# (colour, hatch) still tells topics apart in stacked areas and bubbles.
HATCHES = ["", "////", "....", "xxxx", "\\\\\\\\", "oo", "++", "--"]
# Diverging, colour-blind-safe colour map for signed values such as correlations.
DIVERGING_CMAP = "PuOr_r"
# Marks what is unreliable (few documents) or missing.
MUTED = "#999999"


def topic_hatch(topic_index: int) -> str:
    """The hatch pattern of topic ``topic_index`` (0-based): none for the first 8 topics."""
    return HATCHES[(topic_index // len(OKABE_ITO)) % len(HATCHES)]


def shorten(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with "…"."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def placeholder_figure(title: str, message: str) -> plt.Figure:
    """A small figure that says why a figure could not be drawn (e.g. no dates)."""
    apply_style()
    fig, ax = plt.subplots(figsize=(6.0, 2.2))
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    ax.text(0.0, 0.5, message, ha="left", va="center", wrap=True, fontsize=9, color="#333333")
    return fig


def figures_or_placeholders(
    table: pd.DataFrame,
    draw: Callable[[], dict[str, plt.Figure]],
    titles: Mapping[str, str],
    what: str,
) -> tuple[dict[str, plt.Figure], list[str]]:
    """The figures ``draw()`` makes of ``table``, and no notes; or, when the table holds only
    a ``note`` (it could not be computed), a ``placeholder_figure`` titled "<title>: not
    available" for each name and title of ``titles``, and the note "no <what>: <note>"."""
    if not is_placeholder(table):
        return draw(), []
    note = table["note"].iloc[0]
    figures = {
        name: placeholder_figure(f"{title}: not available", note) for name, title in titles.items()
    }
    return figures, [f"no {what}: {note}"]


def side_legend(ax: plt.Axes, handles: list, max_rows: int, **options) -> None:
    """A frameless topic key to the right of ``ax``; two columns past ``max_rows`` entries."""
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        frameon=False,
        fontsize=7,
        ncol=1 if len(handles) <= max_rows else 2,
        **options,
    )


def panel_grid(
    n_panels: int,
    columns: int,
    panel_width: float,
    panel_height: float,
    extra_height: float = 0.9,
    **options,
) -> tuple[plt.Figure, np.ndarray]:
    """A figure of ``n_panels`` small panels, ``columns`` to a row (fewer for fewer panels);
    the unused cells of the last row are removed. ``options`` go to ``plt.subplots``.

    Returns the figure and its (rows, columns) array of axes.
    """
    columns = max(1, min(columns, n_panels))
    rows = math.ceil(n_panels / columns)
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(panel_width * columns, panel_height * rows + extra_height),
        squeeze=False,
        layout="constrained",
        **options,
    )
    for ax in axes.flat[n_panels:]:
        ax.remove()
    return fig, axes
