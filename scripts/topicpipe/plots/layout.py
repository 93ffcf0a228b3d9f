"""Figure sizes for print: the target width, text that stays legible at it, and notes.

Every figure is drawn at the width it will be printed at (``figures.width``: one column of
a two-column journal, or the full text width of a page), with no text below
``MIN_TEXT_PT`` points; ``smallest_printed_text`` measures what a saved figure really
prints at, so tests and the figure rules can check it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.legend import Legend
from matplotlib.text import Annotation, Text
from matplotlib.ticker import FuncFormatter, Locator
from matplotlib.transforms import Bbox

from topicpipe.interpret.guardrails import flag_explanations

# Printed widths in inches: one column of a two-column journal (≈ 89 mm, e.g. Nature,
# Elsevier, IEEE) and the text width of a page (6.5 in: US letter with 1-inch margins;
# slightly under the ≈ 7 in of a two-column journal's full width).
WIDTHS = {"column": 3.5, "page": 6.5}
# Smallest text size at the printed size, in points (most journals ask for 6–8 pt).
MIN_TEXT_PT = 7.0
# Average advance of a character of DejaVu Sans, in ems: to estimate how many fit.
_CHAR_EM = 0.6


def figure_width(width: str | float) -> float:
    """The printed width in inches of ``figures.width`` (``column``, ``page`` or inches)."""
    return float(WIDTHS.get(width, width)) if isinstance(width, str) else float(width)


def chars_that_fit(inches: float, fontsize: float) -> int:
    """About how many characters of ``fontsize`` points fit in ``inches``."""
    return max(4, int(inches * 72 / (_CHAR_EM * fontsize)))


def columns_that_fit(width: float, panel_width: float, n_panels: int, most: int = 6) -> int:
    """Panels of at least ``panel_width`` inches per row of a ``width``-inch figure."""
    return max(1, min(n_panels, most, int(width // panel_width)))


def _pieces(text: str, chars: int) -> list[tuple[str, bool]]:
    """Words of ``text`` as (piece, preceded by a space); a word longer than ``chars``
    is split after its "_" or "-" (phrases such as russian_security_council), and
    hard only where a part is still too long."""
    pieces = []
    for word in text.split():
        parts = [word] if len(word) <= chars else re.findall(r"[^_-]+[_-]*|[_-]+", word)
        for index, part in enumerate(parts):
            chunks = [part[i : i + chars] for i in range(0, len(part), chars)]
            pieces += [(chunk, index == 0 and k == 0) for k, chunk in enumerate(chunks)]
    return pieces


def wrap_text(text: str, chars: int, max_lines: int = 2) -> str:
    """``text`` wrapped at ``chars`` characters on at most ``max_lines`` lines; the last
    line ends in "…" only when the text does not fit."""
    lines: list[str] = []
    line = ""
    for piece, spaced in _pieces(" ".join(str(text).split()), chars):
        joined = line + (" " if spaced and line else "") + piece
        if len(joined) <= chars or not line:
            line = joined
        else:
            lines.append(line)
            line = piece
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return "\n".join(lines)
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: max(1, chars - 1)].rstrip() + "…"
    return "\n".join(kept)


def title_over_labels(ax: plt.Axes, text: str, **options) -> Annotation:
    """A panel title that starts at the left edge of the y tick labels, not of the axes,
    so that it can use the whole width of a panel with long tick labels (term names)."""

    def panel(renderer) -> Bbox:
        return Bbox.union([ax.bbox, ax.yaxis.get_tightbbox(renderer)])

    return ax.annotate(
        text,
        xy=(0, 1),
        xycoords=panel,
        xytext=(0, 4),
        textcoords="offset points",
        ha="left",
        va="bottom",
        **options,
    )


def fit_title(text: str, width: float, fontsize: float = 9, max_lines: int = 3) -> str:
    """``text`` wrapped to a figure ``width`` inches wide (for suptitles and long titles)."""
    return wrap_text(text, chars_that_fit(width - 0.1, fontsize), max_lines)


class _FittingIndexLocator(Locator):
    """Ticks at every n-th integer position, n as small as the drawn axis allows."""

    def __init__(self, count: int, gap_pt: float):
        self.count, self.gap_pt = count, gap_pt

    def __call__(self):
        box = self.axis.axes.bbox
        length = box.width if self.axis.axis_name == "x" else box.height
        spacing = length * 72 / self.axis.figure.dpi / max(self.count, 1)
        step = max(1, math.ceil(self.gap_pt / max(spacing, 1e-9)))
        return list(range(0, self.count, step))


def index_ticks(axis, names: list[str]) -> None:
    """Ticks at the integer positions of a categorical ``axis`` (heatmap rows or columns)
    labelled with ``names``: every one where the drawn axis has room at the tick font
    size, else every second, fifth …"""
    size = plt.rcParams["xtick.labelsize" if axis.axis_name == "x" else "ytick.labelsize"]
    # A label needs its line height across the axis; along x, about two digits' width.
    gap = size * (1.25 if axis.axis_name == "y" else 1.9)
    axis.set_major_locator(_FittingIndexLocator(len(names), gap))
    axis.set_major_formatter(
        FuncFormatter(lambda v, _: names[int(v)] if 0 <= v < len(names) and v == int(v) else "")
    )


# Columns at least this wide (inches) take their names across, wrapped; narrower ones
# upright, cut to ``UPRIGHT_CHARS``; below ``NAMED_COLUMN`` they are numbered only.
ACROSS_COLUMN = 0.75
NAMED_COLUMN = 0.13
UPRIGHT_CHARS = 24


def column_names_height(cell: float, names: list[str]) -> float:
    """Inches that ``topic_columns`` needs above a heatmap with columns ``cell`` wide."""
    line = MIN_TEXT_PT * 1.25 / 72
    if cell >= ACROSS_COLUMN:
        chars = chars_that_fit(cell - 0.05, MIN_TEXT_PT)
        return line * max(wrap_text(n, chars, 4).count("\n") + 1 for n in names) + 0.05
    if cell >= NAMED_COLUMN:
        return min(UPRIGHT_CHARS, max(len(n) for n in names)) * _CHAR_EM * MIN_TEXT_PT / 72
    return line + 0.05


def topic_columns(ax: plt.Axes, cell: float, names: list[str], numbers: list[str]) -> None:
    """Label a heatmap's columns, ``cell`` inches wide, on top: ``names`` across (wrapped)
    or upright (cut) where they fit, else ``numbers`` as many as fit."""
    if cell >= ACROSS_COLUMN:
        chars = chars_that_fit(cell - 0.05, MIN_TEXT_PT)
        ax.set_xticks(range(len(names)), [wrap_text(n, chars, 4) for n in names])
    elif cell >= NAMED_COLUMN:
        short = [n if len(n) <= UPRIGHT_CHARS else n[: UPRIGHT_CHARS - 1] + "…" for n in names]
        ax.set_xticks(range(len(names)), short, rotation=90)
    else:
        index_ticks(ax.xaxis, numbers)
        ax.set_xlabel("topic")
    ax.xaxis.set_ticks_position("top")
    ax.xaxis.set_label_position("top")


# Width of one entry of a topic key and height of one of its rows, in inches.
KEY_ENTRY = 2.1
KEY_ROW = 0.17


def cell_percentages(ax: plt.Axes, values, top: float) -> None:
    """Write each finite share of a heatmap's ``values`` into its cell as a whole percentage,
    black on cells lighter than 60% of ``top`` (the colour scale's end), white on the rest."""
    for (i, j), value in np.ndenumerate(values):
        if np.isfinite(value):
            ax.text(
                j,
                i,
                f"{value * 100:.0f}",
                ha="center",
                va="center",
                fontsize=MIN_TEXT_PT,
                color="black" if value > top * 0.6 else "white",
                zorder=2,
            )


def key_columns(width: float) -> int:
    """Entries per row of a topic key under a ``width``-inch figure."""
    return max(1, int(width // KEY_ENTRY))


def key_height(entries: int, width: float) -> float:
    """Inches a topic key of ``entries`` takes under a ``width``-inch figure."""
    return 0.05 + KEY_ROW * -(-entries // key_columns(width))


def key_below(ax: plt.Axes, handles: list, width: float) -> None:
    """A topic key filling ``ax`` (an axes switched off, ``key_height`` tall) in rows of
    ``key_columns``. Sized beforehand, it stays out of the constrained layout, which
    would otherwise squeeze the plot above it when the figure is saved a second time."""
    legend = ax.legend(
        handles=handles,
        loc="upper left",
        ncol=key_columns(width),
        frameon=False,
        handlelength=1.2,
        handletextpad=0.4,
        columnspacing=0.8,
        borderaxespad=0,
        mode="expand",
    )
    legend.set_in_layout(False)


def flagged_label(label: str, topic: int, flags: Mapping[int, str] | None) -> str:
    """``label`` with a "*" when ``topic`` carries a guardrail flag (``flags``: topic → its
    ``flags`` cell, as ``guardrails.flagged_topics`` gives; see ``flags_note``)."""
    return f"{label} *" if flags and topic in flags else label


def flags_note(flags: Mapping[int, str] | None) -> str:
    """The footnote that explains the "*" of flagged topics: what each flag means and its
    topics (``guardrails.flag_explanations``); "" when no topic is flagged."""
    parts = flag_explanations(flags or {})
    return ("* " + "; ".join(parts) + ".") if parts else ""


# Notes under a figure are caveats: dark orange, apart from the figure's own colours.
NOTE_COLOUR = "#8a3300"


def add_note(fig: plt.Figure, *notes: str, width: float | None = None) -> None:
    """Notes (guardrail warnings, flags, what was left out) in small print under the
    figure, in a warning colour, wrapped to ``width`` inches (the figure's width)."""
    text = "\n".join(n for n in notes if n)
    if not text:
        return
    inches = width or fig.get_figwidth()
    wrapped = "\n".join(
        wrap_text(line, chars_that_fit(inches, MIN_TEXT_PT), 8) for line in text.split("\n")
    )
    fig.text(0.0, 0.0, wrapped, ha="left", va="top", fontsize=MIN_TEXT_PT, color=NOTE_COLOUR)


def drawn_texts(fig: plt.Figure) -> list[Text]:
    """Every non-empty text the figure draws (tick labels outside the view excluded)."""
    fig.canvas.draw()
    texts = []
    for ax in (a for a in fig.axes if a.get_visible()):
        # An axes switched off (a legend holder) draws no ticks or axis labels.
        for axis in (ax.xaxis, ax.yaxis) if ax.axison else ():
            ticks = axis._update_ticks()  # the ticks drawn, within the view limits
            texts += [t.label1 for t in ticks if t.label1.get_visible()]
            texts += [t.label2 for t in ticks if t.label2.get_visible()]
            texts.append(axis.label)
            texts.append(axis.offsetText)
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
        legends = [a for a in ax.get_children() if isinstance(a, Legend)]
        for legend in legends:
            texts += [*legend.get_texts(), legend.get_title()]
    for legend in fig.legends:
        texts += [*legend.get_texts(), legend.get_title()]
    texts += fig.texts
    for extra in (fig._suptitle, fig._supxlabel, fig._supylabel):
        if extra is not None:
            texts.append(extra)
    unique = {id(t): t for t in texts}.values()
    return [t for t in unique if t.get_visible() and t.get_text().strip()]


def printed_scale(fig: plt.Figure, width: float) -> float:
    """How much the saved (tight) figure shrinks when printed ``width`` inches wide
    (1 when it is narrower: it is then printed at its own size)."""
    renderer = fig.canvas.get_renderer()
    saved = fig.get_tightbbox(renderer).width
    return min(1.0, width / saved) if saved > 0 else 1.0


def smallest_printed_text(
    fig: plt.Figure, width: float, texts: list[Text] | None = None
) -> tuple[float, str]:
    """The smallest text of ``fig`` in points when printed ``width`` inches wide, and that
    text (``(inf, "")`` for a figure without text). ``texts``: ``drawn_texts(fig)`` if
    already at hand."""
    texts = drawn_texts(fig) if texts is None else texts
    scale = printed_scale(fig, width)
    sizes = [(t.get_fontsize() * scale, t.get_text()) for t in texts]
    return min(sizes, default=(math.inf, ""))


def print_check(fig: plt.Figure, width: float, name: str) -> str:
    """A warning when ``fig`` prints text smaller than ``MIN_TEXT_PT`` at ``width``
    inches ("" when it does not)."""
    size, text = smallest_printed_text(fig, width)
    if size >= MIN_TEXT_PT - 0.05:
        return ""
    return (
        f"{name}: some text ({text[:30]!r}) prints at {size:.1f} pt when the figure is "
        f"{width:g} in wide, under the {MIN_TEXT_PT:g} pt aimed at; with many topics, try "
        "figures.width: page or fewer topics.top_n"
    )
