"""Figures of a K x seed sweep: each metric against K, coherence against exclusivity,
and convergence of training.

With a single model there is nothing to compare across K or seeds: the metrics figure
then says so and lists the model's scores, and the coherence–exclusivity figure shows
the model's topics instead of models.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from topicpipe.plots.label_layout import repel_labels
from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    columns_that_fit,
    fit_title,
    wrap_text,
)
from topicpipe.plots.style import NEUTRAL, apply_style, panel_grid, placeholder_figure

# (column in metrics.csv, panel title, y-axis label)
METRIC_PANELS = [
    ("npmi", "Coherence: NPMI", "mean NPMI"),
    ("c_v", "Coherence: c_v", "mean c_v"),
    ("u_mass", "Coherence: UMass", "mean UMass"),
    ("diversity", "Topic diversity", "unique top terms / (N·K)"),
    ("exclusivity", "Exclusivity", "mean exclusivity"),
    ("heldout_loglik", "Held-out likelihood", "log-likelihood per word"),
    ("stability", "Stability across seeds", "mean matched cosine"),
]
CHOSEN = "#D55E00"
# The range a metric can take, where it is bounded: a y axis never runs past it.
METRIC_BOUNDS = {
    "npmi": (-1.0, 1.0),
    "c_v": (0.0, 1.0),
    "diversity": (0.0, 1.0),
    "exclusivity": (0.0, 1.0),
    "stability": (0.0, 1.0),
}
# Seeds of one K: a y axis spans at least this share of the values' size, so that
# differences in the third decimal do not look like large ones.
SEED_SPAN = 0.1


def seed_axis_limits(values: np.ndarray, column: str) -> tuple[float, float]:
    """y limits for the seeds of one K: around the values, at least ``SEED_SPAN`` of their
    size (and 0.01) wide, within the metric's ``METRIC_BOUNDS``."""
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    span = max(high - low, SEED_SPAN * float(np.nanmax(np.abs(values))), 0.01) * 1.15
    middle = (low + high) / 2
    low, high = middle - span / 2, middle + span / 2
    floor, ceiling = METRIC_BOUNDS.get(column, (-np.inf, np.inf))
    if low < floor:
        low, high = floor, min(ceiling, floor + span)
    if high > ceiling:
        low, high = max(floor, ceiling - span), ceiling
    return low, high


# Narrowest metric panel, in inches.
_PANEL_WIDTH = 1.75


def k_colours(ks: Sequence[int]) -> dict[int, str]:
    """An ordered colour per K (light to dark), since K is a quantity, not a category."""
    ordered = sorted(set(ks))
    cmap = plt.get_cmap("viridis")
    spots = np.linspace(0.85, 0.1, len(ordered)) if len(ordered) > 1 else [0.35]
    return {k: to_hex(cmap(s)) for k, s in zip(ordered, spots, strict=True)}


def single_model_message(metrics: pd.DataFrame) -> str:
    """What the metrics figure says when the sweep trained one model: its scores and how
    to compare several."""
    row = metrics.iloc[0]
    scores = [
        f"{label.split(': ')[-1]} {row[column]:.3g}"
        for column, label, _ in METRIC_PANELS
        if column in row and pd.notna(row[column])
    ]
    return (
        f"One model was trained (K = {row['k']}, seed {row['seed']}), so there is nothing to "
        "compare across K or seeds. Its scores: " + ", ".join(scores) + ".\n"
        "To compare, train several K and seeds, e.g. model.k: {from: 5, to: 20, by: 5} and "
        "model.seeds: [1, 2, 3] (see README, Choosing the number of topics)."
    )


