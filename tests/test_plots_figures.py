"""Every figure at 5, 20 and 50 topics and 5 or 5,000 documents: drawn, saved as PNG
(≥ 200 dpi) and SVG, with no overlapping text."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from PIL import Image
from plot_checks import overlapping_texts

from defaults import section
from topicpipe.interpret.distances import intertopic_table, topic_correlations
from topicpipe.interpret.labels import LabelSettings, display_label, label_table
from topicpipe.interpret.prevalence import placeholder, prevalence_by_group, prevalence_over_time
from topicpipe.interpret.term_rankings import ranked_terms
from topicpipe.plots.doc_topics import order_documents, plot_doc_topics
from topicpipe.plots.prevalence_figures import prevalence_figures
from topicpipe.plots.prevalence_group import plot_prevalence_group
from topicpipe.plots.prevalence_time import plot_prevalence_area, plot_prevalence_lines
from topicpipe.plots.style import placeholder_figure, save_figure, topic_colour, topic_hatch
from topicpipe.plots.topic_maps import plot_intertopic_map, plot_topic_correlation
from topicpipe.plots.topic_terms import plot_topic_terms

SIZES = [(5, 5), (5, 5000), (20, 5), (20, 5000), (50, 5), (50, 5000)]


def synthetic(k: int, d: int, seed: int = 0):
    """A K-topic model over 300 terms and D dated documents from 6 outlets."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(300, 0.05), size=k)
    theta = rng.dirichlet(np.full(k, 0.2), size=d)
    terms = [f"word{i:03d}" for i in range(300)]
    days = rng.integers(0, 6 * 365, size=d)
    dates = [str(np.datetime64("2015-01-01") + int(x)) for x in days]
    outlets = rng.choice(
        ["Tehran Times", "TASS", "Reuters", "Al-Monitor", "A rather long outlet name", "X"], d
    )
    table = ranked_terms(phi, phi.mean(axis=0), terms, 10, 0.5, 0.6)
    human = {2: "A long human label about sanctions and oil exports"}
    labels = label_table(table, human, {}, [], LabelSettings.from_config(section("topics")))
    names = dict(zip(labels["topic"], labels["label"], strict=True))
    return phi, theta, table, names, dates, outlets


def figures(k: int, d: int):
    phi, theta, table, names, dates, outlets = synthetic(k, d)
    period = "year" if d < 100 else "quarter"
    over_time = prevalence_over_time(theta, dates, names, period, 100, 0.95, 5, 1)
    by_group = prevalence_by_group(theta, outlets, names, "source", 100, 0.95, 5, 1)
    titles = [f"Synthetic article number {i} about topics" for i in range(d)]
    topic_names = [display_label(t, names[t]) for t in sorted(names)]
    return {
        "topic_terms": plot_topic_terms(table, 10, labels=names),
        "doc_topics": plot_doc_topics(theta, titles, topic_names, dates),
        "area": plot_prevalence_area(over_time, period, 5),
        "lines": plot_prevalence_lines(over_time, period, 5, 0.95),
        "group": plot_prevalence_group(by_group, 30, 5),
        "map": plot_intertopic_map(intertopic_table(phi, theta.mean(axis=0), names)),
        "correlation": plot_topic_correlation(topic_correlations(theta), names),
    }


@pytest.mark.parametrize(("k", "d"), SIZES, ids=[f"K{k}-D{d}" for k, d in SIZES])
def test_no_figure_has_overlapping_text(k, d):
    for name, fig in figures(k, d).items():
        assert overlapping_texts(fig) == [], f"{name} at K={k}, D={d}"
        plt.close(fig)


def test_figures_are_saved_as_png_at_requested_dpi_and_svg(tmp_path):
    fig = figures(5, 5)["map"]
    png, svg = save_figure(fig, tmp_path / "map.png", dpi=200)
    with Image.open(png) as image:
        assert round(image.info["dpi"][0]) == 200
    assert svg.read_text().startswith("<?xml")


def test_doc_heatmap_groups_by_dominant_topic_then_date():
    theta = np.array([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3], [0.4, 0.6]])
    order = order_documents(theta, ["2016-05-01", "2016-01-01", "2016-02-01", ""])
    assert order.tolist() == [2, 0, 1, 3]


def test_topic_colours_and_hatches_tell_fifty_topics_apart():
    styles = {(topic_colour(k), topic_hatch(k)) for k in range(50)}
    assert len(styles) == 50


def test_placeholder_figure_says_why(tmp_path):
    fig = placeholder_figure("Prevalence over time: not available", "No document has a date.")
    assert "No document has a date." in [t.get_text() for t in fig.axes[0].texts]
    save_figure(fig, tmp_path / "p.png")
    assert (tmp_path / "p.svg").exists()


def test_prevalence_figures_work_with_a_single_period():
    theta = np.array([[0.6, 0.4], [0.3, 0.7]])
    table = prevalence_over_time(
        theta, ["2016-01-02", "2016-01-20"], {1: "a", 2: "b"}, "month", 100, 0.95, 5, 1
    )
    for fig in (
        plot_prevalence_area(table, "month", 5),
        plot_prevalence_lines(table, "month", 5, 0.95),
    ):
        assert overlapping_texts(fig) == []
    assert isinstance(table, pd.DataFrame)


def test_prevalence_tables_that_hold_a_note_give_figures_that_say_why():
    note = "No document has a date."
    options = {"group_by": "source", "period": "month", "min_documents": 5}
    figures, notes = prevalence_figures(placeholder(note), placeholder("No sources."), options)
    assert set(figures) == {"area", "lines", "group"}
    assert notes == [f"no prevalence over time: {note}", "no prevalence by group: No sources."]
    assert (
        figures["group"].axes[0].get_title(loc="left")
        == "Topic prevalence by source: not available"
    )
    assert note in [t.get_text() for t in figures["lines"].axes[0].texts]


def test_overlap_check_catches_colliding_labels():
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.set_xticks(np.linspace(0, 1, 30), [f"label {i}" for i in range(30)])
    assert overlapping_texts(fig)
    plt.close(fig)
