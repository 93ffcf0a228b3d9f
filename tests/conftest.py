"""Shared fixtures: a copy of the workflow in a temporary folder, and the shared sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from workflow_runner import ROOT, copy_workflow

SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "sample-news"


@pytest.fixture
def workflow_copy(tmp_path: Path) -> Path:
    """A fresh copy of the workflow to run ``snakemake`` in (see ``workflow_runner``)."""
    return copy_workflow(tmp_path / "workflow")


@pytest.fixture
def sample_news() -> Path:
    """The team's shared sample of real news files; skips the test when it is absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared sample corpus not found at {SHARED_CORPUS}")
    return SHARED_CORPUS
