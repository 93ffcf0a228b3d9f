"""The ingest stage on files (as the rule runs it): a corpus with one file of every bad kind,
plus good ones, and the shared sample of real articles."""

from __future__ import annotations

import codecs
import json
import logging
import os
import random
from pathlib import Path

import pandas as pd
import pytest

from defaults import section
from topicpipe.ingest import IngestError, IngestOptions
from topicpipe.ingest.readers import load_file
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.ingest.summary import accounting_notes

LOG = logging.getLogger("test_ingest_stage")


def ingest(corpus: Path, folder: Path, **overrides) -> Path:
    """Run the ingest stage on ``corpus`` into ``folder`` (the rule's file names)."""
    folder.mkdir(parents=True)
    names = ("documents.jsonl", "manifest.csv", "summary.json", "summary.md")
    names += ("duplicates.csv", "boilerplate_removed.csv")
    paths = IngestPaths(*(folder / name for name in names))
    ingest_to_files(corpus, IngestOptions.from_config(section("ingest", **overrides)), paths, LOG)
    return folder


WORDS = [
    "harbour",
    "quay",
    "grain",
    "ships",
    "board",
    "debate",
    "costs",
    "dredging",
    "market",
    "dock",
    "workers",
    "cargo",
    "town",
    "farmers",
    "plain",
    "wheat",
    "autumn",
    "rains",
    "mayor",
    "pilots",
    "guild",
    "berths",
    "channel",
    "spring",
    "levy",
    "tonne",
    "merchants",
    "season",
    "barley",
    "ferry",
    "tides",
    "crane",
    "warehouse",
    "customs",
    "river",
    "lighthouse",
    "fleet",
]


