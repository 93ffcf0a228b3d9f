"""The sweep: its grid, where each model lives, what it is trained with, and one training job."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from defaults import section
from synthetic_lda import bags_of_words, sample_lda_corpus
from topicpipe.engines import get_engine, load_model
from topicpipe.engines.sweep import (
    engine_params,
    k_values,
    model_name,
    seed_values,
    selected_path,
    sweep_grid,
    sweep_paths,
    training_options,
)
from topicpipe.engines.training import (
    ConvergenceHook,
    Rows,
    followed_rows,
    sweep_convergence,
    train_sweep_model,
)
from topicpipe.evaluate.heldout import heldout_mask


def test_k_as_int_list_or_range():
    assert k_values(10) == [10]
    assert k_values([20, 5, 10]) == [5, 10, 20]
    assert k_values({"from": 5, "to": 20, "by": 5}) == [5, 10, 15, 20]
    with pytest.raises(ValueError, match="model.k"):
        k_values([1, 5])
    with pytest.raises(ValueError, match="model.seeds"):
        seed_values([1, 1])
    grid = sweep_grid({"k": [5, 10], "seeds": [3, 1]})
    assert grid == [(5, 3), (5, 1), (10, 3), (10, 1)]


def test_training_options_leave_out_the_grid_so_a_new_k_retrains_nothing():
    model = section("model", k=[5, 10], seeds=[1, 2])
    engine = model["engine"]
    other = next(name for name in ("gensim", "tomotopy") if name != engine)
    options = training_options(model)
    assert options == training_options({**model, "k": [5, 10, 15], "seeds": [1, 2, 3]})
    # Tuning the engine not in use retrains nothing either.
    assert options == training_options({**model, other: {}})
    assert set(options) == {"engine", engine}
    params = engine_params(options, 10, 2)
    assert (params["num_topics"], params["random_state"]) == (10, 2)
    assert params["iterations"] == model[engine]["iterations"]


def test_every_file_of_every_model_has_one_path_and_the_selected_one_is_found():
    paths = sweep_paths("results/models", {"k": [5, 10], "seeds": [1, 22]})
    assert paths["fit.json"][0] == "results/models/k5_seed1/fit.json"
    assert len(paths["model"]) == 4 and model_name(10, 22) == "k10_seed22"
    chosen = selected_path(paths["doc_topics.npy"], {"k": 10, "seed": 22})
    assert chosen == "results/models/k10_seed22/doc_topics.npy"
    # Seed 2 is not seed 22: a folder name matches whole.
    with pytest.raises(ValueError, match="k10_seed2 is not in the sweep"):
        selected_path(paths["doc_topics.npy"], {"k": 10, "seed": 2})


def test_training_job_follows_convergence_and_saves_the_model_training_left(tmp_path):
    truth = sample_lda_corpus(n_docs=80, n_topics=3, vocab_size=40, mean_length=30, seed=3)
    corpus = bags_of_words(truth)
    options = training_options(
        section("model", engine="gensim", gensim={"passes": 3, "iterations": 50})
    )
    heldout = heldout_mask(len(corpus), 0.2, 0)
    trained = train_sweep_model(
        corpus,
        len(truth.vocabulary),
        heldout,
        engine_params(options, 3, 7),
        0,
        tmp_path / "model",
        logging.getLogger("test"),
    )
    assert list(trained.convergence["pass"]) == [1, 2, 3]
    assert (trained.convergence["heldout_loglik"] < 0).all()
    fit = trained.fit
    assert (fit["model"], fit["k"], fit["seed"]) == ("k3_seed7", 3, 7)
    assert fit["heldout_documents"] == heldout.sum() == 16
    assert fit["heldout_loglik"] == trained.convergence["heldout_loglik"].iloc[-1]
    assert trained.doc_topics.shape == (80, 3)
    # Inference after saving leaves the saved model as training left it.
    np.testing.assert_array_equal(
        load_model(tmp_path / "model").doc_topic_matrix(corpus), trained.doc_topics
    )
    both = sweep_convergence([trained.convergence] * 2, [fit, {**fit, "seed": 8}])
    assert sorted(set(both["seed"])) == [7, 8] and len(both) == 6


def test_convergence_follows_a_fixed_sample_and_the_final_score_takes_every_heldout_document():
    assert followed_rows(8, cap=10).tolist() == list(range(8))
    sample = followed_rows(10_000, cap=1000)
    assert len(sample) == 1000 and sample[0] == 0 and sample[-1] == 9_999
    truth = sample_lda_corpus(n_docs=60, n_topics=3, vocab_size=40, mean_length=30, seed=2)
    corpus = bags_of_words(truth)
    heldout = np.ones(len(corpus), dtype=bool)
    model = get_engine("tomotopy").train(
        corpus[:40], 40, {"num_topics": 3, "random_state": 1, "iterations": 60}
    )
    log = logging.getLogger("test")
    every = ConvergenceHook(Rows(corpus, heldout), 0, log)
    sampled = ConvergenceHook(Rows(corpus, heldout), 0, log, cap=6)
    for hook in (every, sampled):
        hook(60, model)
    assert sampled.history[0]["tokens"] < every.history[0]["tokens"]
    assert sampled.final(model) == every.final(model) == every.last
