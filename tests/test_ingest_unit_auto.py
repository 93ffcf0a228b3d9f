"""ingest.unit auto: a small corpus is modelled as paragraphs, and the manifest and summary
count the units that were written; a large one, or an explicit unit, is left alone."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd

from defaults import section
from topicpipe.ingest import IngestOptions
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.jsonl import read_jsonl

# Three invented articles of three paragraphs each (long enough to stay apart).
PARAGRAPH = (
    "The {0} council met on {1} to discuss the harbour, the grain market and the new "
    "berths along the channel, and members argued for a long time about the levy."
)


def write_corpus(folder: Path, articles: int) -> None:
    folder.mkdir(parents=True)
    for number in range(articles):
        town = f"Town{number}"
        text = "\n\n".join(PARAGRAPH.format(town, day) for day in ("Monday", "Tuesday", "Friday"))
        (folder / f"article_{number}.txt").write_text(f"News from {town}\n\n{text}\n")


def run(tmp_path: Path, articles: int, paragraphs_below: int | None, **overrides) -> Path:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_corpus(corpus, articles)
    out.mkdir()
    names = ("documents.jsonl", "manifest.csv", "summary.json", "summary.md")
    names += ("duplicates.csv", "boilerplate_removed.csv")
    paths = IngestPaths(*(out / name for name in names))
    options = IngestOptions.from_config(section("ingest", **{"unit": "auto", **overrides}))
    ingest_to_files(corpus, options, paths, logging.getLogger("test"), paragraphs_below)
    return out


def test_few_articles_become_paragraphs_and_every_count_follows(tmp_path):
    out = run(tmp_path, articles=3, paragraphs_below=50)
    documents = list(read_jsonl(out / "documents.jsonl"))
    assert len(documents) == 9 and {d["unit"] for d in documents} == {"paragraph"}
    assert documents[0]["id"] == "article_0#p001" and documents[0]["parent_id"] == "article_0"
    manifest = pd.read_csv(out / "manifest.csv")
    assert manifest["n_units"].tolist() == [3, 3, 3]
    assert manifest["n_documents"].tolist() == [1, 1, 1]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["documents_by_unit"] == {"paragraph": 9}
    assert summary["articles"]["kept"] == 3


def test_enough_articles_or_an_explicit_unit_stay_as_they_are(tmp_path):
    out = run(tmp_path / "a", articles=3, paragraphs_below=3)
    assert {d["unit"] for d in read_jsonl(out / "documents.jsonl")} == {"article"}
    out = run(tmp_path / "b", articles=3, paragraphs_below=50, unit="article")
    assert json.loads((out / "summary.json").read_text())["documents_by_unit"] == {"article": 3}
