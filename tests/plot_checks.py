"""Helpers for figure tests: find text labels that overlap once the figure is drawn."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
from matplotlib.text import Text


def drawn_texts(fig: plt.Figure) -> list[Text]:
    """Every non-empty text the figure actually draws (tick labels outside the view excluded)."""
    fig.canvas.draw()
    texts = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = axis._update_ticks()  # the ticks drawn, within the view limits
            texts += [t.label1 for t in ticks if t.label1.get_visible()]
            texts += [t.label2 for t in ticks if t.label2.get_visible()]
            texts.append(axis.label)
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += legend.get_texts()
    texts += fig.texts
    for extra in (fig._suptitle, fig._supxlabel, fig._supylabel):
        if extra is not None:
            texts.append(extra)
    unique = {id(t): t for t in texts}.values()
    return [t for t in unique if t.get_visible() and t.get_text().strip()]


def overlapping_texts(fig: plt.Figure, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap by more than ``tolerance`` pixels."""
    renderer = fig.canvas.get_renderer()
    texts = drawn_texts(fig)
    boxes = [t.get_window_extent(renderer) for t in texts]
    clashes = []
    for (a, box_a), (b, box_b) in itertools.combinations(zip(texts, boxes, strict=True), 2):
        dx = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        dy = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        if dx > tolerance and dy > tolerance:
            clashes.append((a.get_text(), b.get_text()))
    return clashes


def texts_outside(fig: plt.Figure, tolerance: float = 1.0) -> list[str]:
    """Texts that stick out of the saved (tight) figure area: none should."""
    renderer = fig.canvas.get_renderer()
    bounds = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
    out = []
    for text in drawn_texts(fig):
        box = text.get_window_extent(renderer)
        if box.x0 < bounds.x0 - tolerance or box.x1 > bounds.x1 + tolerance:
            out.append(text.get_text())
    return out
