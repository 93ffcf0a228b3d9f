"""Ingest in real snakemake runs: results follow the corpus (any change under it reruns
ingest and what follows, no change reruns nothing), ids that pandas reads as missing survive
to the held-out split, a skipped file reaches the run notes, and a corpus that cannot be
read stops with one clear message whose audit outlives the failed job."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_ingest_stage import paragraphs

from workflow_runner import run_snakemake, write_config

pytestmark = pytest.mark.slow

SPLIT = "results/evaluation/heldout_split.csv"
ODD_IDS = ["NA", "nan", "null", "None"]


def planned(workdir: Path) -> str:
    """What a dry run of the held-out split would do (snakemake's job table)."""
    result = run_snakemake(workdir, "--dry-run", SPLIT)
    return result.stdout + result.stderr


def test_results_follow_the_corpus_and_odd_ids_survive(workflow_copy, tmp_path):
    corpus = tmp_path / "news"
    nested = corpus / "wire" / "2021" / "story.txt"
    nested.parent.mkdir(parents=True)
    nested.write_text("Quay approved\n\n" + "\n\n".join(paragraphs(1)), encoding="utf-8")
    with open(corpus / "rows.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for number, doc_id in enumerate([*ODD_IDS, "r5", "r6", "r7", "r8", "r9"]):
            writer.writerow([doc_id, " ".join(paragraphs(10 + number))])
    (corpus / "empty.txt").write_bytes(b"")
    # Articles (not auto's paragraphs), so the ids are the ones written.
    overrides = {"corpus": str(corpus), "ingest": {"glob": "*", "unit": "article"}}
    small = {"dictionary": {"no_below": 1, "no_above": 1.0}, "tokenise": {"shards": 1}}
    write_config(workflow_copy, overrides | small)
    run_snakemake(workflow_copy, SPLIT)
    with open(workflow_copy / SPLIT, encoding="utf-8", newline="") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    assert set(ODD_IDS) <= set(ids), ids
    # The empty file reaches the run notes, with the table that says why.
    notes = json.loads((workflow_copy / "results/notes/ingest.json").read_text(encoding="utf-8"))
    skipped = [note for note in notes if note["subject"] == "files_skipped"]
    assert [note["value"] for note in skipped] == ["1 file"]
    assert "empty: 1" in skipped[0]["message"] and "manifest.csv" in skipped[0]["message"]
    assert "Nothing to be done" in planned(workflow_copy)
    # Edited deep in a sub-folder: the corpus folder's own time stamp does not change.
    nested.write_text("Quay approved\n\n" + "\n\n".join(paragraphs(2)), encoding="utf-8")
    plan = planned(workflow_copy)
    assert "Nothing to be done" not in plan
    for rule in ("ingest", "tokenise_scan", "corpus", "heldout_split"):
        assert rule in plan, plan


def test_corpus_of_only_bad_files_stops_with_one_clear_message(workflow_copy, tmp_path):
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "paper.txt").write_bytes(b"%PDF-1.4 binary")
    write_config(workflow_copy, {"corpus": str(corpus)})
    result = run_snakemake(workflow_copy, "results/ingest/manifest.csv", check=False)
    assert result.returncode != 0
    assert "no documents were read from" in result.stderr
    assert "empty" in result.stderr and "binary" in result.stderr
    # The outputs of the failed job are gone; the copy the message names is not.
    kept = workflow_copy / "results" / "logs" / "ingest" / "manifest.csv"
    assert "results/logs/ingest/manifest.csv" in result.stderr
    assert not (workflow_copy / "results" / "ingest" / "manifest.csv").exists()
    assert "binary (PDF document)" in kept.read_text(encoding="utf-8")
