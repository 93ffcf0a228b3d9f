"""Keep text labels from overlapping by nudging them apart (a small, deterministic repel)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.text import Text


def _boxes(texts: Sequence[Text], renderer) -> np.ndarray:
    return np.array([t.get_window_extent(renderer).extents for t in texts])


def _keep_inside(frame, boxes: np.ndarray, pixels: np.ndarray) -> bool:
    """Shift positions (in place) whose text box sticks out of ``frame``; whether any did."""
    low = np.maximum(frame.x0 - boxes[:, 0], 0.0), np.maximum(frame.y0 - boxes[:, 1], 0.0)
    high = np.minimum(frame.x1 - boxes[:, 2], 0.0), np.minimum(frame.y1 - boxes[:, 3], 0.0)
    shift = np.stack([low[0] + high[0], low[1] + high[1]], axis=1)
    pixels += shift
    return bool(np.any(np.abs(shift) > 0.01))


def repel_labels(
    ax: plt.Axes, texts: Sequence[Text], padding: float = 3.0, iterations: int = 300
) -> None:
    """Move ``texts`` (in data coordinates) until their boxes no longer overlap.

    Each overlapping pair is pushed apart along the axis of least overlap, in pixels,
    then positions are converted back to data coordinates; labels are kept inside the
    axes. Labels that moved get a thin leader line back to their anchor.
    """
    if len(texts) < 2:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    anchors = np.array([t.get_position() for t in texts], dtype=float)
    pixels = ax.transData.transform(anchors)
    start = pixels.copy()
    for _ in range(iterations):
        drawn = _boxes(texts, renderer)
        before = pixels.copy()
        boxes = drawn.copy()
        boxes[:, :2] -= padding
        boxes[:, 2:] += padding
        moved = False
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                dx = min(boxes[i, 2], boxes[j, 2]) - max(boxes[i, 0], boxes[j, 0])
                dy = min(boxes[i, 3], boxes[j, 3]) - max(boxes[i, 1], boxes[j, 1])
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                # Push along the direction needing the smaller move; ties go by index.
                if dx < dy:
                    sign = 1.0 if pixels[j, 0] >= pixels[i, 0] else -1.0
                    pixels[i, 0] -= sign * dx / 2 + 0.5
                    pixels[j, 0] += sign * dx / 2 + 0.5
                else:
                    sign = 1.0 if pixels[j, 1] >= pixels[i, 1] else -1.0
                    pixels[i, 1] -= sign * dy / 2 + 0.5
                    pixels[j, 1] += sign * dy / 2 + 0.5
        # Where the boxes are now: drawn where they were, moved as the positions were.
        shift = np.tile(pixels - before, 2)
        moved = _keep_inside(ax.bbox, drawn + shift, pixels) or moved
        for text, position in zip(texts, ax.transData.inverted().transform(pixels), strict=True):
            text.set_position(position)
        if not moved:
            break
    for text, anchor, origin, now in zip(texts, anchors, start, pixels, strict=True):
        if np.hypot(*(now - origin)) > 4:
            ax.plot(
                *zip(anchor, text.get_position(), strict=True),
                color="#555555",
                lw=0.5,
                zorder=text.get_zorder() - 0.5,
            )
