"""The dynamics stage as its rules run it: documents placed in periods, the fit linked to the
static topics, tables over articles, and a note instead of a failure when there is no model."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest
from dated_corpus import FALLING, RISING, bag_of_words, dated_news_corpus, design_phi

from defaults import CONFIG, deep_merge
from topicpipe.dynamics import DynamicsError
from topicpipe.dynamics.fit import load_arrays
from topicpipe.dynamics.guardrails import fit_notes, link_notes
from topicpipe.dynamics.settings import figure_options, fit_options, table_options
from topicpipe.dynamics.stage import (
    article_periods,
    check_memory,
    dynamic_tables,
    fit_dynamics,
    write_fit,
)
from topicpipe.evaluate.stability import cosine_matrix
from topicpipe.interpret.prevalence import is_placeholder
from topicpipe.plots.dynamics_figures import dynamics_figures

LOG = logging.getLogger("test_dynamics_stage")
# Fewer iterations than the default: the tests check what the stage does with a fit.
FIT = {**fit_options(CONFIG), "period": "month", "max_iterations": 30}
TABLES = table_options(CONFIG)
# The static topics in another order than the designed one, so labels must follow them.
STATIC_ORDER = [3, 0, 5, 1, 4, 2]


def units_of(articles: pd.DataFrame, paragraphs: int = 1) -> pd.DataFrame:
    """The modelled units of ``articles``, each article cut into ``paragraphs`` units."""
    rows = [
        {"id": f"{a.id}#p{p}", "parent_id": a.id, "date": a.date, "n_tokens": len(a.tokens)}
        for a in articles.itertuples()
        for p in range(paragraphs)
    ]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def corpus():
    """200 dated articles (and 3 undated) over 9 months, one empty; the static topics are
    the designed ones averaged over time, in ``STATIC_ORDER``."""
    articles, design = dated_news_corpus(n_docs=200, seed=5)
    vocabulary, bows = bag_of_words(articles["tokens"].tolist())
    truth = design_phi(design, vocabulary, [p for p in design.periods if p != design.empty_period])
    static = truth.mean(axis=0)[STATIC_ORDER]
    labels = {k + 1: design.topics[j] for k, j in enumerate(STATIC_ORDER)}
    bow_lists = [
        list(zip(row.indices.tolist(), row.data.astype(int).tolist(), strict=True)) for row in bows
    ]
    return {
        "articles": articles,
        "design": design,
        "vocabulary": vocabulary,
        "bows": bow_lists,
        "static": static / static.sum(axis=1, keepdims=True),
        "labels": labels,
    }


def fit(corpus, paragraphs: int = 1, **options):
    bows = [bow for bow in corpus["bows"] for _ in range(paragraphs)]
    units = units_of(corpus["articles"], paragraphs)
    return fit_dynamics(
        units,
        corpus["static"],
        bows,
        len(corpus["vocabulary"]),
        {**FIT, **options},
        mem_mb=1000,
        log=LOG,
    )


@pytest.fixture(scope="module")
def fitted(corpus):
    return fit(corpus)


def tables_of(corpus, result, tmp_path, paragraphs: int = 1, **options):
    write_fit(result, tmp_path / "fit.npz")
    return dynamic_tables(
        result.summary,
        load_arrays(tmp_path / "fit.npz"),
        result.periods,
        result.documents,
        units_of(corpus["articles"], paragraphs)["n_tokens"],
        corpus["vocabulary"],
        corpus["labels"],
        {**TABLES, **options},
        LOG,
    )


def test_documents_are_placed_in_periods_with_the_gap_and_the_undated_counted(corpus, fitted):
    design = corpus["design"]
    assert fitted.periods["period"].tolist() == design.periods
    assert fitted.summary["n_undated"] == design.n_undated == 3
    assert {"period": design.empty_period, "status": "empty", "n_documents": 0} in (
        fitted.summary["gaps"]
    )
    undated = fitted.documents[fitted.documents["date"] == ""]
    assert len(undated) == 3 and (undated["status"] == "undated").all()
    # The fit's shares are those of the dated rows, in corpus row order.
    assert fitted.links["rows"].tolist() == list(range(200))
    assert fitted.fit.theta.shape == (200, 6)


def test_the_fit_keeps_the_static_topics_and_their_numbers(corpus, fitted):
    average = fitted.fit.phi.mean(axis=0)
    assert np.diag(cosine_matrix(corpus["static"], average)).min() > 0.9
    assert fitted.summary["k"] == 6 and fitted.summary["iterations"] <= 30


def test_the_log_and_the_notes_say_what_was_left_out(corpus, caplog):
    with caplog.at_level(logging.INFO, logger=LOG.name):
        result = fit(corpus, max_iterations=1)
    assert "203 documents: 3 undated (excluded from this stage), 200 in 9 month" in caplog.text
    notes = {note.subject: note for note in fit_notes(result.summary)}
    assert set(notes) == {"dynamics_undated", "dynamics_gaps"}
    assert all(note.kind == "warning" and note.stage == "dynamics_fit" for note in notes.values())
    assert notes["dynamics_undated"].value == "3 documents"
    assert "3 of the 203 documents have no date" in notes["dynamics_undated"].message
    assert "ingest.metadata" in notes["dynamics_undated"].override
    assert notes["dynamics_gaps"].value == "1 month period: 2019-05"
    assert "1 of the 9 month periods is a gap (1 without documents)" in (
        notes["dynamics_gaps"].message
    )


def test_gap_notes_count_thin_periods_and_the_documents_they_leave_out():
    summary = {
        "period": "week",
        "periods": 20,
        "min_documents": 10,
        "n_left_out": 7,
        "n_documents": 120,
        "n_undated": 0,
    }
    gaps = [{"period": f"2020-W{w:02d}", "status": "few_documents"} for w in range(1, 4)]
    gaps += [{"period": f"2020-W{w:02d}", "status": "empty"} for w in range(10, 16)]
    (note,) = fit_notes({**summary, "gaps": gaps})
    assert note.value.startswith("9 week periods: 2020-W01, 2020-W02") and "3 more" in note.value
    assert "6 without documents; 3 with fewer than dynamics.min_documents (10)" in note.message
    assert "7 dated documents are left out" in note.message
    assert "dynamics.period" in note.override


def test_no_model_is_a_note_with_what_to_change(corpus):
    result = fit(corpus, min_documents=1000)
    (note,) = fit_notes(result.summary)
    assert note.subject == "dynamics_no_model"
    assert result.summary["note"] == f"{note.message} {note.override}."
    # The fix is said once, under "To change it", not again in the message.
    assert "dynamics.min_documents" in note.override
    assert "dynamics.min_documents" not in note.message
    undated = {"n_documents": 5, "n_undated": 5, "note": "None of the 5 documents has a date"}
    assert "ingest.metadata" in fit_notes(undated)[0].override


def test_a_loose_link_is_a_note_that_names_the_topic():
    links = pd.DataFrame({"topic": [1, 2, 3], "cosine": [0.9, 0.31, 0.8]})
    links["linked"] = links["cosine"] >= 0.5
    (note,) = link_notes(links, 0.5)
    assert (note.stage, note.subject, note.value) == (
        "dynamics_tables",
        "dynamics_loose_link",
        "topic 2",
    )
    assert "topic 2 (cosine 0.31)" in note.message and "dynamics.min_link_cosine (0.5)" in (
        note.message
    )
    assert link_notes(links.assign(linked=True), 0.5) == []


def test_too_few_documents_give_a_note_and_the_corpus_is_not_read(corpus, tmp_path):
    def unread():
        raise AssertionError("the corpus was read although no model can be fitted")
        yield

    result = fit_dynamics(
        units_of(corpus["articles"]),
        corpus["static"],
        unread(),
        len(corpus["vocabulary"]),
        {**FIT, "min_documents": 1000},
        mem_mb=1000,
        log=LOG,
    )
    assert "dynamics.min_documents" in result.summary["note"] and result.fit is None
    write_fit(result, tmp_path / "fit.npz")
    assert load_arrays(tmp_path / "fit.npz") == {}
    tables = tables_of(corpus, result, tmp_path)
    for table in tables.csv_tables().values():
        assert is_placeholder(table) and table["note"].iloc[0] == result.summary["note"]
    assert result.summary["note"] in tables.markdown
    figures, notes = dynamics_figures(
        tables.terms, tables.prevalence, result.periods, figure_options(CONFIG)
    )
    assert set(figures) == {"trajectories", "heatmap"}
    assert notes == [f"no dynamic model: {result.summary['note']}"]
    # The placeholder wraps the note to the figure's width.
    shown = [" ".join(t.get_text().split()) for t in figures["heatmap"].axes[0].texts]
    assert result.summary["note"] in shown


def test_a_fit_larger_than_the_memory_stops_with_what_to_change(corpus):
    with pytest.raises(DynamicsError, match="dynamics.period") as error:
        fit_dynamics(
            units_of(corpus["articles"]),
            corpus["static"],
            [],
            len(corpus["vocabulary"]),
            FIT,
            mem_mb=0,
            log=LOG,
        )
    assert "8 month periods x 6 topics" in str(error.value)
    assert "dynamics_fit:mem_mb" in str(error.value)
    check_memory(8, 6, 1000, mem_mb=2, period="month", acceleration="squarem")


def test_tables_show_the_designed_rise_and_fall(corpus, fitted, tmp_path):
    tables = tables_of(corpus, fitted, tmp_path)
    overall = tables.changes[tables.changes["comparison"] == "first_to_last"]
    change = dict(zip(overall["label"], overall["change"], strict=True))
    assert change[RISING] > 0.15 and change[FALLING] < -0.15
    assert tables.links["linked"].all() and tables.notes == []
    assert tables.links["dynamic_topic"].tolist() == list(range(1, 7))
    assert "## First and last period: 2019-01 → 2019-09" in tables.markdown
    empty = tables.prevalence[tables.prevalence["period"] == corpus["design"].empty_period]
    assert empty["mean_share"].isna().all()


def test_paragraphs_are_rolled_up_to_articles(corpus, tmp_path):
    paragraphs = fit(corpus, paragraphs=2)
    assert paragraphs.summary["n_documents"] == 2 * 203
    tables = tables_of(corpus, paragraphs, tmp_path, 2, compare=["2019-01", "2019-09"])
    per_period = paragraphs.periods.set_index("period")["n_documents"]
    chosen = tables.changes[tables.changes["comparison"] == "chosen"].iloc[0]
    assert chosen["n_from"] == per_period["2019-01"] and chosen["n_to"] == per_period["2019-09"]


def test_article_shares_weight_paragraphs_by_tokens():
    documents = pd.DataFrame(
        {"parent_id": ["a", "a", "b", "c"], "period": ["2019-01", "2019-01", "2019-02", ""]}
    )
    theta = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    shares, periods = article_periods(documents, [30, 10, 5, 7], np.array([0, 1, 2]), theta)
    np.testing.assert_allclose(shares, [[0.75, 0.25], [0.5, 0.5]])
    assert periods.tolist() == ["2019-01", "2019-02"]


def test_a_compare_pair_that_is_not_modelled_names_the_key(corpus, fitted, tmp_path):
    with pytest.raises(DynamicsError, match="dynamics.compare"):
        tables_of(corpus, fitted, tmp_path, compare=["2019-05", "2019-09"])


def test_each_rule_gets_only_the_settings_it_depends_on():
    config = deep_merge(CONFIG, {"dynamics": {"period": None}, "prevalence": {"period": "year"}})
    assert fit_options(config)["period"] == "year"
    assert figure_options(config)["period"] == "year"
    changed = deep_merge(config, {"dynamics": {"top_terms": 3, "trajectory_terms": 2}})
    assert fit_options(changed) == fit_options(config)
    assert table_options(changed)["top_terms"] == 3
    assert table_options(config)["seed"] == config["prevalence"]["seed"]
    assert "smoothing" not in table_options(config)
