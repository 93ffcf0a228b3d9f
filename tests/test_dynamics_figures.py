"""Dynamics figures at 5 and 30 topics: gaps stay gaps, shifting terms are drawn, no text
overlaps or leaves the figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from plot_checks import overlapping_texts, texts_outside

from topicpipe.dynamics.periods import plan_periods
from topicpipe.dynamics.tables import prevalence_by_period, topic_terms_by_period
from topicpipe.plots.period_heatmap import plot_period_heatmap
from topicpipe.plots.style import placeholder_figure, save_figure
from topicpipe.plots.term_trajectories import (
    followed_terms,
    plot_term_trajectories,
    spread_labels,
)


def tables(k: int, n_periods: int = 12, seed: int = 0):
    """Dynamic tables of K topics over ``n_periods`` months: one empty, one with too few."""
    rng = np.random.default_rng(seed)
    dates = []
    for i, month in enumerate(pd.period_range("2016-01", periods=n_periods, freq="M")):
        count = {n_periods // 2: 0, n_periods // 3: 3}.get(i, 20)
        dates += [month.start_time.strftime("%Y-%m-%d")] * count
    plan = plan_periods(dates, "month", min_documents=10)
    terms = [f"a_rather_long_phrase_{w}" if w % 5 == 0 else f"word{w}" for w in range(200)]
    base = rng.dirichlet(np.full(len(terms), 0.05), size=k)
    phi = np.array(
        [[rng.dirichlet(base[j] * 3000 + 1e-3) for j in range(k)] for _ in plan.modelled.index]
    )
    labels = {j + 1: f"a long label for topic number {j + 1}" for j in range(k)}
    theta = rng.dirichlet(np.full(k, 0.3), size=len(dates))
    term_table = topic_terms_by_period(phi, terms, plan.modelled, labels, 10)
    prevalence = prevalence_by_period(theta, plan.codes, plan.table, labels, 50, 0.95, 1)
    return term_table, prevalence, plan.table


@pytest.mark.parametrize("k", [5, 30])
def test_no_dynamics_figure_has_overlapping_or_cut_text(k):
    terms, prevalence, periods = tables(k)
    for name, fig in {
        "trajectories": plot_term_trajectories(terms, periods, 6, 10),
        "heatmap": plot_period_heatmap(prevalence, "month", 10),
    }.items():
        assert overlapping_texts(fig) == [], f"{name} at K={k}"
        # Whether text leaves the figure does not depend on K, and 30 panels check slowly.
        if k == 5:
            assert texts_outside(fig) == [], f"{name} at K={k}"
        plt.close(fig)


def test_trajectories_break_at_gaps_instead_of_interpolating():
    terms, _, periods = tables(5)
    fig = plot_term_trajectories(terms, periods, 6, 10)
    gaps = np.flatnonzero(periods["status"].to_numpy() != "modelled")
    line = fig.axes[0].get_lines()[0]
    y = np.asarray(line.get_ydata(), dtype=float)
    assert np.isnan(y[gaps]).all() and np.isfinite(np.delete(y, gaps)).all()
    plt.close(fig)


def test_heatmap_leaves_gap_periods_blank():
    _, prevalence, periods = tables(5)
    fig = plot_period_heatmap(prevalence, "month", 10)
    image = next(ax.get_images()[0] for ax in fig.axes if ax.get_images())
    cells = image.get_array()
    gaps = np.flatnonzero(periods["status"].to_numpy() != "modelled")
    assert cells.mask[:, gaps].all() and not cells.mask[:, 0].any()
    plt.close(fig)


def test_the_terms_that_rose_and_fell_most_are_drawn():
    rows = []
    for t, period in enumerate(["2016-01", "2016-02", "2016-03"]):
        weights = {"core": 0.5, "fading": 0.1 * (2 - t), "rising": 0.1 * t}
        weights.update({f"steady{i}": 0.15 - 0.01 * i for i in range(5)})
        rows += [
            {
                "topic": 1,
                "period": period,
                "period_start": f"{period}-01",
                "term": w,
                "probability": p,
            }
            for w, p in weights.items()
        ]
    chosen = followed_terms(pd.DataFrame(rows), 1, 4)
    assert {"fading", "rising", "core"} <= set(chosen) and len(chosen) == 4


def test_term_labels_keep_their_order_and_distance():
    placed = spread_labels(np.array([0.5, 0.51, 0.52, 0.1]), 0.05, 0.0, 1.0)
    assert placed[3] == pytest.approx(0.1)
    assert np.all(np.diff(placed[:3]) >= 0.05 - 1e-12)
    crowded = spread_labels(np.array([0.99, 0.98, 0.97, 0.02]), 0.05, 0.0, 1.0)
    assert crowded[:3].max() <= 1.0 and np.all(np.diff(np.sort(crowded)) >= 0.05 - 1e-12)
    # A label far below the crowd stays where its line ends.
    assert crowded[3] == pytest.approx(0.02)


def test_placeholder_and_files(tmp_path):
    png, svg = save_figure(placeholder_figure("Term trajectories", "no dates"), tmp_path / "a.png")
    assert png.stat().st_size > 0 and svg.read_text().startswith("<?xml")