def plot_metrics_by_k(
    metrics: pd.DataFrame,
    chosen_k: int,
    width: float = 6.5,
    note: str = "",
    chosen_model: str = "",
) -> plt.Figure:
    """One panel per metric: every model as a dot, the mean over seeds as a line (with the
    seeds' range as a band when there are several K). One model: a note with its scores;
    one K: its seeds side by side, ``chosen_model`` ringed."""
    if len(metrics) == 1:
        return placeholder_figure(
            "Metrics against K: one model, nothing to compare", single_model_message(metrics), width
        )
    if metrics["k"].nunique() == 1:
        return _metrics_by_seed(metrics, chosen_model, width, note)
    apply_style()
    panels = [p for p in METRIC_PANELS if metrics[p[0]].notna().any()]
    columns = columns_that_fit(width, _PANEL_WIDTH, len(panels))
    fig, axes = panel_grid(len(panels), columns, width / columns, 1.75, 0.6, sharex=True)
    ks = sorted(metrics["k"].unique())
    for index, (ax, (column, title, label)) in enumerate(zip(axes.flat, panels, strict=False)):
        means = metrics.groupby("k")[column].agg(["mean", "min", "max"]).reindex(ks)
        if len(ks) > 1:
            ax.fill_between(ks, means["min"], means["max"], color=NEUTRAL, alpha=0.15, lw=0)
        ax.plot(ks, means["mean"], color=NEUTRAL, marker="o", ms=4, lw=1.5)
        ax.scatter(metrics["k"], metrics[column], s=9, color="#000000", alpha=0.6, zorder=3)
        ax.axvline(chosen_k, color=CHOSEN, ls="--", lw=1)
        ax.set_title(title, loc="left")
        ax.set_ylabel(label)
        ax.set_xticks(ks)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        if index + columns >= len(panels):  # no panel below this one
            ax.set_xlabel("number of topics K")
            ax.tick_params(axis="x", labelbottom=True)
    n_seeds = metrics.groupby("k")["seed"].nunique().max()
    band = ", band their range" if len(ks) > 1 and n_seeds > 1 else ""
    seeds = f"{n_seeds} seed{'s' if n_seeds > 1 else ''} per K"
    fig.suptitle(
        wrap_text(
            f"Metrics against K: dots are models ({seeds}), line the mean{band}; dashed: "
            f"the chosen K ({chosen_k}). Higher is better for all.",
            chars_that_fit(width, 9),
            3,
        ),
        x=0.0,
        ha="left",
    )
    add_note(fig, note, width=width)
    return fig


def _metrics_by_seed(
    metrics: pd.DataFrame, chosen_model: str, width: float, note: str
) -> plt.Figure:
    """The metrics of the seeds of the one K trained, one dot per seed, the chosen model
    ringed: with one K there is no curve to draw, but the seeds' spread is informative."""
    apply_style()
    panels = [p for p in METRIC_PANELS if metrics[p[0]].notna().any()]
    columns = columns_that_fit(width, _PANEL_WIDTH, len(panels))
    fig, axes = panel_grid(len(panels), columns, width / columns, 1.6, 0.6, sharex=True)
    ordered = metrics.sort_values("seed").reset_index(drop=True)
    x = np.arange(len(ordered))
    chosen = (ordered["model"] == chosen_model).to_numpy()
    for index, (ax, (column, title, label)) in enumerate(zip(axes.flat, panels, strict=False)):
        ax.scatter(x, ordered[column], s=16, color=NEUTRAL, zorder=3)
        ax.scatter(
            x[chosen], ordered.loc[chosen, column], s=90, facecolor="none", edgecolor=CHOSEN, lw=1.3
        )
        ax.set_title(title, loc="left")
        ax.set_ylabel(label)
        ax.set_xticks(x, [str(s) for s in ordered["seed"]])
        ax.set_xlim(-0.6, len(x) - 0.4)
        ax.set_ylim(*seed_axis_limits(ordered[column].to_numpy(dtype=float), column))
        ax.yaxis.set_major_locator(MaxNLocator(4))
        if index + columns >= len(panels):
            ax.set_xlabel("seed")
            ax.tick_params(axis="x", labelbottom=True)
    k = int(ordered["k"].iloc[0])
    fig.suptitle(
        fit_title(
            f"Metrics of the {len(ordered)} seeds of K = {k}, the only K trained: one dot per "
            "model, ringed: the chosen model. Higher is better for all; to compare K, train "
            "several (model.k).",
            width,
        ),
        x=0.0,
        ha="left",
    )
    add_note(fig, note, width=width)
    return fig


