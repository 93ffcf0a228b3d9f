"""The tokenise and corpus rules in a real snakemake run: shards, attrition, phrases."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from workflow_runner import copy_workflow, run_snakemake, write_config

TARGETS = (
    "results/tokens/tokens.jsonl",
    "results/corpus/dictionary.dict",
    "results/corpus/corpus.mm",
    "results/tokens/attrition.csv",
    "results/tokens/phrases.csv",
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


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def run(tmp_path: Path, name: str, shards: int, corpus: Path) -> Path:
    workdir = copy_workflow(tmp_path / name)
    write_config(
        workdir,
        {
            "corpus": str(corpus),
            "dictionary": {"no_below": 1, "no_above": 1.0, "keep_n": 100000},
            "tokenise": {"shards": shards, "phrases": {"min_count": 2}},
        },
    )
    run_snakemake(workdir, *TARGETS)
    return workdir / "results"


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for number, text in enumerate(ARTICLES):
        (folder / f"{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_one_and_four_shards_give_identical_tokens_and_dictionary(tmp_path, articles):
    one = run(tmp_path, "one", 1, articles)
    four = run(tmp_path, "four", 4, articles)
    for name in ("tokens/tokens.jsonl", "corpus/dictionary.dict", "corpus/corpus.mm"):
        assert (one / name).read_bytes() == (four / name).read_bytes(), name
    for name in ("tokens/attrition.csv", "tokens/phrases.csv"):
        assert (one / name).read_text() == (four / name).read_text(), name

    phrases = {row["phrase"]: row for row in read_csv(one / "tokens/phrases.csv")}
    assert phrases["shanghai_cooperation_organization"]["source"] == "name"
    assert phrases["shanghai_cooperation_organization"]["count"] == "3"
    assert "supreme_national_security_council" in phrases
    assert "united_states" in phrases

    attrition = read_csv(one / "tokens/attrition.csv")
    assert [row["step"] for row in attrition] == [
        "raw",
        "stopwords",
        "filters",
        "phrases",
        "pruning",
    ]
    assert all(int(row["tokens"]) <= int(attrition[0]["tokens"]) for row in attrition)
    excluded = read_csv(one / "corpus/excluded.csv")
    assert len(excluded) == 1 and "tokenising" in excluded[0]["reason"]
    assert attrition[-1]["empty_documents"] == "1"


@pytest.mark.slow
def test_sample_news_keeps_institution_and_place_names(tmp_path, sample_news):
    results = run(tmp_path, "sample", 2, sample_news)
    phrases = {row["phrase"]: row for row in read_csv(results / "tokens/phrases.csv")}
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
    tokens = (results / "tokens/tokens.jsonl").read_text(encoding="utf-8")
    for mangled in ('"unite_state', '"patrush"', '"russia_and_iran', '"iran_and_russia'):
        assert mangled not in tokens
    for kept in ('"sco"', '"brics"', '"patrushev"', '"russia"'):
        assert kept in tokens
