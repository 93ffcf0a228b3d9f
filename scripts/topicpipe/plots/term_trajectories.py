"""Term trajectories: for every topic, its top terms' probabilities across the periods."""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.transforms as transforms
import numpy as np
import pandas as pd

from topicpipe.interpret.labels import display_label
from topicpipe.plots.period_gaps import gap_handles, period_ticks, shade_gaps
from topicpipe.plots.style import OKABE_ITO, apply_style, panel_grid, shorten, topic_colour

# Okabe–Ito without yellow (too pale for thin lines on white); a marker per line as well,
# so that lines differ by more than colour.
TERM_COLOURS = [c for c in OKABE_ITO if c != "#F0E442"]
TERM_MARKERS = ["o", "s", "^", "D", "v", "P", "X"]
# Minimum vertical distance between two term labels at the right of a panel, in points.
LABEL_GAP_POINTS = 8.5


def followed_terms(terms: pd.DataFrame, topic: int, n_terms: int) -> list[str]:
    """The ``n_terms`` terms of ``topic`` to draw: the term that rose most and the term
    that fell most from the first to the last period (so that a shift of words shows),
    then the terms with the highest probability in any period."""
    rows = terms[terms["topic"] == topic]
    wide = rows.pivot(index="term", columns="period_start", values="probability").sort_index(axis=1)
    best = wide.max(axis=1)
    by_probability = sorted(wide.index, key=lambda term: (-best[term], term))
    change = (wide.iloc[:, -1] - wide.iloc[:, 0]).sort_index()
    movers = [change.idxmax(), change.idxmin()] if n_terms > 2 and len(change) > 1 else []
    chosen = [t for t in by_probability if t not in movers][: max(0, n_terms - len(movers))]
    return sorted({*chosen, *movers}, key=lambda term: (-best[term], term))


def spread_labels(values: np.ndarray, gap: float, low: float, high: float) -> np.ndarray:
    """Positions near ``values`` at least ``gap`` apart, kept within [low, high] when
    they fit (a one-dimensional repel that keeps the labels' order)."""
    order = np.argsort(values, kind="stable")
    placed = np.clip(values[order].astype(float), low, high)
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + gap)
    # Labels pushed above the top come back down, pushing only those below them that
    # are too close.
    if len(placed):
        placed[-1] = min(placed[-1], high)
    for i in range(len(placed) - 2, -1, -1):
        placed[i] = min(placed[i], placed[i + 1] - gap)
    result = np.empty_like(placed)
    result[order] = placed
    return result


def _label_lines(ax: plt.Axes, ends: list[tuple[str, float, str]]) -> list:
    """Write each term at the right edge of ``ax``, level with its line's last point."""
    edge = transforms.blended_transform_factory(ax.transAxes, ax.transData)
    return [
        ax.text(
            1.02, value, shorten(term, 20), color=colour, fontsize=7, va="center", transform=edge
        )
        for term, value, colour in ends
    ]


def _spread(ax: plt.Axes, texts: list, values: np.ndarray) -> None:
    """Move the labels of ``ax`` apart vertically, now that the layout (and so the height
    of the panel in points) is final."""
    bottom, top = ax.get_ylim()
    height_points = ax.get_window_extent().height * 72 / ax.figure.dpi
    gap = LABEL_GAP_POINTS * (top - bottom) / max(height_points, 1.0)
    positions = spread_labels(values, gap, bottom + gap / 2, top - gap / 2)
    for text, y in zip(texts, positions, strict=True):
        text.set_y(y)


def plot_term_trajectories(
    terms: pd.DataFrame,
    periods: pd.DataFrame,
    n_terms: int = 6,
    min_documents: int = 10,
    columns: int = 4,
) -> plt.Figure:
    """One panel per topic: the probability of its ``n_terms`` leading terms in every
    modelled period, each line labelled at its end.

    ``terms`` is topic_terms_by_period (topic, label, period, term, probability);
    ``periods`` lists every period with its ``status``. Gap periods are shaded and the
    lines break there; each panel has its own y scale (terms are compared within a
    topic), and a bar in the topic's colour above it links it to the other figures.
    """
    apply_style()
    topics = sorted(terms["topic"].unique())
    names = terms.drop_duplicates("topic").set_index("topic")["label"]
    order = periods["period"].tolist()
    statuses = periods["status"].tolist()
    position = {period: i for i, period in enumerate(order)}
    fig, axes = panel_grid(len(topics), columns, 3.6, 2.3, sharex=True)
    columns = axes.shape[1]
    x = np.arange(len(order))
    # Markers mark every modelled period (a period between two gaps has no line), smaller
    # when there are many periods.
    marker_size = 3.0 if len(order) <= 15 else 1.5
    labelled = []
    for ax, topic in zip(axes.flat, topics, strict=False):
        shade_gaps(ax, statuses)
        rows_of_topic = terms[terms["topic"] == topic]
        ends = []
        for i, term in enumerate(followed_terms(terms, topic, n_terms)):
            series = rows_of_topic[rows_of_topic["term"] == term]
            y = np.full(len(order), np.nan)
            y[[position[p] for p in series["period"]]] = series["probability"]
            colour = TERM_COLOURS[i % len(TERM_COLOURS)]
            ax.plot(
                x,
                y,
                color=colour,
                lw=1.3,
                marker=TERM_MARKERS[i % len(TERM_MARKERS)],
                ms=marker_size,
            )
            last = np.flatnonzero(np.isfinite(y))[-1]
            ends.append((term, y[last], colour))
        ax.set_ylim(0, None)
        ax.set_xlim(-0.4, len(order) - 0.6)
        ax.yaxis.set_major_locator(plt.MaxNLocator(3))
        ax.tick_params(labelsize=7)
        ax.set_title(shorten(display_label(topic, names[topic]), 34), loc="left", fontsize=8.5)
        ax.plot(
            [0, 1],
            [1.0, 1.0],
            transform=ax.transAxes,
            color=topic_colour(topic - 1),
            lw=3,
            clip_on=False,
            solid_capstyle="butt",
        )
        labelled.append((ax, _label_lines(ax, ends), np.array([e[1] for e in ends])))
    # The lowest panel of each column carries the period names.
    for ax in axes.flat[max(0, len(topics) - columns) : len(topics)]:
        ax.tick_params(axis="x", labelbottom=True)
        period_ticks(ax, order, max_labels=8, flat_labels=4)
    fig.supylabel("probability of term in topic", fontsize=9)
    title = f"Top terms of each topic across periods (dynamic model; {n_terms} terms per topic)"
    fig.suptitle(title, fontsize=10, x=0.01, ha="left")
    handles = gap_handles(statuses, min_documents)
    if handles:
        fig.legend(handles=handles, loc="outside lower left", ncol=2, frameon=False, fontsize=7.5)
    # Lay the figure out (without rendering it) so that the panels have their final size.
    fig.draw_without_rendering()
    for ax, texts, values in labelled:
        _spread(ax, texts, values)
    return fig
