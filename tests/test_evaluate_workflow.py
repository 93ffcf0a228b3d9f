"""The sweep in the real workflow: one job per (K, seed), metrics, selection, final model."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from synthetic_lda import sample_lda_corpus
from workflow_runner import run_snakemake, write_config

pytestmark = pytest.mark.slow


def write_corpus(path, n_docs=150):
    """A one-document-per-line corpus sampled from a 3-topic model over made-up words."""
    rng = np.random.default_rng(0)
    letters = np.array(list("bcdfghjklmnprstvz"))
    vowels = np.array(list("aeiou"))
    words = []
    while len(words) < 60:
        word = "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(3))
        if word not in words:
            words.append(word)
    truth = sample_lda_corpus(n_docs, n_topics=3, vocab_size=60, mean_length=40, seed=2)
    lookup = dict(zip(truth.vocabulary, words, strict=True))
    path.write_text("\n".join(" ".join(lookup[w] for w in t) for t in truth.texts) + "\n")
    return path


def test_sweep_trains_every_model_and_the_final_model_is_the_selected_one(workflow_copy):
    corpus = write_corpus(workflow_copy / "corpus.txt")
    write_config(
        workflow_copy,
        {
            "corpus": str(corpus),
            "dictionary": {"no_below": 2, "no_above": 0.9},
            # The gensim engine end to end (the default engine runs in test_workflow_end_to_end).
            "model": {
                "engine": "gensim",
                "k": [2, 3],
                "seeds": [1, 2],
                "gensim": {"passes": 5, "iterations": 50},
            },
        },
    )
    run_snakemake(
        workflow_copy, "results/model/topic_model", "results/figures/evaluation_metrics_by_k.png"
    )
    results = workflow_copy / "results"
    metrics = pd.read_csv(results / "evaluation" / "metrics.csv")
    assert sorted(zip(metrics["k"], metrics["seed"], strict=True)) == [
        (2, 1),
        (2, 2),
        (3, 1),
        (3, 2),
    ]
    assert metrics[["npmi", "c_v", "u_mass", "heldout_loglik", "stability"]].notna().all().all()
    assert len(list((results / "benchmarks" / "models").glob("*.tsv"))) == 4
    selected = json.loads((results / "selection" / "selected.json").read_text())
    assert selected["rule"]["rule"] == "stable_best"
    final = json.loads((results / "model" / "topic_model" / "engine.json").read_text())
    chosen = json.loads(
        (results / "models" / selected["model"] / "model" / "engine.json").read_text()
    )
    assert final == chosen
    assert (
        final["num_topics"] == selected["k"] and final["params"]["random_state"] == selected["seed"]
    )
    assert final["engine"] == "gensim" and final["params"]["passes"] == 5
    topics = pd.read_csv(results / "evaluation" / "topic_metrics.csv")
    assert len(topics) == 2 * 2 + 3 * 2
