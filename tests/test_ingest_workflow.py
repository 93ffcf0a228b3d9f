"""Ingest in a real snakemake run: a corpus that cannot be read stops with one clear message."""

from __future__ import annotations

import pytest

from workflow_runner import run_snakemake, write_config

pytestmark = pytest.mark.slow


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
