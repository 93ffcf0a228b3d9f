"""Topic prevalence over time: a stacked chart and one small line chart per topic.

Every period owns its stretch of the time axis, from its first to its last day: a mean
share is drawn across its own period only, never interpolated into the next. Periods
without documents stay empty (hatched), so a gap is a gap; periods with fewer than
``prevalence.min_documents`` documents are drawn pale or hollow.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from topicpipe.interpret.labels import display_label
from topicpipe.interpret.prevalence import PERIODS
from topicpipe.plots.layout import (
    KEY_ENTRY,
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    columns_that_fit,
    fit_title,
    flagged_label,
    flags_note,
    key_below,
    key_height,
    wrap_text,
)
from topicpipe.plots.style import (
    MUTED,
    NO_DOCUMENTS,
    apply_style,
    panel_grid,
    shorten,
    topic_colour,
    topic_hatch,
)

# How an empty period and a period with few documents are drawn.
EMPTY_STYLE = {**NO_DOCUMENTS, "lw": 0}
FEW_STYLE = {"facecolor": "white", "alpha": 0.55, "lw": 0}
# Narrowest small-multiple panel, in inches.
_PANEL_WIDTH = 1.55


def _wide(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Periods × topics of ``column``, periods in time order."""
    wide = table.pivot(index="period_start", columns="topic", values=column)
    wide.index = pd.to_datetime(wide.index)
    return wide.sort_index()


def period_spans(table: pd.DataFrame, period: str) -> pd.DataFrame:
    """One row per period in time order: period, documents, ``few`` and ``empty`` flags,
    and where it lies on a date axis (``left``, ``right``: its first day and the next
    period's first day, ``middle``)."""
    periods = table.drop_duplicates("period_start")[
        ["period", "period_start", "n_documents", "few_documents"]
    ].sort_values("period_start")
    frequency = PERIODS[period]
    starts = [pd.Period(s, frequency) for s in periods["period_start"]]
    left = mdates.date2num([p.start_time for p in starts])
    right = mdates.date2num([(p + 1).start_time for p in starts])
    n = periods["n_documents"].astype(int).to_numpy()
    return pd.DataFrame(
        {
            "period": periods["period"].astype(str).to_numpy(),
            "n_documents": n,
            "empty": n == 0,
            "few": periods["few_documents"].astype(bool).to_numpy() & (n > 0),
            "left": left,
            "right": right,
            "middle": (left + right) / 2,
        }
    )


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) index pairs of every run of consecutive True values."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(int), [0]])))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _mark_periods(ax: plt.Axes, spans: pd.DataFrame) -> None:
    """Hatch empty periods and wash out periods with few documents, full height."""
    for row in spans.itertuples():
        if row.empty:
            ax.axvspan(row.left, row.right, zorder=4, **EMPTY_STYLE)
        elif row.few:
            ax.axvspan(row.left, row.right, zorder=4, **FEW_STYLE)


def _period_handles(spans: pd.DataFrame, min_documents: int, few_look: str) -> list[Artist]:
    """Key entries for the kinds of period that occur: gaps, and periods with few
    documents drawn ``few_look`` ("pale" blocks or "hollow" points)."""
    handles: list[Artist] = []
    if spans["empty"].any():
        handles.append(Patch(label="no documents (gap)", **EMPTY_STYLE))
    if spans["few"].any():
        label = f"fewer than {min_documents} documents ({few_look})"
        if few_look == "pale":
            handles.append(Patch(facecolor="#DDDDDD", edgecolor=MUTED, lw=0.5, label=label))
        else:
            handles.append(
                Line2D([], [], marker="o", ls="none", mfc="white", mec=MUTED, label=label)
            )
    return handles


def _date_axis(ax: plt.Axes, spans: pd.DataFrame, max_ticks: int) -> None:
    ax.set_xlim(spans["left"].iloc[0], spans["right"].iloc[-1])
    if len(spans) == 1:
        ax.set_xticks(spans["middle"], spans["period"])
        return
    locator = mdates.AutoDateLocator(minticks=2, maxticks=max_ticks)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _topic_names(table: pd.DataFrame, flags: Mapping[int, str] | None) -> dict[int, str]:
    names = table.drop_duplicates("topic").set_index("topic")["label"]
    return {
        int(t): flagged_label(display_label(int(t), names[t]), int(t), flags) for t in names.index
    }


