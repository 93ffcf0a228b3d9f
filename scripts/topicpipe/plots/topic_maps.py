"""Maps of how topics relate: the intertopic distance map and the topic correlation heatmap."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.patheffects as path_effects
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm
from matplotlib.offsetbox import AnchoredOffsetbox, DrawingArea, HPacker, TextArea, VPacker
from matplotlib.patches import Circle, Patch

from topicpipe.interpret.labels import display_label
from topicpipe.plots.label_layout import repel_labels
from topicpipe.plots.layout import (
    KEY_ENTRY,
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    fit_title,
    flagged_label,
    flags_note,
    index_ticks,
    key_below,
    key_height,
)
from topicpipe.plots.palette import ink_for
from topicpipe.plots.style import (
    DIVERGING_CMAP,
    apply_style,
    shorten,
    topic_colour,
    topic_hatch,
)

# Bubbles together cover about this share of the map's area (areas ∝ prevalence).
_BUBBLE_COVER = 0.12
# The smallest bubble drawn, as a radius in points, so that no topic vanishes.
_MIN_RADIUS_PT = 4.0
# The correlation colour scale spans this quantile of the pairs' distances from the baseline.
SCALE_QUANTILE = 0.98


def bubble_radii(prevalence: np.ndarray, map_area_pt2: float) -> tuple[np.ndarray, bool]:
    """Radii in points of bubbles whose areas are proportional to ``prevalence`` and
    together cover ``_BUBBLE_COVER`` of ``map_area_pt2``; radii below ``_MIN_RADIUS_PT``
    are raised to it (then the second value is True)."""
    share = np.clip(np.asarray(prevalence, dtype=float), 0.0, None)
    total = share.sum() or 1.0
    radii = np.sqrt(_BUBBLE_COVER * map_area_pt2 * share / total / np.pi)
    return np.maximum(radii, _MIN_RADIUS_PT), bool((radii < _MIN_RADIUS_PT).any())


def size_key_values(prevalence: np.ndarray) -> list[float]:
    """Two or three round prevalences (e.g. 2%, 5%, 10%) spanning the topics' range."""
    top = float(np.max(prevalence)) if len(prevalence) else 0.0
    steps = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
    fitting = [s for s in steps if s <= top] or [steps[0]]
    return fitting[-3:]


