"""The outlet-layout fixture set scores at least 95% on every field, and the shared sample
articles are read as before (titles, dates, sources; no author)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml
from test_ingest_formats import run

from workflow_runner import ROOT

THRESHOLD = 0.95


def _scoring():
    path = ROOT / "benchmarks" / "score_metadata.py"
    spec = importlib.util.spec_from_file_location("score_metadata", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_fixture_set_scores_at_least_95_percent_on_every_field():
    scoring = _scoring()
    expected, records = scoring.read_fixtures()
    assert len(expected) >= 40
    assert len({e["outlet"] for e in expected}) >= 20
    title_words = yaml.safe_load((ROOT / "config.yaml").read_text())["ingest"]["layout"]
    result = scoring.score(expected, records, title_words["title_words"])
    low = {f: result.accuracy(f) for f in scoring.FIELDS if result.accuracy(f) < THRESHOLD}
    assert not low, "\n".join([str(low), *result.misses])


def test_sample_news_is_read_as_before(sample_news: Path):
    docs, _, _ = run(sample_news)
    by_file = {Path(d["source_path"]).name[:3]: d for d in docs}
    first_lines = {
        path.name[:3]: path.read_text(encoding="utf-8").split("\n")[0].strip()
        for path in sample_news.glob("*.txt")
    }
    got = {key: (d["date"], d["source"], d["author"]) for key, d in by_file.items()}
    assert got == {
        "000": ("", "Vestnik Kavkaza", ""),
        "001": ("", "", ""),
        "003": ("2016-02-02", "FNA", ""),
    }
    assert by_file["000"]["title"] == first_lines["000"]
    assert by_file["001"]["title"] == first_lines["001"]
    # The outlet prefix ("... NEWS : ") is cut from the third title.
    assert by_file["003"]["title"] == first_lines["003"].split(" : ", 1)[1]


@pytest.mark.parametrize("name", ["README.md", "expected.yaml"])
def test_fixture_folder_documents_itself(name):
    assert (ROOT / "tests" / "data" / "outlets" / name).is_file()
