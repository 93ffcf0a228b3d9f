"""The tokenise and corpus stages on files, as their rules run them: shards, attrition, phrases."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

from defaults import section
from tokenise_in_memory import tokenise_settings
from topicpipe.corpus import PruneSettings, build_vocabulary, exclusion_reason, write_corpus
from topicpipe.files import read_json, write_csv, write_json
from topicpipe.ingest import IngestOptions
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.jsonl import read_jsonl, write_jsonl
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.attrition import attrition_rows
from topicpipe.tokenise.stage import (
    PHRASE_FIELDS,
    apply_fitted,
    fit_shards,
    merge_steps,
    merge_tokens,
    phrase_rows,
    scan_shard,
)

# Hand-written articles; the last one has nothing but stopwords and numbers.
ARTICLES = [
    "Iran and Russia\n\nThe Shanghai Cooperation Organization met in Moscow. "
    "Officials from the United States watched the nuclear program talks.",
    "Oil deal\n\nThe Supreme National Security Council of Iran discussed the oil price "
    "with the Shanghai Cooperation Organization and the United States.",
    "Corridor\n\nThe North-South corridor will carry goods from Russia to Iran. "
    "The nuclear program and the oil price were on the agenda.",
    "Talks\n\nRussia's envoy met the Supreme National Security Council in Tehran. "
    "He said the nuclear program talks would resume on Monday.",
    "Sanctions\n\nThe United States extended sanctions; the oil price rose in March.",
    "Summit\n\nLeaders of the Shanghai Cooperation Organization discussed the SCO budget.",
    "Empty\n\nIt was said that they would have been there in 2015 and 2016.",
]
SMALL = {"no_below": 1, "no_above": 1.0, "keep_n": 100000}


def tokenise(documents: Path, folder: Path, shards: int) -> Path:
    """The four tokenise rules on ``documents`` with ``shards`` shards, files in ``folder``."""
    folder.mkdir()
    settings = tokenise_settings(shards=shards, phrases={"min_count": 2})
    scans = [folder / f"{shard}.scan.txt" for shard in range(shards)]
    summaries = []
    for shard, scan in enumerate(scans):
        summaries.append(scan_shard(documents, shard, shards, settings.scanner(), scan))
        write_json(folder / f"{shard}.counts.json", summaries[-1].to_dict())
    fit_shards(scans, summaries, settings).save(folder / "model", settings.scanner())
    fitted = load_tokeniser(folder / "model").fitted
    stats = []
    for shard, scan in enumerate(scans):
        stats.append(apply_fitted(fitted, scan, folder / f"{shard}.tokens.jsonl").to_dict())
        write_json(folder / f"{shard}.stats.json", stats[-1])
    merge_tokens([folder / f"{shard}.tokens.jsonl" for shard in range(shards)], folder / "tokens")
    steps = merge_steps(
        [folder / f"{s}.counts.json" for s in range(shards)],
        [folder / f"{s}.stats.json" for s in range(shards)],
    )
    write_json(folder / "steps.json", steps, indent=1, sort_keys=True)
    write_csv(folder / "phrases.csv", PHRASE_FIELDS, phrase_rows(stats, fitted))
    return folder


def build_corpus(folder: Path) -> tuple[list, list, dict]:
    """The corpus rule on ``folder``/tokens; its kept rows, excluded rows and attrition."""
    counted, dictionary = build_vocabulary(
        (r["tokens"] for r in read_jsonl(folder / "tokens")), PruneSettings.from_config(SMALL)
    )
    dictionary.save(str(folder / "dictionary.dict"))
    documents = ((r["id"], r["tokens"]) for r in read_jsonl(folder / "tokens"))
    kept, excluded = write_corpus(documents, dictionary, folder / "corpus.mm")
    steps = read_json(folder / "steps.json")
    pruning = {"documents": len(kept), "tokens": sum(n for _, n in kept)}
    pruning["vocabulary"] = len(dictionary)
    return kept, excluded, attrition_rows(steps["steps"], steps["documents"], pruning)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_one_and_four_shards_give_identical_tokens_and_dictionary(tmp_path):
    documents = tmp_path / "documents.jsonl"
    write_jsonl(documents, ({"id": f"{i:02d}", "text": t} for i, t in enumerate(ARTICLES)))
    one, four = tokenise(documents, tmp_path / "one", 1), tokenise(documents, tmp_path / "four", 4)
    attrition = {}
    for name, folder in (("one", one), ("four", four)):
        kept, excluded, attrition[name] = build_corpus(folder)
    for name in ("tokens", "dictionary.dict", "corpus.mm", "steps.json", "phrases.csv"):
        assert (one / name).read_bytes() == (four / name).read_bytes(), name
    assert attrition["one"] == attrition["four"]

    phrases = {row["phrase"]: row for row in read_csv(one / "phrases.csv")}
    assert phrases["shanghai_cooperation_organization"]["source"] == "name"
    assert phrases["shanghai_cooperation_organization"]["count"] == "3"
    assert "supreme_national_security_council" in phrases
    assert "united_states" in phrases

    rows = attrition["one"]
    assert [row["step"] for row in rows] == ["raw", "stopwords", "filters", "phrases", "pruning"]
    assert all(row["tokens"] <= rows[0]["tokens"] for row in rows)
    assert [row.doc_id for row in excluded] == ["06"]
    assert "tokenising" in exclusion_reason(excluded[0])
    assert rows[-1]["empty_documents"] == 1


def test_sample_news_keeps_institution_and_place_names(tmp_path, sample_news):
    names = ("documents.jsonl", "manifest.csv", "summary.json", "summary.md", "d.csv", "b.csv")
    paths = IngestPaths(*(tmp_path / name for name in names))
    options = IngestOptions.from_config(section("ingest"))
    ingest_to_files(sample_news, options, paths, logging.getLogger("test"))
    folder = tokenise(tmp_path / "documents.jsonl", tmp_path / "tokens", 2)
    phrases = {row["phrase"]: row for row in read_csv(folder / "phrases.csv")}
    for name in (
        "shanghai_cooperation_organization",
        "supreme_national_security_council",
        "russian_security_council",
        "united_states",
        "west_asia",
        "islamic_republic_of_iran",
        "center_for_strategic_studies",
    ):
        assert phrases[name]["source"] == "name", name
    tokens = (folder / "tokens").read_text(encoding="utf-8")
    for mangled in ('"unite_state', '"patrush"', '"russia_and_iran', '"iran_and_russia'):
        assert mangled not in tokens
    for kept in ('"sco"', '"brics"', '"patrushev"', '"russia"'):
        assert kept in tokens
