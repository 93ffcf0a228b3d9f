"""A model bundle trained in-process on a tiny two-theme corpus, with the package's stage
functions (the steps the workflow runs, without Snakemake), for the apply tests."""

from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import Any

import pandas as pd
from gensim.corpora import MmCorpus

from defaults import CONFIG, deep_merge
from topicpipe.adapt import chosen_settings, unit_notes
from topicpipe.apply.bundle import write_bundle
from topicpipe.apply.layout import MODEL_DIR
from topicpipe.corpus import PruneSettings, build_vocabulary, write_corpus
from topicpipe.engines import get_engine
from topicpipe.engines.sweep import engine_params, training_options
from topicpipe.ingest import IngestOptions
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.jsonl import read_jsonl
from topicpipe.tokenise import Settings
from topicpipe.tokenise.stage import apply_fitted, fit_shards, scan_shard

LOG = logging.getLogger("tiny_bundle")

# Two themes a reader can tell apart, written for these tests.
THEMES = {
    "glacier": "glacier crevasse moraine icefield meltwater summit rope climber serac snowfield",
    "bakery": "bakery dough oven loaf flour yeast crust baker pastry croissant",
}
FILLER = ["the", "a", "of", "and", "in", "with", "after", "while"]
SMALL = {
    # Articles, unless a test leaves the unit at auto (eight articles then give paragraphs).
    "ingest": {"unit": "article"},
    "dictionary": {"no_below": 1, "no_above": 1.0},
    # Either engine, settings small enough for eight short articles.
    "model": {
        "k": 2,
        "seeds": [7],
        "tomotopy": {"iterations": 200},
        "gensim": {"passes": 10, "iterations": 100},
    },
}


def sentence(rng: random.Random, theme: str) -> str:
    """Six words of ``theme`` and two filler words, seeded, as one sentence."""
    words = rng.sample(THEMES[theme].split(), 6) + rng.sample(FILLER, 2)
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def paragraph(theme: str, seed: str, sentences: int = 5) -> str:
    """A distinct paragraph about ``theme`` (seeded, so no two are near-duplicates)."""
    rng = random.Random(seed)
    return " ".join(sentence(rng, theme) for _ in range(sentences))


def write_articles(folder: Path, count: int = 4, prefix: str = "") -> None:
    """``count`` articles per theme under ``folder/<theme>/``, two paragraphs each."""
    for theme in THEMES:
        for i in range(count):
            path = folder / theme / f"{prefix}{theme}_{i}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            body = "\n\n".join(paragraph(theme, f"{prefix}{theme}{i}p{j}") for j in range(2))
            path.write_text(f"{theme.title()} story {prefix}{i}\n\n{body}\n", encoding="utf-8")


def build_bundle(workdir: Path, **overrides: Any) -> tuple[Path, Path, Path]:
    """Train on a tiny corpus in ``workdir`` and assemble its bundle; return the bundle
    folder, the training corpus and the training corpus's topic shares (``doc_topics.csv``
    columns ``id`` and ``topic_NN``, as the model's training job infers them). ``overrides``
    are config sections merged into the defaults (``model={"engine": "gensim"}``); the
    unit chosen for ``ingest.unit`` auto goes into the bundle as the workflow's does."""
    config = deep_merge(deep_merge(CONFIG, SMALL), overrides)
    corpus = workdir / "corpus"
    write_articles(corpus)
    ingest = workdir / "ingest"
    ingest.mkdir(parents=True)
    names = ("documents.jsonl", "manifest.csv", "summary.json", "summary.md", "d.csv", "b.csv")
    paths = IngestPaths(*(ingest / name for name in names))
    paragraphs_below = config["adapt"]["paragraphs_below"]
    summary = ingest_to_files(
        corpus, IngestOptions.from_config(config["ingest"]), paths, LOG, paragraphs_below
    )
    chosen = chosen_settings(
        unit_notes(
            config["ingest"]["unit"],
            summary["articles"]["kept"],
            summary["documents_by_unit"],
            paragraphs_below,
        )
    )

    settings = Settings.from_config(config["tokenise"])
    tokens = workdir / "tokens"
    tokens.mkdir()
    scan = tokens / "0.scan.txt"
    summary = scan_shard(paths.documents, 0, 1, settings.scanner(), scan)
    fitted = fit_shards([scan], [summary], settings)
    fitted.save(tokens / "model", settings.scanner())
    apply_fitted(fitted, scan, tokens / "tokens.jsonl")

    records = list(read_jsonl(tokens / "tokens.jsonl"))
    _, dictionary = build_vocabulary(
        (r["tokens"] for r in records), PruneSettings.from_config(config["dictionary"])
    )
    dictionary.save(str(workdir / "dictionary.dict"))
    kept, _ = write_corpus(((r["id"], r["tokens"]) for r in records), dictionary, workdir / "c.mm")
    bows = MmCorpus(str(workdir / "c.mm"))
    params = engine_params(training_options(config["model"]), 2, 7)
    model = get_engine(config["model"]["engine"]).train(bows, len(dictionary), params)

    bundle = workdir / "bundle"
    model.save(bundle / MODEL_DIR)
    topics = workdir / "topics.csv"
    # The second topic as if a guardrail had flagged it in training.
    labels = {"topic": [1, 2], "label": ["first theme", "second theme"], "flags": ["", "flat"]}
    pd.DataFrame(labels).to_csv(topics, index=False)
    selected = {"model": "k2_seed7", "k": 2, "seed": 7, "rule": "fixed"}
    write_bundle(
        bundle, tokens / "model", workdir / "dictionary.dict", topics, config, selected, chosen
    )

    theta = model.doc_topic_matrix(bows)
    shares = pd.DataFrame(theta, columns=[f"topic_{k + 1:02d}" for k in range(theta.shape[1])])
    shares.insert(0, "id", [doc_id for doc_id, _ in kept])
    training = workdir / "training_doc_topics.csv"
    shares.to_csv(training, index=False, float_format="%.6g")
    return bundle, corpus, training
