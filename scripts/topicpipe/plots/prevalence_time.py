"""Topic prevalence over time: a stacked area chart and one small line chart per topic."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from topicpipe.interpret.labels import display_label
from topicpipe.plots.style import (
    MUTED,
    apply_style,
    panel_grid,
    shorten,
    side_legend,
    topic_colour,
    topic_hatch,
)


def _wide(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Periods × topics of ``column``, periods in time order."""
    wide = table.pivot(index="period_start", columns="topic", values=column)
    wide.index = pd.to_datetime(wide.index)
    return wide.sort_index()


def _periods(table: pd.DataFrame) -> pd.DataFrame:
    """One row per period: start date, documents, few_documents flag, half-widths."""
    periods = table.drop_duplicates("period_start")[
        ["period", "period_start", "n_documents", "few_documents"]
    ]
    periods = periods.assign(start=pd.to_datetime(periods["period_start"])).sort_values("start")
    starts = mdates.date2num(periods["start"])
    gaps = np.diff(starts)
    half = (np.median(gaps) if len(gaps) else 15.0) / 2
    return periods.assign(x=starts, half=half)


def _shade_few(ax: plt.Axes, periods: pd.DataFrame) -> None:
    for row in periods[periods["few_documents"].astype(bool)].itertuples():
        ax.axvspan(row.x - row.half, row.x + row.half, color=MUTED, alpha=0.25, lw=0, zorder=3)


def _date_axis(ax: plt.Axes, max_ticks: int = 8) -> None:
    locator = mdates.AutoDateLocator(minticks=2, maxticks=max_ticks)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def plot_prevalence_area(table: pd.DataFrame, period: str, min_documents: int) -> plt.Figure:
    """Stacked area of mean topic share per period, with documents per period below.

    Periods with fewer than ``min_documents`` documents are shaded grey in both panels.
    """
    apply_style()
    # Periods without documents have no mean: the area is drawn across them, shaded grey.
    shares = _wide(table, "mean_share").dropna(how="all").fillna(0.0)
    names = table.drop_duplicates("topic").set_index("topic")["label"]
    periods = _periods(table)
    topics = list(shares.columns)
    fig, (ax, counts) = plt.subplots(
        2, 1, figsize=(10.0, 6.0), sharex=True, gridspec_kw={"height_ratios": [4, 1.2]}
    )
    x = mdates.date2num(shares.index)
    if len(x) > 1:
        layers = ax.stackplot(
            x,
            shares.T.to_numpy(),
            colors=[topic_colour(t - 1) for t in topics],
            lw=0.3,
            edgecolor="white",
        )
        for layer, topic in zip(layers, topics, strict=True):
            layer.set_hatch(topic_hatch(topic - 1))
        ax.set_xlim(periods["x"].iloc[0], periods["x"].iloc[-1])
    else:
        bottom = 0.0
        for topic in topics:
            value = shares[topic].iloc[0]
            ax.bar(
                x,
                value,
                bottom=bottom,
                width=periods["half"].iloc[0],
                color=topic_colour(topic - 1),
                hatch=topic_hatch(topic - 1),
                edgecolor="white",
                lw=0.3,
            )
            bottom += value
        ax.set_xlim(x[0] - periods["half"].iloc[0] * 2, x[0] + periods["half"].iloc[0] * 2)
    _shade_few(ax, periods)
    ax.set_ylim(0, 1)
    ax.set_ylabel("mean topic share")
    ax.set_title(f"Topic prevalence per {period} (mean topic share of the documents)", loc="left")
    handles = [
        Patch(
            facecolor=topic_colour(t - 1),
            hatch=topic_hatch(t - 1),
            edgecolor="white",
            label=shorten(display_label(t, names[t]), 32),
        )
        for t in topics
    ]
    handles.append(Patch(facecolor=MUTED, alpha=0.4, label=f"fewer than {min_documents} documents"))
    side_legend(ax, handles, max_rows=26, handlelength=1.5)
    few = periods["few_documents"].astype(bool).to_numpy()
    width = periods["half"].iloc[0] * 1.6
    counts.bar(
        periods["x"], periods["n_documents"], width=width, color=np.where(few, MUTED, "#333333")
    )
    counts.axhline(min_documents, color=MUTED, lw=0.8, ls="--")
    counts.set_ylabel("documents")
    counts.yaxis.set_major_locator(plt.MaxNLocator(3, integer=True))
    _date_axis(counts)
    if len(periods) == 1:
        counts.set_xticks(periods["x"], periods["period"])
    fig.tight_layout()
    return fig


def plot_prevalence_lines(
    table: pd.DataFrame, period: str, min_documents: int, confidence: float, columns: int = 5
) -> plt.Figure:
    """One panel per topic: mean share per period with its bootstrap interval (band).

    Points of periods with fewer than ``min_documents`` documents are hollow and grey.
    """
    apply_style()
    mean = _wide(table, "mean_share")
    low = _wide(table, "ci_low")
    high = _wide(table, "ci_high")
    names = table.drop_duplicates("topic").set_index("topic")["label"]
    periods = _periods(table).set_index("start")
    few = periods.loc[mean.index, "few_documents"].astype(bool).to_numpy()
    topics = list(mean.columns)
    fig, axes = panel_grid(len(topics), columns, 2.5, 1.7, sharex=True, sharey=True)
    top = np.nanmax(high.to_numpy()) if np.isfinite(high.to_numpy()).any() else 1.0
    x = mdates.date2num(mean.index)
    for ax, topic in zip(axes.flat, topics, strict=False):
        colour = topic_colour(topic - 1)
        ax.fill_between(x, low[topic], high[topic], color=colour, alpha=0.25, lw=0)
        ax.plot(x, mean[topic], color=colour, lw=1.2)
        ax.scatter(x[~few], mean[topic].to_numpy()[~few], s=8, color=colour, zorder=3)
        ax.scatter(
            x[few],
            mean[topic].to_numpy()[few],
            s=14,
            facecolor="white",
            edgecolor=MUTED,
            zorder=3,
            lw=0.8,
        )
        ax.set_title(shorten(display_label(topic, names[topic]), 28), loc="left", fontsize=8.5)
        ax.set_ylim(0, min(1.0, top * 1.08))
        ax.tick_params(labelsize=7)
    _date_axis(axes.flat[0], max_ticks=4)
    if len(x) == 1:
        axes.flat[0].set_xlim(x[0] - 20, x[0] + 20)
        axes.flat[0].set_xticks(x, [str(p) for p in periods.loc[mean.index, "period"]])
    fig.supylabel("mean topic share", fontsize=9)
    fig.suptitle(
        f"Topic prevalence per {period}; band: {confidence:.0%} bootstrap interval; "
        f"hollow points: fewer than {min_documents} documents",
        fontsize=10,
        x=0.01,
        ha="left",
    )
    return fig