def plot_intertopic_map(
    table: pd.DataFrame,
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """Topics as bubbles at their MDS coordinates (columns topic, label, x, y, prevalence):
    near bubbles are topics with similar words; bubble area is prevalence.

    Small bubbles are drawn on top of large ones and every bubble has an outline, so no
    topic hides another; topic numbers are black or white, whichever reads on the bubble,
    and are moved out (with a leader line) where they would collide. The map fills the
    plot (axes fitted to the points), a key of bubble sizes and the topics' labels follow.
    """
    apply_style()
    k = len(table)
    xs, ys = table["x"].to_numpy(float), table["y"].to_numpy(float)
    span_x, span_y = max(np.ptp(xs), 1e-6), max(np.ptp(ys), 1e-6)
    # The axes take the data's aspect (within limits), so neither half of the plot is empty.
    aspect = float(np.clip(span_y / span_x, 0.45, 0.68))
    map_height = width * aspect * 0.92
    prevalence = table["prevalence"].to_numpy()
    radii, raised = bubble_radii(prevalence, (width * 72) * (map_height * 72))
    sizes = size_key_values(prevalence)
    unit = _radius_per_share(prevalence, radii)
    sizes = _fitting_sizes(sizes, unit, width)
    size_height = (2 * unit * np.sqrt(max(sizes)) + 20) / 72 if unit and sizes else 0.0
    key = key_height(k, width)
    fig = plt.figure(figsize=(width, map_height + 0.6 + size_height + key), layout="constrained")
    grid = fig.add_gridspec(3, 1, height_ratios=[map_height, max(size_height, 0.01), key])
    ax = fig.add_subplot(grid[0])
    size_ax, key_ax = fig.add_subplot(grid[1]), fig.add_subplot(grid[2])
    size_ax.set_axis_off()
    key_ax.set_axis_off()
    _fit_limits(ax, xs, ys, radii.max() * 1.1, width, map_height)
    order = np.argsort(-radii, kind="stable")
    for rank, i in enumerate(order):
        row = table.iloc[i]
        colour = topic_colour(int(row.topic) - 1)
        ax.scatter(
            row.x,
            row.y,
            s=np.pi * radii[i] ** 2,
            facecolor=colour,
            alpha=0.75,
            hatch=topic_hatch(int(row.topic) - 1),
            edgecolor="#333333",
            lw=0.6,
            zorder=2 + rank / max(k, 1),
        )
    texts = []
    for i in order:
        row = table.iloc[i]
        colour = topic_colour(int(row.topic) - 1)
        ink = ink_for(colour) if radii[i] >= 6 else "#000000"
        halo = "#FFFFFF" if ink == "#000000" else "#000000"
        text = ax.text(
            row.x,
            row.y,
            flagged_label(str(int(row.topic)), int(row.topic), flags),
            ha="center",
            va="center",
            fontsize=MIN_TEXT_PT + 0.5,
            fontweight="bold",
            color=ink,
            zorder=5,
        )
        text.set_path_effects([path_effects.withStroke(linewidth=1.6, foreground=halo)])
        texts.append(text)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("principal coordinate 1")
    ax.set_ylabel("principal coordinate 2")
    ax.spines[["top", "right"]].set_visible(True)
    for spine in ax.spines.values():
        spine.set_color("#BBBBBB")
    repel_labels(ax, texts)
    fig.suptitle(
        fit_title(
            "Intertopic distance map: near bubbles are topics with similar words "
            "(Jensen–Shannon distance, classical MDS)",
            width,
        ),
        x=0.0,
        ha="left",
    )
    if size_height:
        _size_key(size_ax, sizes, unit, raised)
    _topic_key(key_ax, table, width, flags)
    add_note(fig, flags_note(flags), note, width=width)
    return fig


def _fit_limits(
    ax: plt.Axes, xs: np.ndarray, ys: np.ndarray, pad_pt: float, width: float, height: float
) -> None:
    """Limits that hold every bubble (padded by ``pad_pt`` points) at equal scales on both
    axes, widened along one axis to the map's ``width`` × ``height`` (inches) shape, so
    that distances mean the same in every direction and the plot has no empty half."""
    span_x, span_y = max(np.ptp(xs), 1e-6), max(np.ptp(ys), 1e-6)
    # Data units per point, if the points filled the plot (roughly: margins aside).
    per_pt = max(span_x / (width * 72 * 0.85), span_y / (height * 72 * 0.85))
    x0, x1 = xs.min() - pad_pt * per_pt, xs.max() + pad_pt * per_pt
    y0, y1 = ys.min() - pad_pt * per_pt, ys.max() + pad_pt * per_pt
    ratio = height / width
    if (y1 - y0) / (x1 - x0) < ratio:
        grow = ((x1 - x0) * ratio - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    else:
        grow = ((y1 - y0) / ratio - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")


def _radius_per_share(prevalence: np.ndarray, radii: np.ndarray) -> float:
    """Radius (points) of a bubble of prevalence 1, from the topics drawn at true size."""
    share = np.clip(prevalence, 0.0, None)
    true_size = (share > 0) & (radii > _MIN_RADIUS_PT)
    return float((radii[true_size] / np.sqrt(share[true_size])).mean()) if true_size.any() else 0.0


def _fitting_sizes(values: list[float], unit: float, width: float) -> list[float]:
    """The reference prevalences whose bubbles (and labels) fit side by side in ``width``
    inches, dropping the smallest first."""
    values = list(values)
    while values and sum(2 * unit * np.sqrt(v) + 40 for v in values) > width * 72:
        values.pop(0)
    return values


def _size_key(ax: plt.Axes, values: list[float], unit: float, raised: bool) -> None:
    """Reference bubbles (area = prevalence, true size in points) with labels, in a row
    under a title."""
    title = "Bubble area = prevalence" + (
        f"; tiny topics drawn at {_MIN_RADIUS_PT:g} pt" if raised else ""
    )
    items: list = []
    for value in values:
        radius = unit * np.sqrt(value)
        circle = DrawingArea(2 * radius + 2, 2 * radius + 2)
        circle.add_artist(
            Circle((radius + 1, radius + 1), radius, facecolor="none", edgecolor="#555555", lw=0.8)
        )
        label = TextArea(f"{value:.1%}".replace(".0%", "%"), textprops={"fontsize": MIN_TEXT_PT})
        items.append(HPacker(children=[circle, label], align="center", pad=0, sep=3))
    row = HPacker(children=items, align="center", pad=0, sep=12)
    key = VPacker(
        children=[TextArea(title, textprops={"fontsize": MIN_TEXT_PT}), row],
        align="left",
        pad=0,
        sep=4,
    )
    ax.add_artist(AnchoredOffsetbox(loc="upper left", child=key, frameon=False, borderpad=0))


def _topic_key(
    ax: plt.Axes, table: pd.DataFrame, width: float, flags: Mapping[int, str] | None
) -> None:
    """The topics' colours and labels under a ``width``-inch map."""
    chars = chars_that_fit(KEY_ENTRY - 0.3, MIN_TEXT_PT)
    handles = [
        Patch(
            facecolor=topic_colour(int(r.topic) - 1),
            hatch=topic_hatch(int(r.topic) - 1),
            edgecolor="#333333",
            lw=0.4,
            label=shorten(flagged_label(display_label(r.topic, r.label), r.topic, flags), chars),
        )
        for r in table.itertuples()
    ]
    key_below(ax, handles, width)


def correlation_baseline(k: int) -> float:
    """The correlation of two topics' shares when nothing links them: shares sum to one,
    so with K symmetric topics it is −1/(K−1), not 0."""
    return -1.0 / (k - 1) if k > 1 else 0.0


def _signed(value: float) -> str:
    """``value`` with two decimals and a true minus sign."""
    return f"{value:.2f}".replace("-", "−")


def plot_topic_correlation(
    corr: np.ndarray,
    labels: dict[int, str],
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """Lower triangle of the K × K correlations of topic shares across documents, on a
    diverging scale centred on the −1/(K−1) baseline, so colour shows pairs that share
    documents more (orange) or less (purple) than unrelated topics would."""
    apply_style()
    k = len(corr)
    baseline = correlation_baseline(k)
    if k < 2:
        fig = plt.figure(figsize=(width, 1.0))
        fig.text(0, 0.5, "One topic: no pair to correlate.", fontsize=8)
        return fig
    below = np.tril(np.ones((k, k), dtype=bool), -1)
    # The scale spans most pairs (a pair or two far out, such as two nearly empty topics,
    # would otherwise leave every other cell pale); pairs beyond it take the end colours,
    # and the colour bar's arrows say so. Correlations never pass ±1.
    excess = np.abs(corr[below] - baseline)
    limit = max(float(np.quantile(excess, SCALE_QUANTILE)), 0.02)
    low, high = max(-1.0, baseline - limit), min(1.0, baseline + limit)
    beyond = (bool((corr[below] < low).any()), bool((corr[below] > high).any()))
    extend = {(True, True): "both", (True, False): "min", (False, True): "max"}.get(
        beyond, "neither"
    )
    label_chars = min(28, chars_that_fit(width * 0.3, MIN_TEXT_PT))
    names = [
        shorten(flagged_label(display_label(t, labels.get(t, "")), t, flags), label_chars)
        for t in range(1, k + 1)
    ]
    # Rows 2..K against columns 1..K−1: the triangle without its empty first row and
    # last column.
    shown = np.ma.masked_array(corr, mask=~below)[1:, :-1]
    label_width = max(len(n) for n in names) * 0.6 * MIN_TEXT_PT / 72
    # The colour bar and its labels ("−0.05 baseline") take about 1.6 in. Where the
    # labels would leave the matrix too little room, rows are numbered only.
    wanted = min(0.32 * (k - 1) + 0.4, 0.5 * width)
    if width - label_width - 1.6 < wanted:
        names = [flagged_label(str(t), t, flags) for t in range(1, k + 1)]
        label_width = 0.4
        ax_label = "topic"
    else:
        ax_label = ""
    side = min(width - label_width - 1.6, 0.32 * (k - 1) + 0.4)
    cell = side / (k - 1)
    # Few topics need less than the full width: the figure is then narrower, not emptier.
    width = min(width, label_width + side + 1.75)
    fig, ax = plt.subplots(figsize=(width, side + 1.2), layout="constrained")
    norm = TwoSlopeNorm(vcenter=baseline, vmin=low, vmax=high)
    cmap = plt.get_cmap(DIVERGING_CMAP).with_extremes(bad="white")
    image = ax.imshow(shown, cmap=cmap, norm=norm, interpolation="nearest")
    if cell >= 0.3:
        for (i, j), value in np.ndenumerate(corr[1:, :-1]):
            if below[i + 1, j]:
                dark = abs(value - baseline) > 0.6 * limit
                ax.text(
                    j,
                    i,
                    _signed(value).replace("0.", "."),
                    ha="center",
                    va="center",
                    fontsize=MIN_TEXT_PT,
                    color="white" if dark else "black",
                )
    index_ticks(ax.xaxis, [str(t + 1) for t in range(k - 1)])
    index_ticks(ax.yaxis, names[1:])
    ax.set_xlabel("topic")
    ax.set_ylabel(ax_label)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.02, shrink=0.8, extend=extend)
    bar.set_label("correlation of topic shares", fontsize=MIN_TEXT_PT)
    bar.ax.axhline(baseline, color="black", lw=1.0)
    ticks = [low, baseline, high]
    bar.set_ticks(ticks)
    bar.set_ticklabels([_signed(ticks[0]), f"{_signed(baseline)} baseline", _signed(ticks[2])])
    fig.suptitle(
        fit_title(
            "Correlation of topic shares across documents. White: "
            f"{_signed(baseline)} = −1/(K−1), as for unrelated topics (shares sum to 1); "
            "orange: together more often; purple: less often.",
            width,
            max_lines=4,
        ),
        x=0.0,
        ha="left",
    )
    add_note(fig, flags_note(flags), note, width=width)
    return fig