def paragraphs(seed: int, count: int = 3) -> list[str]:
    """Made-up paragraphs, different for each seed (so good files are not near-duplicates)."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(count)]


def article(title: str, seed: int, extra: str = "") -> str:
    return f"{title}\n\nBy Velin Herald\n{title}\n\n" + "\n\n".join(paragraphs(seed)) + extra


def write_messy_corpus(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the corpus; return file name -> (expected status, words expected in the reason)."""
    folder.mkdir(parents=True)
    (folder / "outlet").mkdir()
    expected = {}

    def put(name: str, data: bytes, status: str, reason: str = "") -> None:
        (folder / name).write_bytes(data)
        expected[name] = (status, reason)

    put("good_utf8.txt", article("Quay approved", 1).encode("utf-8"), "kept")
    put("good_bom.txt", codecs.BOM_UTF8 + article("Berths for pilots", 2).encode(), "kept")
    text16 = article("Channel dredging", 3)
    put("good_utf16.txt", text16.encode("utf-16"), "kept")
    cp = article("Grain prices", 4, " The levy is \xa35 a tonne, officials said.")
    put("good_cp1252.txt", cp.encode("cp1252"), "kept")
    put(
        "outlet/dated.txt",
        (
            b"Wheat leaves by sea\n\nVELIN (PNA)- 2 Feb 2016 - Ships loaded wheat at the new quay "
            b"as the season opened with record tonnage for the plain's farmers and "
            b"merchants.\n\nMore ships are expected.\n\nRelated News:\nFarmers ask for a road\n"
            b"Fish market to close\n"
        ),
        "kept",
    )
    put(
        "repost_of_good.txt",
        ("Quay approved\nNews Code : 99812\n\n" + "\n\n".join(paragraphs(1))).encode(),
        "duplicate",
        "duplicate of good_utf8",
    )
    put("empty.txt", b"", "skipped", "empty")
    put("whitespace.txt", b"  \n\t\r\n  \n", "skipped", "empty")
    put("nul_bytes.txt", b"text\x00with\x00nuls", "skipped", "binary")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "skipped", "PNG")
    put("paper.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "skipped", "PDF")
    put("undecodable.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50, "skipped", "undecodable")
    put("huge.txt", b"word " * 5000, "skipped", "max_bytes")
    put(
        "only_boilerplate.txt",
        b"Share this article\n1,204 views\nFollow us on Twitter\n",
        "skipped",
        "no documents left after cleaning",
    )
    put("notes.md", b"not an article", "skipped", "ingest.glob")
    os.symlink(folder / "gone.txt", folder / "broken_link.txt")
    expected["broken_link.txt"] = ("skipped", "broken symbolic link")
    return expected


def test_every_file_gets_its_fate(tmp_path: Path):
    corpus = tmp_path / "messy"
    expected = write_messy_corpus(corpus)
    results = ingest(corpus, tmp_path / "ingest", max_bytes=20000)

    manifest = pd.read_csv(results / "manifest.csv", dtype=str, keep_default_na=False)
    fates = {
        Path(p).relative_to(corpus).as_posix(): (s, r)
        for p, s, r in zip(manifest["path"], manifest["status"], manifest["reason"], strict=True)
    }
    assert set(fates) == set(expected)
    for name, (status, words) in expected.items():
        assert fates[name][0] == status, (name, fates[name])
        assert words in fates[name][1], (name, fates[name])
    encodings = dict(
        zip(manifest["path"].map(lambda p: Path(p).name), manifest["encoding"], strict=True)
    )
    assert encodings["good_utf16.txt"] == "utf-16"
    assert encodings["good_cp1252.txt"] == "cp1252"

    lines = (results / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    docs = {d["id"]: d for d in map(json.loads, lines)}
    assert sorted(docs) == ["good_bom", "good_cp1252", "good_utf16", "good_utf8", "outlet/dated"]
    assert "£5 a tonne" in docs["good_cp1252"]["text"]
    dated = docs["outlet/dated"]
    assert (dated["title"], dated["date"], dated["source"]) == (
        "Wheat leaves by sea",
        "2016-02-02",
        "PNA",
    )
    assert "Farmers ask for a road" not in dated["text"]
    good = docs["good_utf8"]
    assert (good["title"], good["source"], good["date"]) == ("Quay approved", "Velin Herald", "")
    assert good["text"].count("Quay approved") == 1
    assert all(d["parent_id"] == d["id"] and d["unit"] == "article" for d in docs.values())

    summary = json.loads((results / "summary.json").read_text())
    assert summary["files"]["seen"] == len(expected)
    assert summary["duplicates_removed"]["exact"] == 1
    assert summary["articles"] == summary["articles"] | {"kept": 5, "dated": 1, "undated": 4}
    assert "| files seen | 16 |" in (results / "summary.md").read_text()
    duplicates = pd.read_csv(results / "duplicates.csv")
    assert list(duplicates[["id", "duplicate_of"]].itertuples(index=False, name=None)) == [
        ("repost_of_good", "good_utf8")
    ]
    removed = pd.read_csv(results / "boilerplate_removed.csv")
    assert {"byline", "repeated_title", "dateline", "related_block", "counter"} <= set(
        removed["kind"]
    )


def test_what_was_left_out_reaches_the_run_notes(tmp_path: Path):
    corpus = tmp_path / "messy"
    expected = write_messy_corpus(corpus)
    rows = [{"id": "w1", "text": article("Quay tolls", 7)}, {"id": "w2"}, "not json"]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = ingest(corpus, tmp_path / "ingest", max_bytes=20000, glob="*.[tj]*")
    summary = json.loads((results / "summary.json").read_text())
    notes = {n.subject: n for n in accounting_notes(summary, "the manifest", "the problems")}

    skipped = sum(status == "skipped" for status, _ in expected.values())
    assert notes["files_skipped"].value == f"{skipped} files"
    assert "binary: 3, empty: 2" in notes["files_skipped"].message
    assert "the manifest" in notes["files_skipped"].message
    assert notes["bad_records"].value == "2 records"
    assert "the problems" in notes["bad_records"].message
    assert "ingest.columns" in notes["bad_records"].override
    assert {n.kind for n in notes.values()} == {"warning"}

    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text(article("Quay approved", 1), encoding="utf-8")
    summary = json.loads((ingest(clean, tmp_path / "clean_out") / "summary.json").read_text())
    assert accounting_notes(summary, "m", "p") == []


def test_corpus_of_only_bad_files_names_every_reason_and_the_fix(tmp_path: Path):
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "paper.txt").write_bytes(b"%PDF-1.4 binary")
    with pytest.raises(IngestError, match="no documents were read from") as error:
        ingest(corpus, tmp_path / "ingest")
    assert "empty" in str(error.value) and "binary" in str(error.value)
    assert "manifest.csv" in str(error.value) and "ingest.glob" in str(error.value)
    manifest = pd.read_csv(tmp_path / "ingest" / "manifest.csv")
    assert set(manifest["status"]) == {"skipped"}


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("some words", encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert load_file(path, 1000).reason == "unreadable (Permission denied)"


def test_sample_news_titles_dates_sources(tmp_path: Path, sample_news: Path):
    results = ingest(sample_news, tmp_path / "ingest")
    lines = (results / "documents.jsonl").read_text().splitlines()
    docs = [json.loads(line) for line in lines]
    assert len(docs) == len(list(sample_news.glob("*.txt")))
    for doc in docs:
        assert doc["title"] and len(doc["title"].split()) < 20
        assert doc["text"].count(doc["title"]) == 1
        assert "\u201c" not in doc["text"] and "\u00a0" not in doc["text"]
        assert doc["date"] == "" or doc["date"][:2] == "20"
