"""The real workflow on a dated news-like corpus built with designed changes: the dynamics
stage shows the designed rise and fall and the designed shift of words, keeps the empty
month as a gap, and without enough dated documents writes notes instead of failing."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from dated_corpus import (
    EARLY_WORDS,
    FALLING,
    LATE_WORDS,
    RISING,
    SHIFTING,
    TOPICS,
    dated_news_corpus,
    write_table,
)

from workflow_runner import copy_workflow, run_snakemake, write_config

pytestmark = pytest.mark.slow

DYNAMICS = "results/dynamics"
TABLES = [
    "periods.csv",
    "topic_terms_by_period.csv",
    "prevalence_by_period.csv",
    "rise_fall.csv",
    "term_changes.csv",
    "topic_links.csv",
]
FIGURES = [
    "results/figures/dynamics_term_trajectories.png",
    "results/figures/dynamics_prevalence.png",
]
NOTES = "results/run_notes.json"
SMALL = {
    "tokenise": {"shards": 1},
    # gensim: at 300 sweeps tomotopy's static model merges two of the six designed topics,
    # and this test is about the dynamic stage, not the static engine.
    "model": {
        "engine": "gensim",
        "k": 6,
        "seeds": [1],
        "gensim": {"passes": 10, "iterations": 100},
    },
    "figures": {"dpi": 72},
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The workflow run up to the dynamics figures; its tables and the designed truth."""
    work = copy_workflow(tmp_path_factory.mktemp("dynamics") / "workflow")
    articles, design = dated_news_corpus(n_docs=320, seed=0)
    write_table(articles, work / "corpus" / "news.csv")
    write_config(work, {"corpus": "corpus/news.csv", **SMALL})
    run_snakemake(work, *FIGURES, f"{DYNAMICS}/rise_fall.md", NOTES)
    tables = {name: pd.read_csv(work / DYNAMICS / name, dtype={"period": str}) for name in TABLES}
    topics = pd.read_csv(work / "results/topics/topics.csv")
    # Each designed topic is the pipeline topic whose top terms hold most of its key words.
    top_terms = topics.set_index("topic")["top_terms"].str.split(", ").map(set)
    number = {}
    for name, (words, _) in TOPICS.items():
        shared = [len(terms & set(words.split())) for terms in top_terms]
        number[name] = int(top_terms.index[shared.index(max(shared))])
    log = (work / "results/logs/dynamics_fit.log").read_text(encoding="utf-8")
    return {"work": work, "design": design, "tables": tables, "number": number, "log": log}


def dynamics_notes(work) -> dict[str, dict]:
    """The dynamics rules' notes as the run notes list them, by subject."""
    notes = json.loads((work / NOTES).read_text(encoding="utf-8"))
    return {n["subject"]: n for n in notes if n["stage"].startswith("dynamics")}


def test_the_empty_month_is_a_gap_and_undated_articles_are_counted(run):
    periods = run["tables"]["periods.csv"]
    assert periods["period"].tolist() == run["design"].periods
    gap = periods.set_index("period").loc[run["design"].empty_period]
    assert gap["status"] == "empty" and gap["n_documents"] == 0
    assert "3 undated (excluded from this stage)" in run["log"]
    # The run notes say so too, next to every other rule's warnings.
    notes = dynamics_notes(run["work"])
    assert set(notes) == {"dynamics_undated", "dynamics_gaps"}
    assert notes["dynamics_undated"]["value"] == "3 documents"
    assert run["design"].empty_period in notes["dynamics_gaps"]["value"]
    page = (run["work"] / "results/run_notes.md").read_text(encoding="utf-8")
    assert "`dynamics_gaps`" in page and "(dynamics_fit)" in page
    prevalence = run["tables"]["prevalence_by_period.csv"]
    assert prevalence[prevalence["period"] == run["design"].empty_period]["mean_share"].isna().all()


def test_each_designed_topic_is_linked_to_its_own_static_topic(run):
    assert sorted(run["number"].values()) == list(range(1, 7))
    assert run["tables"]["topic_links.csv"]["linked"].all()


def test_the_designed_rise_and_fall_are_recovered_with_clear_intervals(run):
    changes = run["tables"]["rise_fall.csv"]
    overall = changes[changes["comparison"] == "first_to_last"].set_index("topic")
    rising = overall.loc[run["number"][RISING]]
    falling = overall.loc[run["number"][FALLING]]
    assert rising["change"] > 0.15 and rising["ci_low"] > 0
    assert falling["change"] < -0.15 and falling["ci_high"] < 0
    # They are the two largest changes from the first to the last month.
    assert set(overall.sort_values("rank").index[:2]) == {
        run["number"][RISING],
        run["number"][FALLING],
    }


def test_the_designed_shift_of_words_is_recovered(run):
    topic = run["number"][SHIFTING]
    terms = run["tables"]["topic_terms_by_period.csv"]
    terms = terms[terms["topic"] == topic].pivot(index="term", columns="period", values="rank")
    first, last = terms.columns[0], terms.columns[-1]
    assert terms.loc["talk", first] < terms.loc["treaty", first]
    assert terms.loc["treaty", last] < terms.loc["talk", last]
    changes = run["tables"]["term_changes.csv"]
    overall = changes[(changes["comparison"] == "first_to_last") & (changes["topic"] == topic)]
    gained = set(overall[overall["direction"] == "gain"]["term"].head(5))
    lost = set(overall[overall["direction"] == "loss"]["term"].head(5))
    assert len(gained & set(LATE_WORDS)) >= 4
    assert len(lost & set(EARLY_WORDS)) >= 4


def test_too_few_dated_documents_give_notes_not_failures(run):
    work = run["work"]
    run_snakemake(work, *FIGURES, NOTES, "--config", 'dynamics={"min_documents": 1000}')
    summary = json.loads((work / DYNAMICS / "fit.json").read_text(encoding="utf-8"))
    assert "dynamics.min_documents" in summary["note"]
    notes = dynamics_notes(work)
    assert set(notes) == {"dynamics_no_model"}
    assert summary["note"].startswith(notes["dynamics_no_model"]["message"])
    assert "dynamics.min_documents" not in notes["dynamics_no_model"]["message"]
    assert "note" in pd.read_csv(work / DYNAMICS / "prevalence_by_period.csv").columns
    for figure in FIGURES:
        assert (work / figure).stat().st_size > 0
