"""Shared figure style: topic colours, fonts, and saving in two formats."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from topicpipe.interpret.prevalence import is_placeholder  # noqa: E402
from topicpipe.plots.layout import MIN_TEXT_PT, chars_that_fit, print_check, wrap_text  # noqa: E402

# OKABE_ITO is re-exported for figures with a small colour set of their own.
from topicpipe.plots.palette import OKABE_ITO, PALETTE_SIZE, topic_palette  # noqa: E402, F401

# Perceptually uniform and readable in grey scale and by colour-blind readers.
SEQUENTIAL_CMAP = "viridis"
# One colour for figures that are not about topics (attrition, metrics), so that it is
# not read as a topic's colour.
NEUTRAL = "#3B6E8F"


def topic_colour(topic_index: int) -> str:
    """The colour of topic ``topic_index`` (0-based), the same in every figure and the
    explorer (see ``plots.palette``)."""
    return topic_palette()[topic_index % PALETTE_SIZE]


def apply_style() -> None:
    """Set matplotlib defaults used by every figure (deterministic SVG ids, no date stamp)."""
    plt.rcParams.update(
        {
            # No text below MIN_TEXT_PT at the printed width (figures are drawn at it).
            "font.size": 8,
            "axes.titlesize": 8.5,
            "axes.labelsize": 8,
            "xtick.labelsize": MIN_TEXT_PT,
            "ytick.labelsize": MIN_TEXT_PT,
            "legend.fontsize": MIN_TEXT_PT,
            "legend.title_fontsize": MIN_TEXT_PT,
            "figure.titlesize": 9,
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
    fig.savefig(
        png_path, dpi=dpi, bbox_inches="tight", pad_inches=0.03, metadata={"Software": None}
    )
    fig.savefig(svg_path, bbox_inches="tight", pad_inches=0.03, metadata={"Date": None})
    plt.close(fig)
    return [png_path, svg_path]


def save_for_print(
    fig: plt.Figure, png_path: str | Path, dpi: int, width: float, log: logging.Logger
) -> None:
    """``save_figure``, with a warning in ``log`` when text would print below
    ``MIN_TEXT_PT`` at ``width`` inches (``layout.print_check``)."""
    if warning := print_check(fig, width, Path(png_path).name):
        log.warning(warning)
    save_figure(fig, png_path, dpi)


# Beyond PALETTE_SIZE topics colours repeat; each further round gets its own hatch, so
# that (colour, hatch) still tells topics apart in stacked areas and bubbles.
HATCHES = ["", "////", "....", "xxxx", "\\\\\\\\", "oo", "++", "--"]
# Diverging, colour-blind-safe colour map for signed values such as correlations.
DIVERGING_CMAP = "PuOr_r"
# Marks what is unreliable (few documents) or missing.
MUTED = "#999999"
# A period without any document, in every figure over time: hatched, no value drawn.
NO_DOCUMENTS = {"facecolor": "white", "edgecolor": MUTED, "hatch": "////"}


def topic_hatch(topic_index: int) -> str:
    """The hatch pattern of topic ``topic_index`` (0-based): none for the first 50 topics."""
    return HATCHES[(topic_index // PALETTE_SIZE) % len(HATCHES)]


def shorten(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with "…"."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def placeholder_figure(title: str, message: str, width: float = 6.5) -> plt.Figure:
    """A small figure, ``width`` inches wide, that says why a figure could not be drawn
    (e.g. no dates): the title and the message, wrapped, on a grey-framed panel."""
    apply_style()
    chars = chars_that_fit(width - 0.3, 8)
    lines = [wrap_text(part, chars, 12) for part in message.split("\n")]
    body = "\n".join(lines)
    height = 0.75 + 0.16 * body.count("\n")
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set(visible=True, color="#BBBBBB", linestyle="--")
    ax.set_title(wrap_text(title, chars_that_fit(width, 8.5), 3), loc="left")
    ax.text(
        0.03, 0.5, body, ha="left", va="center", fontsize=8, color="#333333", transform=ax.transAxes
    )
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02)
    return fig


def figures_or_placeholders(
    table: pd.DataFrame,
    draw: Callable[[], dict[str, plt.Figure]],
    titles: Mapping[str, str],
    what: str,
    width: float = 6.5,
) -> tuple[dict[str, plt.Figure], list[str]]:
    """The figures ``draw()`` makes of ``table``, and no notes; or, when the table holds only
    a ``note`` (it could not be computed), a ``placeholder_figure`` ``width`` inches wide
    titled "<title>: not available" for each name and title of ``titles``, and the note
    "no <what>: <note>"."""
    if not is_placeholder(table):
        return draw(), []
    note = table["note"].iloc[0]
    figures = {
        name: placeholder_figure(f"{title}: not available", note, width)
        for name, title in titles.items()
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
