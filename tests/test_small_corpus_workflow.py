"""The default config on the corpora a user brings: five short articles, and one article.

Issue 11: a handful of articles failed by default ("no term survived pruning"), or, with
hand-tuned settings, gave flat topics with one label, a held-out third of the corpus and
correlations of ±1 from three points. Here the only setting is the corpus.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from workflow_runner import copy_workflow, run_snakemake, write_config

pytestmark = pytest.mark.slow

SMALL_NEWS = Path(__file__).parent / "data" / "small_news"
CHOICES = {
    "ingest.unit",
    "dictionary.no_below",
    "dictionary.no_above",
    "evaluation.heldout_fraction",
    "model.max_k",
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return copy_workflow(tmp_path_factory.mktemp("small") / "workflow")


def notes_of(results: Path) -> dict[str, dict]:
    return {note["subject"]: note for note in json.loads((results / "run_notes.json").read_text())}


def test_five_short_articles_work_with_the_default_config(workdir):
    write_config(workdir, {"corpus": str(SMALL_NEWS)})
    run_snakemake(workdir)
    results = workdir / "results"
    notes = notes_of(results)
    # Every automatic choice is in the notes, with its value and how to override it.
    assert set(notes) >= CHOICES
    assert notes["ingest.unit"]["value"] == "paragraph"
    assert notes["evaluation.heldout_fraction"]["value"] == "0"
    assert all(notes[c]["override"] for c in CHOICES)
    page = (results / "run_notes.md").read_text()
    assert all(f"`{choice}`" in page for choice in CHOICES)
    assert "run-notes" in (results / "explorer.html").read_text()
    assert "Automatic choices" in (results / "run_notes.html").read_text()
    # The model bundle applies new text as this run did: the values chosen, never auto.
    bundle = yaml.safe_load((results / "model" / "config.yaml").read_text())
    for choice in CHOICES:
        section, key = choice.split(".")
        assert str(bundle[section][key]) == notes[choice]["value"], choice

    # K the ten paragraphs cannot support were not trained, and say why.
    skipped = json.loads((results / "models" / "k20_seed1" / "fit.json").read_text())
    assert "above model.max_k" in skipped["skipped"]
    metrics = pd.read_csv(results / "evaluation" / "metrics.csv")
    assert set(metrics["k"]) == {5}

    topics = pd.read_csv(results / "topics" / "topics.csv", keep_default_na=False)
    assert topics["label"].is_unique
    assert not topics["flags"].str.contains("flat").any()
    # Five articles: too few for correlations, so none are drawn, and the notes say so.
    assert "note" in pd.read_csv(results / "topics" / "topic_correlation.csv").columns
    assert "correlation_too_few_documents" in notes
    representative = pd.read_csv(results / "topics" / "representative_docs.csv")
    assert (representative["share"] >= 0.1).all()


def test_a_single_article_gives_a_clear_note_not_a_crash(workdir, tmp_path):
    corpus = tmp_path / "one"
    corpus.mkdir()
    shutil.copy(SMALL_NEWS / "harbour.txt", corpus)
    # One seed keeps the test short; K and everything else are the defaults.
    write_config(workdir, {"corpus": str(corpus), "model": {"seeds": [1]}})
    run_snakemake(workdir)
    notes = notes_of(workdir / "results")
    assert "not meaningful" in notes["single_article"]["message"]
    assert "k_close_to_documents" in notes