def plot_prevalence_area(
    table: pd.DataFrame,
    period: str,
    min_documents: int,
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """Stacked mean topic shares per period (each period a flat block over its own
    dates), with the documents per period below; empty periods are left as hatched gaps,
    periods with few documents drawn pale."""
    apply_style()
    shares = _wide(table, "mean_share")
    spans = period_spans(table, period)
    topics = list(shares.columns)
    names = _topic_names(table, flags)
    key = key_height(len(topics) + 2, width)
    fig = plt.figure(figsize=(width, 3.4 + key), layout="constrained")
    grid = fig.add_gridspec(3, 1, height_ratios=[2.4, 0.8, key])
    ax = fig.add_subplot(grid[0])
    counts = fig.add_subplot(grid[1], sharex=ax)
    key_ax = fig.add_subplot(grid[2])
    key_ax.set_axis_off()
    values = np.nan_to_num(shares.to_numpy())
    has_data = ~spans["empty"].to_numpy()
    for first, last in runs(has_data):
        x = np.append(spans["left"].to_numpy()[first:last], spans["right"].iloc[last - 1])
        bottom = np.zeros(last - first + 1)
        for j, topic in enumerate(topics):
            height = np.append(values[first:last, j], values[last - 1, j])
            ax.fill_between(
                x,
                bottom,
                bottom + height,
                step="post",
                facecolor=topic_colour(topic - 1),
                hatch=topic_hatch(topic - 1),
                edgecolor="white",
                lw=0.2,
            )
            bottom = bottom + height
    _mark_periods(ax, spans)
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylabel("mean topic share")
    ax.tick_params(axis="x", labelbottom=False)
    fig.suptitle(
        fit_title(f"Topic prevalence per {period}: mean share of the {period}'s documents", width),
        x=0.0,
        ha="left",
    )
    bar_colours = np.where(spans["few"], MUTED, "#333333")
    counts.bar(
        spans["middle"],
        spans["n_documents"],
        width=(spans["right"] - spans["left"]) * 0.8,
        color=bar_colours,
    )
    # Few documents: the count is printed, as its bar may be too short to see.
    for row in spans[spans["few"]].itertuples():
        counts.text(
            row.middle, row.n_documents, str(row.n_documents), ha="center", va="bottom", zorder=6
        )
    _mark_periods(counts, spans)
    counts.axhline(min_documents, color=MUTED, lw=0.8, ls="--", zorder=5)
    counts.set_ylabel("documents")
    counts.yaxis.set_major_locator(plt.MaxNLocator(3, integer=True))
    _date_axis(counts, spans, max_ticks=max(3, int(width * 1.2)))
    chars = chars_that_fit(KEY_ENTRY - 0.3, MIN_TEXT_PT)
    handles = [
        Patch(
            facecolor=topic_colour(t - 1),
            hatch=topic_hatch(t - 1),
            edgecolor="white",
            label=shorten(names[t], chars),
        )
        for t in topics
    ]
    handles += _period_handles(spans, min_documents, "pale")
    key_below(key_ax, handles, width)
    add_note(fig, flags_note(flags), note, width=width)
    return fig


def plot_prevalence_lines(
    table: pd.DataFrame,
    period: str,
    min_documents: int,
    confidence: float,
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """One panel per topic: mean share per period (at the period's middle) with its
    bootstrap interval; the line breaks at empty periods (hatched), points of periods
    with few documents are hollow."""
    apply_style()
    mean = _wide(table, "mean_share")
    low = _wide(table, "ci_low")
    high = _wide(table, "ci_high")
    spans = period_spans(table, period)
    names = _topic_names(table, flags)
    few = spans["few"].to_numpy()
    topics = list(mean.columns)
    columns = columns_that_fit(width, _PANEL_WIDTH, len(topics))
    fig, axes = panel_grid(
        len(topics), columns, width / columns, 1.45, 0.9, sharex=True, sharey=True
    )
    top = np.nanmax(high.to_numpy()) if np.isfinite(high.to_numpy()).any() else 1.0
    x = spans["middle"].to_numpy()
    single = np.zeros(len(x), dtype=bool)
    for first, last in runs(~spans["empty"].to_numpy()):
        single[first] = last - first == 1
    title_chars = chars_that_fit(width / columns - 0.15, 8)
    for index, (ax, topic) in enumerate(zip(axes.flat, topics, strict=False)):
        colour = topic_colour(topic - 1)
        m, lo, hi = mean[topic].to_numpy(), low[topic].to_numpy(), high[topic].to_numpy()
        ax.fill_between(x, lo, hi, color=colour, alpha=0.25, lw=0)
        # An isolated period has no band to draw: its interval is a bar.
        ax.vlines(x[single], lo[single], hi[single], color=colour, alpha=0.6, lw=1.5)
        ax.plot(x, m, color=colour, lw=1.2)
        ax.scatter(x[~few], m[~few], s=7, color=colour, zorder=3)
        ax.scatter(x[few], m[few], s=12, facecolor="white", edgecolor=MUTED, lw=0.8, zorder=3)
        for row in spans[spans["empty"]].itertuples():
            ax.axvspan(row.left, row.right, zorder=0, **EMPTY_STYLE)
        ax.set_title(wrap_text(names[topic], title_chars, 3), loc="left", fontsize=8)
        ax.set_ylim(0, min(1.0, top * 1.08))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.yaxis.set_major_locator(plt.MaxNLocator(3))
        ax.tick_params(axis="x", labelbottom=index + columns >= len(topics))
    _date_axis(axes.flat[0], spans, max_ticks=3)
    fig.supylabel("mean topic share", fontsize=8)
    fig.suptitle(
        fit_title(
            f"Topic prevalence per {period}; band: {confidence:.0%} bootstrap interval", width
        ),
        x=0.0,
        ha="left",
    )
    handles = _period_handles(spans, min_documents, "hollow")
    if handles:
        # Side by side only where both fit.
        columns = len(handles) if width >= 5 else 1
        fig.legend(handles=handles, loc="outside lower left", ncol=columns, frameon=False)
    add_note(fig, flags_note(flags), note, width=width)
    return fig
