"""Every figure at 5, 20 and 50 topics, few or many documents, at column and page width:
no overlapping text, no text under 7 pt at the printed width, and each figure's own
promises (honest scales, gaps, titles that agree with the bars, a key for bubble sizes)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex
from matplotlib.offsetbox import AnchoredOffsetbox
from matplotlib.text import Text
from PIL import Image
from plot_checks import overlapping_texts

from defaults import section
from topicpipe.interpret.distances import intertopic_table, topic_correlations
from topicpipe.interpret.labels import LabelSettings, display_label, label_table
from topicpipe.interpret.prevalence import placeholder, prevalence_by_group, prevalence_over_time
from topicpipe.interpret.term_rankings import ranked_terms
from topicpipe.plots.attrition import plot_attrition
from topicpipe.plots.corpus_stats import plot_corpus_stats
from topicpipe.plots.diagnostics import plot_topic_diagnostics
from topicpipe.plots.doc_topics import order_documents, plot_doc_topics
from topicpipe.plots.layout import MIN_TEXT_PT, WIDTHS, drawn_texts, smallest_printed_text
from topicpipe.plots.metrics import (
    plot_coherence_exclusivity,
    plot_convergence,
    plot_metrics_by_k,
    seed_axis_limits,
)
from topicpipe.plots.palette import contrast_ratio
from topicpipe.plots.prevalence_figures import prevalence_figures
from topicpipe.plots.prevalence_group import plot_prevalence_group
from topicpipe.plots.prevalence_time import plot_prevalence_area, plot_prevalence_lines
from topicpipe.plots.style import placeholder_figure, save_figure, topic_colour
from topicpipe.plots.topic_maps import (
    correlation_baseline,
    plot_intertopic_map,
    plot_topic_correlation,
)
from topicpipe.plots.topic_terms import plot_topic_terms

# (topics, documents, printed width)
CASES = [(5, 5, "column"), (20, 5000, "page"), (50, 40, "column")]


def synthetic(k: int, d: int, seed: int = 0):
    """A K-topic model over 300 terms and D dated documents from 6 outlets."""
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(300, 0.05), size=k)
    theta = rng.dirichlet(np.full(k, 0.2), size=d)
    terms = [f"word{i:03d}" for i in range(299)] + ["a_very_long_phrase_of_several_words"]
    days = rng.integers(0, 6 * 365, size=d)
    dates = [str(np.datetime64("2015-01-01") + int(x)) for x in days]
    outlets = rng.choice(
        ["Tehran Times", "TASS", "Reuters", "Al-Monitor", "A rather long outlet name", "X"], d
    )
    table = ranked_terms(phi, phi.mean(axis=0), terms, 10, 0.5, 0.6)
    human = {2: "A long human label about sanctions and oil exports to several countries"}
    labels = label_table(table, human, {}, [], LabelSettings.from_config(section("topics")))
    names = dict(zip(labels["topic"], labels["label"], strict=True))
    return phi, theta, table, names, dates, outlets


def sweep_metrics(ks=(5, 10, 15, 20), seeds=(1, 2, 3)) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    rows = [
        {
            "model": f"k{k}_seed{s}",
            "k": k,
            "seed": s,
            "npmi": rng.normal(0.05, 0.02),
            "c_v": rng.normal(0.55, 0.03),
            "u_mass": rng.normal(-2, 0.3),
            "diversity": rng.uniform(0.8, 0.95),
            "exclusivity": rng.uniform(0.5, 0.8),
            "heldout_loglik": rng.normal(-6.4, 0.05),
            "stability": rng.uniform(0.7, 0.9) if len(seeds) > 1 else np.nan,
        }
        for k in ks
        for s in seeds
    ]
    return pd.DataFrame(rows)


def topic_metrics(k: int) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    columns = [
        "token_share",
        "top_document_share",
        "document_entropy",
        "effective_words",
        "corpus_distance",
        "npmi",
        "exclusivity",
        "match_mean",
    ]
    table = pd.DataFrame({c: rng.uniform(0, 1, k) for c in columns})
    table.insert(0, "topic", np.arange(1, k + 1))
    table["recurs"] = [i % 4 != 0 for i in range(k)]
    return table


def attrition_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "step": ["raw", "stopwords", "filters", "phrases", "pruning"],
            "documents": [292, 292, 292, 292, 290],
            "tokens": [58301, 28922, 28161, 25076, 16539],
            "vocabulary": [7623, 7203, 5427, 5668, 1023],
        }
    )


def vocabulary_table(n_terms: int = 400, n_docs: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    documents = np.minimum(rng.zipf(1.6, n_terms), n_docs)
    counts = documents * rng.integers(1, 4, n_terms)
    kept = (documents >= 5) & (documents <= 0.5 * n_docs)
    return pd.DataFrame(
        {
            "term": [f"term{i}" for i in range(n_terms)],
            "documents": documents,
            "count": counts,
            "kept": kept.astype(int),
        }
    )


def figures(k: int, d: int, width: float) -> dict[str, plt.Figure]:
    phi, theta, table, names, dates, outlets = synthetic(k, d)
    period = "year" if d < 100 else "quarter"
    over_time = prevalence_over_time(theta, dates, names, period, 100, 0.95, 5, 1)
    by_group = prevalence_by_group(theta, outlets, names, "source", 100, 0.95, 5, 1)
    titles = [f"Synthetic article number {i} about topics" for i in range(d)]
    topic_names = [display_label(t, names[t]) for t in sorted(names)]
    metrics = sweep_metrics()
    convergence = pd.DataFrame(
        [
            {"k": m["k"], "seed": m["seed"], "pass": p, "heldout_loglik": -6.5 + p / 5000}
            for m in metrics.to_dict("records")
            for p in range(50, 1001, 50)
        ]
    )
    lengths = [int(x) for x in np.random.default_rng(1).poisson(80, d)]
    return {
        "topic_terms": plot_topic_terms(table, 10, names, "frex", width),
        "doc_topics": plot_doc_topics(theta, titles, topic_names, dates, width),
        "area": plot_prevalence_area(over_time, period, 5, width),
        "lines": plot_prevalence_lines(over_time, period, 5, 0.95, width),
        "group": plot_prevalence_group(by_group, 30, 5, width),
        "map": plot_intertopic_map(intertopic_table(phi, theta.mean(axis=0), names), width),
        "correlation": plot_topic_correlation(topic_correlations(theta), names, width),
        "diagnostics": plot_topic_diagnostics(topic_metrics(k), topic_names, width),
        "metrics": plot_metrics_by_k(metrics, 10, width),
        "scatter": plot_coherence_exclusivity(metrics, "k10_seed2", None, width),
        "convergence": plot_convergence(convergence, width),
        "attrition": plot_attrition(attrition_rows(), width),
        "corpus": plot_corpus_stats(lengths, lengths, vocabulary_table(), 300, 5, 0.5, 20, width),
    }


@pytest.mark.parametrize(("k", "d", "width"), CASES, ids=[f"K{k}-D{d}-{w}" for k, d, w in CASES])
def test_figures_have_legible_text_that_never_overlaps(k, d, width):
    inches = WIDTHS[width]
    for name, fig in figures(k, d, inches).items():
        size, text = smallest_printed_text(fig, inches)
        assert size >= MIN_TEXT_PT - 0.05, (
            f"{name} at K={k}, {width}: {text!r} prints at {size:.1f} pt"
        )
        assert overlapping_texts(fig) == [], f"{name} at K={k}, D={d}, {width}"
        plt.close(fig)


def test_printed_size_shrinks_with_a_figure_wider_than_the_print():
    fig, ax = plt.subplots(figsize=(13.0, 2.0))
    ax.set_title("wide", fontsize=10)
    fig.canvas.draw()
    saved = fig.get_tightbbox(fig.canvas.get_renderer()).width
    natural, _ = smallest_printed_text(fig, saved * 2)
    # Printed at half its saved width, every text prints at half its size.
    assert smallest_printed_text(fig, saved / 2)[0] == pytest.approx(natural / 2)
    plt.close(fig)


def test_figures_are_saved_as_png_at_requested_dpi_and_svg(tmp_path):
    png, svg = save_figure(placeholder_figure("t", "m"), tmp_path / "p.png", dpi=200)
    with Image.open(png) as image:
        assert round(image.info["dpi"][0]) == 200
    assert svg.read_text().startswith("<?xml")


def test_placeholder_figure_says_why():
    fig = placeholder_figure("Prevalence over time: not available", "No document has a date.")
    assert "No document has a date." in [t.get_text() for t in drawn_texts(fig)]


def test_doc_heatmap_groups_by_dominant_topic_then_date():
    theta = np.array([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3], [0.4, 0.6]])
    order = order_documents(theta, ["2016-05-01", "2016-01-01", "2016-02-01", ""])
    assert order.tolist() == [2, 0, 1, 3]


def _labelled_terms():
    """A terms table whose best FREX terms include a number, a unit phrase and a tie, the
    labels the workflow makes of it, and a long human label for topic 1."""
    rng = np.random.default_rng(4)
    words = ["2016", "mln_versus", "wicket", "rate", "south_africa", "year", "australia"]
    words += [f"term{c}" for c in "abcdefghijklmnopqrstuvwxyz"]
    phi = rng.dirichlet(np.full(len(words), 0.3), size=4)
    # Topic 2: the number and the unit phrase are its most exclusive and frequent terms.
    phi[1, :2] = phi[1].max() * 3
    phi /= phi.sum(axis=1, keepdims=True)
    counts = dict(zip(words, rng.integers(5, 500, len(words)).tolist(), strict=True))
    table = ranked_terms(phi, phi.mean(axis=0), words, 10, 0.5, 0.6)
    human = {1: "A long human label that needs several lines to be read in a narrow panel"}
    labels = label_table(table, human, counts, [], LabelSettings.from_config(section("topics")))
    return table, dict(zip(labels["topic"], labels["label"], strict=True))


@pytest.mark.parametrize("width", ["column", "page"])
def test_panel_titles_agree_with_the_bars_and_are_wrapped_not_cut(width):
    table, names = _labelled_terms()
    fig = plot_topic_terms(table, 10, names, "frex", WIDTHS[width])
    fig.canvas.draw()
    panels = [ax for ax in fig.axes if ax.get_visible()]
    for ax, topic in zip(panels, range(1, 5), strict=True):
        ticks = ax.get_yticklabels()
        bars = [t.get_text() for t in ticks]
        title = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
        # Wrapped (a phrase may break at its "_"), never cut.
        assert "…" not in title
        assert title.replace("_ ", "_") == display_label(topic, names[topic])
        bold = [t.get_text() for t in ticks if t.get_fontweight() == "bold"]
        if topic == 1:
            assert bold == []
            continue
        # Every term of the title has its bar, in bold, in the order the label took them.
        assert bold == names[topic].split(", ")
        frex = table[table["topic"] == topic].set_index("term")["frex"]
        assert list(frex[bars]) == sorted(frex[bars], reverse=True)
    # Topic 2's label skips the number and the unit phrase, which keep their bars.
    assert "2016" not in names[2] and "mln_versus" not in names[2]
    assert {"2016", "mln_versus"} <= {t.get_text() for t in panels[1].get_yticklabels()}


def test_correlation_scale_is_centred_on_the_baseline_and_shows_one_triangle():
    rng = np.random.default_rng(2)
    theta = rng.dirichlet(np.full(6, 0.3), size=400)
    corr = topic_correlations(theta)
    fig = plot_topic_correlation(corr, {}, 6.5)
    image = fig.axes[0].images[0]
    baseline = correlation_baseline(6)
    assert baseline == pytest.approx(-0.2)
    assert image.norm(baseline) == pytest.approx(0.5)
    shown = image.get_array()
    # Rows 2..6 against columns 1..5, below the diagonal only.
    assert shown.shape == (5, 5)
    assert shown.mask[np.triu_indices(5, 1)].all() and not shown.mask[np.tril_indices(5)].any()


def _area_x_extent(fig) -> list[tuple[float, float]]:
    ax = fig.axes[0]
    return [
        (c.get_paths()[0].vertices[:, 0].min(), c.get_paths()[0].vertices[:, 0].max())
        for c in ax.collections
        if isinstance(c, PolyCollection) and len(c.get_paths())
    ]


def test_prevalence_area_leaves_empty_periods_as_gaps_and_keeps_count_bars_whole():
    theta = np.array([[0.6, 0.4]] * 6 + [[0.2, 0.8]] * 6)
    dates = ["2016-01-10"] * 6 + ["2016-05-03"] * 5 + ["2016-06-01"]
    table = prevalence_over_time(theta, dates, {1: "a", 2: "b"}, "month", 50, 0.95, 5, 1)
    fig = plot_prevalence_area(table, "month", 5, 6.5)
    import matplotlib.dates as mdates

    february, may = (
        mdates.date2num(pd.Timestamp("2016-02-01")),
        mdates.date2num(pd.Timestamp("2016-05-01")),
    )
    for low, high in _area_x_extent(fig):
        # No area spans February to April, which have no documents.
        assert high <= february + 1e-6 or low >= may - 1e-6
    counts = fig.axes[1]
    left, right = counts.get_xlim()
    for bar in counts.patches:
        assert left <= bar.get_x() and bar.get_x() + bar.get_width() <= right
    labels = [t.get_text() for t in fig.axes[2].get_legend().get_texts()]
    assert "no documents (gap)" in labels and "fewer than 5 documents (pale)" in labels
    # The one document of June is counted in print: its bar is too short to see.
    assert [t.get_text() for t in counts.texts] == ["1"]


def test_prevalence_figures_work_with_a_single_period():
    theta = np.array([[0.6, 0.4], [0.3, 0.7]])
    table = prevalence_over_time(
        theta, ["2016-01-02", "2016-01-20"], {1: "a", 2: "b"}, "month", 100, 0.95, 5, 1
    )
    for fig in (
        plot_prevalence_area(table, "month", 5, 3.5),
        plot_prevalence_lines(table, "month", 5, 0.95, 3.5),
    ):
        assert overlapping_texts(fig) == []


def test_intertopic_map_keeps_every_topic_visible_with_legible_numbers():
    # Topics 2 and 3 sit almost on top of a large topic 1.
    table = pd.DataFrame(
        {
            "topic": [1, 2, 3, 4],
            "label": ["big", "small", "tiny", "far"],
            "x": [0.0, 0.01, -0.01, 0.5],
            "y": [0.0, 0.005, 0.0, 0.1],
            "prevalence": [0.7, 0.05, 0.001, 0.249],
        }
    )
    fig = plot_intertopic_map(table, 6.5)
    ax = fig.axes[0]
    bubbles = ax.collections
    # Smaller bubbles are drawn above larger ones.
    order = sorted(bubbles, key=lambda c: c.get_zorder())
    sizes = [c.get_sizes()[0] for c in order]
    assert sizes == sorted(sizes, reverse=True)
    numbers = {t.get_text(): t for t in ax.texts}
    assert set(numbers) == {"1", "2", "3", "4"}
    for topic, text in numbers.items():
        # Each number reads against its halo (black on white or white on black).
        halo = text.get_path_effects()[0]._gc["foreground"]
        assert contrast_ratio(to_hex(text.get_color()), to_hex(halo)) >= 7, topic
    assert overlapping_texts(fig) == []
    size_key = [a for a in fig.axes[1].get_children() if isinstance(a, AnchoredOffsetbox)]
    texts = [t.get_text() for t in size_key[0].findobj(Text)]
    assert texts[0].startswith("Bubble area = prevalence") and "70%" not in texts
    # The topic key names every topic.
    assert len(fig.axes[2].get_legend().get_texts()) == 4


def test_a_single_model_gives_a_note_and_a_per_topic_scatter():
    metrics = sweep_metrics(ks=(10,), seeds=(1,))
    fig = plot_metrics_by_k(metrics, 10, 6.5)
    texts = " ".join(t.get_text() for t in drawn_texts(fig))
    assert "One model was trained (K = 10, seed 1)" in texts
    scatter = plot_coherence_exclusivity(metrics, "k10_seed1", topic_metrics(10), 6.5)
    labels = {t.get_text().strip() for t in scatter.axes[0].texts}
    assert labels == {str(t) for t in range(1, 11)}


def test_one_k_with_several_seeds_compares_the_seeds_and_rings_the_chosen_one():
    metrics = sweep_metrics(ks=(5,), seeds=(1, 2, 3))
    fig = plot_metrics_by_k(metrics, 5, 6.5, chosen_model="k5_seed2")
    ax = fig.axes[0]
    fig.canvas.draw()
    assert [t.get_text() for t in fig.axes[-1].get_xticklabels()] == ["1", "2", "3"]
    ring = ax.collections[1].get_offsets()
    assert ring.shape == (1, 2) and ring[0, 0] == 1
    assert ax.get_lines() == []  # no dashed "chosen K" line where every model has that K
    assert "the only K trained" in fig._suptitle.get_text().replace("\n", " ")
    # Seeds that differ in the third decimal are not spread over the whole axis, and a
    # bounded metric's axis stays within its bounds.
    low, high = seed_axis_limits(np.array([0.147, 0.1496]), "npmi")
    assert high - low > 0.1 * 0.1496 and low < 0.147 and high > 0.1496
    assert seed_axis_limits(np.array([0.998, 0.999]), "stability")[1] == 1.0


def test_attrition_ticks_and_bar_labels_share_one_format():
    fig = plot_attrition(attrition_rows(), 6.5)
    tokens = fig.axes[1]
    fig.canvas.draw()
    ticks = [t.get_text() for t in tokens.get_xticklabels() if t.get_text()]
    bars = [t.get_text().strip() for t in tokens.texts]
    assert "58.3k" in bars and all(t.endswith("k") or t == "0" for t in ticks)
    assert [ax.get_xlabel() for ax in fig.axes] == [
        "documents with a token",
        "tokens",
        "distinct terms (vocabulary)",
    ]


def test_corpus_stats_key_names_only_what_the_bars_show():
    vocabulary = vocabulary_table().assign(kept=1)
    lengths = [50] * 300
    most_frequent = vocabulary["count"].idxmax()
    for table, expected in (
        (vocabulary, ["kept"]),
        (vocabulary.assign(kept=vocabulary.index != most_frequent), ["kept", "removed by pruning"]),
    ):
        fig = plot_corpus_stats(lengths, lengths, table, 300, 5, 0.5, 20, 6.5)
        top_terms = next(ax for ax in fig.axes if "most frequent" in ax.get_title(loc="left"))
        assert [t.get_text() for t in top_terms.get_legend().get_texts()] == expected
        plt.close(fig)


def test_topic_colours_are_shared_and_distinct():
    colours = [topic_colour(k) for k in range(50)]
    assert len(set(colours)) == 50
    assert colours[:3] == ["#0072B2", "#E69F00", "#009E73"]


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
