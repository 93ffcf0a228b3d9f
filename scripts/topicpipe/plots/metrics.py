"""Figures of a K x seed sweep: each metric against K, coherence against exclusivity,
and convergence of training."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from topicpipe.plots.style import OKABE_ITO, apply_style, side_legend

# (column in metrics.csv, panel title, y-axis label)
METRIC_PANELS = [
    ("npmi", "Coherence: NPMI", "mean NPMI (higher better)"),
    ("c_v", "Coherence: c_v", "mean c_v (higher better)"),
    ("u_mass", "Coherence: UMass", "mean UMass (higher better)"),
    ("diversity", "Topic diversity", "unique top terms / (N·K)"),
    ("exclusivity", "Exclusivity", "mean exclusivity of top terms"),
    ("heldout_loglik", "Held-out likelihood", "log-likelihood per word"),
    ("stability", "Stability across seeds", "mean matched cosine"),
]


def _k_colours(ks: list[int]) -> dict[int, str]:
    return {k: OKABE_ITO[i % len(OKABE_ITO)] for i, k in enumerate(sorted(ks))}


def plot_metrics_by_k(metrics: pd.DataFrame, chosen_k: int, columns: int = 4) -> plt.Figure:
    """One panel per metric: every model as a dot, the mean over seeds as a line."""
    apply_style()
    panels = [p for p in METRIC_PANELS if metrics[p[0]].notna().any()]
    rows = math.ceil(len(panels) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(2.7 * columns, 2.4 * rows), squeeze=False)
    ks = sorted(metrics["k"].unique())
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    for ax, (column, title, label) in zip(axes.flat, panels, strict=False):
        means = metrics.groupby("k")[column].agg(["mean", "min", "max"]).reindex(ks)
        ax.fill_between(ks, means["min"], means["max"], color="#0072B2", alpha=0.15, lw=0)
        ax.plot(ks, means["mean"], color="#0072B2", marker="o", ms=4, lw=1.5, label="mean")
        ax.scatter(metrics["k"], metrics[column], s=9, color="#000000", alpha=0.6, zorder=3)
        ax.axvline(chosen_k, color="#D55E00", ls="--", lw=1)
        ax.set_title(title, loc="left")
        ax.set_ylabel(label, fontsize=8)
        ax.set_xticks(ks)
        ax.tick_params(labelsize=7)
    for i, ax in enumerate(axes.flat[: len(panels)]):
        if i + columns >= len(panels):  # no panel below this one
            ax.set_xlabel("number of topics K")
    n_seeds = metrics.groupby("k")["seed"].nunique().max()
    fig.suptitle(
        f"Metrics against K: dots are models ({n_seeds} seed(s) per K), line the mean, "
        f"band the range; dashed: chosen K = {chosen_k}",
        fontsize=10,
        x=0.01,
        ha="left",
    )
    fig.tight_layout()
    return fig


def plot_coherence_exclusivity(metrics: pd.DataFrame, chosen_model: str) -> plt.Figure:
    """One point per model: mean NPMI against mean exclusivity, coloured by K."""
    apply_style()
    fig, ax = plt.subplots(figsize=(4.8, 3.6))
    colours = _k_colours(list(metrics["k"].unique()))
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
    ax.set_xlabel("exclusivity (mean over top terms)")
    ax.set_ylabel("coherence (mean NPMI)")
    ax.set_title("Coherence against exclusivity, one point per model", loc="left")
    ax.legend(fontsize=7, frameon=False, loc="best")
    fig.tight_layout()
    return fig


def plot_convergence(convergence: pd.DataFrame) -> plt.Figure:
    """Held-out log-likelihood per word after each pass (gensim) or every few Gibbs sweeps
    (tomotopy); one line per model, colour by K."""
    apply_style()
    fig, ax = plt.subplots(figsize=(5.8, 3.4))
    if convergence.empty:
        ax.text(0.5, 0.5, "no held-out documents\n(evaluation.heldout_fraction is 0)", ha="center")
        ax.set_axis_off()
        return fig
    colours = _k_colours(list(convergence["k"].unique()))
    for (k, _seed), group in convergence.groupby(["k", "seed"]):
        ax.plot(group["pass"], group["heldout_loglik"], color=colours[k], lw=1, alpha=0.8)
    handles = [Line2D([], [], color=colour, label=f"K = {k}") for k, colour in colours.items()]
    ax.set_xlabel("passes over the training documents (Gibbs sampling: sweeps)")
    ax.set_ylabel("held-out log-likelihood per word")
    ax.set_title("Convergence: held-out likelihood during training", loc="left")
    # gensim records every pass (few); a Gibbs sampler every few of its many sweeps.
    recorded = np.unique(convergence["pass"])
    if len(recorded) <= 10:
        ax.set_xticks(recorded)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    # Beside the plot: many noisy lines leave no free corner inside it.
    side_legend(ax, handles, max_rows=20)
    fig.tight_layout()
    return fig