def plot_coherence_exclusivity(
    metrics: pd.DataFrame,
    chosen_model: str,
    chosen_topics: pd.DataFrame | None = None,
    width: float = 6.5,
    note: str = "",
) -> plt.Figure:
    """One point per model (mean NPMI against mean exclusivity, coloured by K, the chosen
    model ringed); with a single model, one point per topic of ``chosen_topics`` (the
    model's rows of ``topic_metrics.csv``), labelled with the topic number."""
    apply_style()
    fig, ax = plt.subplots(figsize=(width, max(2.8, min(3.6, width * 0.7))), layout="constrained")
    if len(metrics) == 1 and chosen_topics is not None and len(chosen_topics):
        _topic_points(ax, chosen_topics)
        title = "Coherence against exclusivity per topic of the one model trained"
    else:
        _model_points(ax, metrics, chosen_model)
        side_or_below(fig, ax, width)
        title = "Coherence against exclusivity, one point per model"
    fig.suptitle(fit_title(title, width), x=0.0, ha="left")
    ax.set_xlabel("exclusivity (mean over top terms)")
    ax.set_ylabel("coherence (NPMI)")
    add_note(fig, note, width=width)
    return fig


def _model_points(ax: plt.Axes, metrics: pd.DataFrame, chosen_model: str) -> None:
    colours = k_colours(metrics["k"])
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    for i, (k, group) in enumerate(metrics.groupby("k")):
        ax.scatter(
            group["exclusivity"],
            group["npmi"],
            color=colours[k],
            marker=markers[i % len(markers)],
            s=28,
            label=f"K = {k}",
            edgecolor="white",
            linewidth=0.5,
        )
    chosen = metrics[metrics["model"] == chosen_model]
    ax.scatter(
        chosen["exclusivity"],
        chosen["npmi"],
        s=140,
        facecolor="none",
        edgecolor="#000000",
        linewidth=1.2,
        label="chosen model",
    )


def _topic_points(ax: plt.Axes, topics: pd.DataFrame) -> None:
    ax.scatter(topics["exclusivity"], topics["npmi"], s=18, color=NEUTRAL, zorder=3)
    texts = [
        ax.text(x, y, f" {int(t)}", fontsize=MIN_TEXT_PT, va="center", zorder=4)
        for t, x, y in zip(topics["topic"], topics["exclusivity"], topics["npmi"], strict=True)
    ]
    ax.margins(0.08)
    repel_labels(ax, texts)


def side_or_below(fig: plt.Figure, ax: plt.Axes, width: float, handles: list | None = None) -> None:
    """The key of ``ax`` beside it on a wide figure, under it on a narrow one."""
    handles = handles or ax.get_legend_handles_labels()[0]
    if width >= 5:
        ax.legend(handles=handles, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5))
    else:
        fig.legend(handles=handles, frameon=False, loc="outside lower center", ncol=3)


def plot_convergence(convergence: pd.DataFrame, width: float = 6.5, note: str = "") -> plt.Figure:
    """Held-out log-likelihood per word after each pass (gensim) or every few Gibbs sweeps
    (tomotopy); one line per model, coloured by K."""
    if convergence.empty:
        return placeholder_figure(
            "Convergence: not available",
            "No held-out documents (evaluation.heldout_fraction is 0), so there is no "
            "held-out likelihood to follow during training.",
            width,
        )
    apply_style()
    fig, ax = plt.subplots(figsize=(width, max(2.8, min(3.2, width * 0.62))), layout="constrained")
    colours = k_colours(convergence["k"])
    for (k, _seed), group in convergence.groupby(["k", "seed"]):
        ax.plot(group["pass"], group["heldout_loglik"], color=colours[k], lw=1, alpha=0.85)
    handles = [Line2D([], [], color=colour, label=f"K = {k}") for k, colour in colours.items()]
    ax.set_xlabel(
        wrap_text(
            "passes over the training documents (Gibbs sampling: sweeps)",
            chars_that_fit(width - 1.0, 8),
        )
    )
    ax.set_ylabel(
        "held-out log-likelihood per word" if width >= 5 else "held-out log-likelihood\nper word"
    )
    fig.suptitle(
        fit_title("Convergence: held-out likelihood during training", width), x=0.0, ha="left"
    )
    # gensim records every pass (few); a Gibbs sampler every few of its many sweeps.
    recorded = np.unique(convergence["pass"])
    if len(recorded) <= 10:
        ax.set_xticks(recorded)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    # Outside the plot: many noisy lines leave no free corner inside it.
    side_or_below(fig, ax, width, handles)
    add_note(fig, note, width=width)
    return fig
