"""The real `snakemake` command on small corpora: outputs, their content, reruns, provenance."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from interruption import add_makefile, comparable, resume_command, run_until
from PIL import Image

from topicpipe.provenance import workflow_hash
from workflow_runner import PROFILE, copy_workflow, run_snakemake, write_config

pytestmark = pytest.mark.slow

# Two themes a reader can tell apart, written for this test (not taken from any article).
THEMES = {
    "harbour": "harbour pilot cargo ship breakwater tide crane container quay captain dock vessel",
    "orchard": "orchard grower apple pear frost cider barn harvest tree blossom ladder basket",
}
FILLER = ["the", "a", "of", "and", "in", "on", "with", "after", "before", "while", "during"]


def article(theme: str, number: int) -> str:
    """A distinct article: theme words in a seeded order, so no two are near-duplicates."""
    rng = random.Random(f"{theme}-{number}")
    words = THEMES[theme].split()
    sentences = []
    for _ in range(8):
        chosen = rng.sample(words, 6) + rng.sample(FILLER, 3)
        rng.shuffle(chosen)
        sentences.append(" ".join(chosen).capitalize() + ".")
    return " ".join(sentences)


# Explicit values where this corpus would get automatic ones (whole articles, a held-out
# document for the convergence curve): a user's setting always wins over auto.
SMALL_MODEL = {
    "ingest": {"unit": "article"},
    "dictionary": {"no_below": 1, "no_above": 1.0},
    "evaluation": {"heldout_fraction": 0.1},
    "model": {"k": 2, "seeds": [7], "tomotopy": {"iterations": 200}},
}


def write_tiny_corpus(folder: Path) -> list[Path]:
    """Eight articles (four per theme) in two sub-folders, plus one empty file."""
    files = []
    for i in range(4):
        for theme in THEMES:
            path = folder / theme / f"{theme}_{i}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            body = article(theme, i)
            path.write_text(f"{theme.title()} news number {i}\n\n{body}\n", encoding="utf-8")
            files.append(path)
    empty = folder / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    files.append(empty)
    return files


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    """One run of the whole workflow on the tiny corpus, shared by the tests below (none
    changes its results)."""
    tmp_path = tmp_path_factory.mktemp("tiny")
    workdir = copy_workflow(tmp_path / "workflow")
    corpus = tmp_path / "corpus"
    files = write_tiny_corpus(corpus)
    write_config(workdir, {"corpus": str(corpus), **SMALL_MODEL})
    run_snakemake(workdir)
    return workdir, corpus, files


def test_tiny_corpus_outputs_and_content(tiny_run):
    workdir, corpus, files = tiny_run
    results = workdir / "results"

    manifest = pd.read_csv(results / "ingest" / "manifest.csv")
    assert sorted(manifest["path"]) == sorted(str(f) for f in files)
    fate = manifest.set_index("path")
    assert fate.loc[str(corpus / "empty.txt"), "status"] == "skipped"
    assert "empty" in fate.loc[str(corpus / "empty.txt"), "reason"]
    assert (manifest["status"] == "kept").sum() == 8

    doc_topics = pd.read_csv(results / "topics" / "doc_topics.csv")
    shares = doc_topics.filter(regex=r"^topic_\d+$").to_numpy()
    assert shares.shape == (8, 2)
    np.testing.assert_allclose(shares.sum(axis=1), 1.0, atol=1e-6)
    # The two themes land in different topics.
    dominant = doc_topics.set_index("id")["dominant_topic"]
    harbour = {dominant[i] for i in dominant.index if i.startswith("harbour/")}
    orchard = {dominant[i] for i in dominant.index if i.startswith("orchard/")}
    assert len(harbour) == 1 and len(orchard) == 1 and harbour != orchard

    terms = pd.read_csv(results / "topics" / "topic_terms.csv")
    assert list(terms.columns[:4]) == ["topic", "rank", "term", "weight"]
    top = terms[terms["rank"] <= 5].groupby("topic")["term"].apply(set)
    harbour_words, orchard_words = (set(THEMES[t].split()) for t in THEMES)
    assert any(len(harbour_words & words) >= 4 for words in top)
    assert any(len(orchard_words & words) >= 4 for words in top)

    for figure in ("topic_terms", "doc_topics"):
        for suffix in (".png", ".svg"):
            assert (results / "figures" / f"{figure}{suffix}").stat().st_size > 1000

    final = json.loads((results / "model" / "topic_model" / "engine.json").read_text())
    assert final["engine"] == "tomotopy"
    convergence = pd.read_csv(results / "models" / "k2_seed7" / "convergence.csv")
    assert list(convergence["pass"]) == [50, 100, 150, 200]

    provenance = json.loads((results / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["config"]["corpus"] == str(corpus)
    assert provenance["packages"]["gensim"] == "4.4.0"
    assert provenance["packages"]["tomotopy"] == "0.14.0"
    assert set(provenance["inputs"]) == {str(f) for f in files}
    assert all(len(digest) == 64 for digest in provenance["inputs"].values())
    assert provenance["code"]["workflow_sha256"] == workflow_hash(workdir)
    assert provenance["code"]["git_commit"] is None  # a copy outside any git checkout


def test_second_run_is_a_no_op(tiny_run):
    workdir, _, _ = tiny_run
    dry = run_snakemake(workdir, "-n")
    assert "Nothing to be done" in dry.stdout + dry.stderr


# Where the interruption test kills the run: in every stage, each point after the one before
# (with --cores 1 these jobs run one after another), alternately while a job runs (its log
# has appeared) and just after it wrote an output (before Snakemake saw it finish).
KILL_POINTS = [
    "results/ingest/documents.jsonl",
    "results/logs/tokenise_scan/1.log",
    "results/tokens/steps.json",
    "results/logs/corpus.log",
    "results/logs/models/k2_seed7.log",
    "results/evaluation/metrics.csv",
    "results/model/topic_model/engine.json",
    "results/logs/topics.log",
    "results/dynamics/rise_fall.md",
    "results/figures/dynamics_term_trajectories.png",
]


def test_a_run_killed_in_every_stage_resumes_to_the_same_bytes(tiny_run, tmp_path):
    """SIGKILL of the whole run at each point, `make resume` after each: the results equal
    those of the uninterrupted reference run byte for byte, though this run also uses
    --cores 1 (the reference 2) and 3 tokenise shards (the reference 2)."""
    reference, corpus, _ = tiny_run
    workdir = copy_workflow(tmp_path / "workflow")
    add_makefile(workdir)
    write_config(workdir, {"corpus": str(corpus), **SMALL_MODEL, "tokenise": {"shards": 3}})
    start = [sys.executable, "-m", "snakemake", "--workflow-profile", PROFILE, "--cores", "1"]
    run_until(start, workdir, workdir / KILL_POINTS[0])

    # The next command a user types is told how to resume, before Snakemake's own error.
    after_kill = run_snakemake(workdir, "-n", check=False)
    assert after_kill.returncode != 0
    assert "`make resume`" in after_kill.stdout.split("Exception")[0]

    for point in KILL_POINTS[1:]:
        assert not (workdir / point).exists(), point
        run_until(resume_command(cores=1), workdir, workdir / point)
    finished = subprocess.run(resume_command(cores=1), cwd=workdir, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stdout[-3000:]
    resumed, clean = comparable(workdir / "results"), comparable(reference / "results")
    assert sorted(resumed) == sorted(clean)
    assert [name for name in clean if resumed[name] != clean[name]] == []


def test_k_above_the_documents_stops_before_that_model_trains(tiny_run, tmp_path):
    """A copy of the finished tiny run (7 training documents) asked for K = 20 as well, with
    a model.max_k that lets it train (under auto it would be skipped)."""
    workdir = shutil.copytree(tiny_run[0], tmp_path / "workflow", symlinks=True)
    grid = 'model={"k": [2, 20], "max_k": 20}'
    result = run_snakemake(workdir, "--config", grid, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "model.k: K = 20 is more than the 7 documents the models are trained on" in output
    assert "model.max_k (20) lets it train" in output
    assert """--config 'model={"k": [2]}'""" in output
    assert not (workdir / "results" / "models" / "k20_seed7").exists()


def test_new_labels_rerun_the_topics_but_no_model(tiny_run, tmp_path):
    """New topic_labels rerun check_sweep (which checks them against the K that train); the
    models take its output as ancient() and stay, and the topics still take the labels."""
    workdir = shutil.copytree(tiny_run[0], tmp_path / "workflow", symlinks=True)
    dry = run_snakemake(workdir, "-n", "--config", 'topic_labels={1: "Harbour"}')
    jobs = (dry.stdout + dry.stderr).split("Job stats:")[1].split("total")[0]
    assert "check_sweep" in jobs and "topics" in jobs and "explorer" in jobs
    assert "train_model" not in jobs


def test_missing_corpus_stops_with_a_clear_message(workflow_copy: Path, tmp_path: Path):
    write_config(workflow_copy, {"corpus": str(tmp_path / "no-such-folder")})
    result = run_snakemake(workflow_copy, check=False)
    assert result.returncode != 0
    assert "no-such-folder" in result.stderr
    assert "does not exist" in result.stderr


def test_shared_sample_news(workflow_copy: Path, sample_news: Path):
    """Real articles through to their topic shares and figure (the tiny run above covers every
    other output): only the outputs checked here are asked for."""
    write_config(workflow_copy, {"corpus": str(sample_news), **SMALL_MODEL})
    run_snakemake(workflow_copy, "results/topics/doc_topics.csv", "results/figures/doc_topics.png")
    results = workflow_copy / "results"
    manifest = pd.read_csv(results / "ingest" / "manifest.csv")
    assert len(manifest) == len(list(sample_news.glob("*.txt")))
    doc_topics = pd.read_csv(results / "topics" / "doc_topics.csv")
    assert len(doc_topics) >= 3
    shares = doc_topics.filter(regex=r"^topic_\d+$").to_numpy()
    np.testing.assert_allclose(shares.sum(axis=1), 1.0, atol=1e-6)
    assert (results / "figures" / "doc_topics.png").exists()


def test_figures_print_legibly_and_explorer_holds_the_documents(tiny_run):
    workdir, _, _ = tiny_run
    results = workdir / "results"
    logs = "".join(p.read_text() for p in (results / "logs").glob("figure_*.log"))
    # No figure has text that would print under 7 pt at the default page width.
    assert "prints at" not in logs
    # One K and one seed: the metrics figure says so instead of comparing nothing.
    assert "one model trained" in logs
    with Image.open(results / "figures" / "topic_terms.png") as image:
        assert image.width / image.info["dpi"][0] <= 6.5 + 0.05
    page = (results / "explorer.html").read_text(encoding="utf-8")
    data = json.loads(page.split('id="explorer-data">')[1].split("</script>")[0])
    assert len(data["topics"]) == 2
    assert {i.split("/")[0] for i in data["documents"]} == {"harbour", "orchard"}
    assert all(d["text"] and not d["cut"] for d in data["documents"].values())
    harbour = set(THEMES["harbour"].split())
    assert any(harbour & {t for t, _ in terms} for terms in data["terms"].values())


# --- Applying the trained model to new articles (`snakemake apply`, python -m topicpipe.apply)

# Training shares are written with 6 significant digits; the apply path must reproduce them
# to that precision (README, "Applying a model to new articles").
APPLY_TOLERANCE = 1e-6


def topic_shares(path: Path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"id": str})
    return table.set_index("id").filter(regex=r"^topic_\d+$")


def test_apply_to_the_training_corpus_reproduces_its_shares(tiny_run):
    workdir, corpus, _ = tiny_run
    config = f"apply_corpus={corpus}"
    planned = run_snakemake(workdir, "-n", "apply", "--config", config)
    # Only the apply jobs run: the trained bundle is up to date and nothing is retrained.
    assert "apply_model" in planned.stdout
    for rule in ("train_model", "model_bundle", "topics", "ingest", "figure_doc_topics"):
        assert f"rule {rule}:" not in planned.stdout, rule
    run_snakemake(workdir, "apply", "--config", config)

    results = workdir / "results"
    applied = results / "apply" / "corpus"
    training = pd.read_csv(results / "topics" / "doc_topics.csv")
    assert pd.read_csv(applied / "doc_topics.csv").columns.tolist() == training.columns.tolist()
    before, after = (
        topic_shares(results / "topics" / "doc_topics.csv"),
        topic_shares(applied / "doc_topics.csv"),
    )
    assert list(after.index) == list(before.index)
    assert np.abs(after.to_numpy() - before.to_numpy()).max() <= APPLY_TOLERANCE
    assert (applied / "article_topics.csv").exists() and (applied / "manifest.csv").exists()
    bundle = json.loads((results / "model" / "bundle.json").read_text(encoding="utf-8"))
    assert {"topic_model/engine.json", "tokeniser/tokeniser.json", "dictionary.dict"} <= set(
        bundle["files"]
    )


def test_apply_to_a_dated_folder_of_new_articles(tiny_run, tmp_path):
    workdir, _, _ = tiny_run
    new = tmp_path / "new_articles"
    for i, month in enumerate(["01", "01", "03"]):
        for theme in THEMES:
            path = new / f"{theme}_{i}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            body = article(theme, 100 + i)
            path.write_text(f"{theme.title()} report {i}\n2022-{month}-1{i}\n\n{body}\n")
    (new / "unknown.txt").write_text("Quixotic zeppelin marmalade.\n", encoding="utf-8")
    run_snakemake(workdir, "apply", "--config", f"apply_corpus={new}")

    applied = workdir / "results" / "apply" / "new_articles"
    doc_topics = pd.read_csv(applied / "doc_topics.csv").set_index("id")
    assert len(doc_topics) == 6
    dominant = doc_topics["dominant_topic"]
    assert len({dominant[f"harbour_{i}"] for i in range(3)}) == 1
    assert {dominant["harbour_0"]} != {dominant["orchard_0"]}
    excluded = pd.read_csv(applied / "excluded.csv")
    assert list(excluded["id"]) == ["unknown"]
    assert "model's vocabulary" in excluded["reason"].iloc[0]
    prevalence = pd.read_csv(applied / "prevalence_time.csv")
    counts = prevalence.groupby("period")["n_documents"].first()
    assert counts.to_dict() == {"2022-01": 4, "2022-02": 0, "2022-03": 2}


def test_apply_to_a_table_file_and_from_a_copied_bundle_outside_snakemake(tiny_run, tmp_path):
    workdir, _, _ = tiny_run
    rows = [{"doc": f"{t}-{i}", "body": article(t, 200 + i)} for i in range(2) for t in THEMES]
    table = tmp_path / "batch.csv"
    pd.DataFrame(rows).to_csv(table, index=False)
    reading = 'apply_ingest={"columns": {"id": "doc", "text": "body"}}'
    run_snakemake(
        workdir, "apply", "--config", f"apply_corpus={table}", "apply_name=spring", reading
    )
    applied = workdir / "results" / "apply" / "spring"
    assert sorted(pd.read_csv(applied / "doc_topics.csv")["id"]) == sorted(r["doc"] for r in rows)

    # The bundle alone, copied elsewhere, gives byte-identical tables.
    bundle = shutil.copytree(workdir / "results" / "model", tmp_path / "elsewhere" / "model")
    command = [sys.executable, "-m", "topicpipe.apply", str(bundle), str(table), "out"]
    command += ["--column", "id=doc", "--column", "text=body"]
    env = {**os.environ, "PYTHONPATH": str(workdir / "scripts")}
    subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True)
    for name in ("doc_topics.csv", "article_topics.csv", "excluded.csv", "prevalence_time.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (applied / name).read_bytes(), name

    missing = run_snakemake(workdir, "-n", "apply", check=False)
    assert missing.returncode != 0
    assert "apply_corpus: no new corpus given" in missing.stdout + missing.stderr
