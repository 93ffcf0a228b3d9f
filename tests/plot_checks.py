"""Helpers for figure tests: find text labels that overlap once the figure is drawn."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.text import Text

from topicpipe.plots.layout import drawn_texts


def overlapping_texts(
    fig: plt.Figure, tolerance: float = 0.5, texts: list[Text] | None = None
) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap by more than ``tolerance`` pixels
    (``texts``: ``drawn_texts(fig)`` if already at hand)."""
    texts = drawn_texts(fig) if texts is None else texts
    renderer = fig.canvas.get_renderer()
    boxes = np.array([t.get_window_extent(renderer).extents for t in texts]).reshape(-1, 4)
    dx = np.minimum(boxes[:, None, 2], boxes[None, :, 2]) - np.maximum(
        boxes[:, None, 0], boxes[None, :, 0]
    )
    dy = np.minimum(boxes[:, None, 3], boxes[None, :, 3]) - np.maximum(
        boxes[:, None, 1], boxes[None, :, 1]
    )
    clash = np.triu((dx > tolerance) & (dy > tolerance), k=1)
    return [
        (texts[i].get_text(), texts[j].get_text()) for i, j in zip(*np.nonzero(clash), strict=True)
    ]


def texts_outside(fig: plt.Figure, tolerance: float = 1.0) -> list[str]:
    """Texts that stick out of the saved (tight) figure area sideways: none should."""
    renderer = fig.canvas.get_renderer()
    bounds = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
    out = []
    for text in drawn_texts(fig):
        box = text.get_window_extent(renderer)
        if box.x0 < bounds.x0 - tolerance or box.x1 > bounds.x1 + tolerance:
            out.append(text.get_text())
    return out
