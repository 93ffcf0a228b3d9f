"""The gensim engine: a per-pass hook follows training without changing the model."""

from __future__ import annotations

import numpy as np

from defaults import section
from synthetic_lda import bags_of_words, sample_lda_corpus
from topicpipe.engines import get_engine, load_model
from topicpipe.engines.sweep import engine_params, training_options

PARAMS = engine_params(
    training_options(section("model", engine="gensim", gensim={"passes": 4, "iterations": 50})),
    3,
    5,
)


def small_corpus():
    truth = sample_lda_corpus(n_docs=120, n_topics=3, vocab_size=60, mean_length=30, seed=1)
    return bags_of_words(truth), len(truth.vocabulary)


def test_pass_hook_runs_every_pass_and_leaves_the_model_unchanged():
    bows, num_terms = small_corpus()
    engine = get_engine("gensim")
    seen = []

    def hook(n_pass, model):
        # inference inside the hook draws random numbers; training must not notice
        seen.append((n_pass, model.infer(bows[:10]).shape))

    followed = engine.train(bows, num_terms, PARAMS, on_pass=hook)
    plain = engine.train(bows, num_terms, PARAMS)
    assert [n for n, _ in seen] == [1, 2, 3, 4]
    assert all(shape == (10, 3) for _, shape in seen)
    np.testing.assert_array_equal(followed.topic_term_matrix(), plain.topic_term_matrix())


def test_saved_model_with_hook_loads_and_gives_the_same_topics(tmp_path):
    bows, num_terms = small_corpus()
    model = get_engine("gensim").train(bows, num_terms, PARAMS, on_pass=lambda n, m: None)
    model.save(tmp_path / "model")
    loaded = load_model(tmp_path / "model")
    np.testing.assert_array_equal(loaded.topic_term_matrix(), model.topic_term_matrix())
    assert loaded.params["random_state"] == 5


def test_inferred_shares_depend_only_on_the_document(tmp_path):
    """Applying a model to new documents must give each document the same shares whatever
    else is inferred with it, and the same after saving and loading the model."""
    bows, num_terms = small_corpus()
    model = get_engine("gensim").train(bows, num_terms, PARAMS)
    batch = model.infer(bows[:20])
    alone = np.vstack([model.infer([bow]) for bow in reversed(bows[:20])])[::-1]
    np.testing.assert_array_equal(batch, alone)
    model.save(tmp_path / "model")
    np.testing.assert_array_equal(load_model(tmp_path / "model").infer(bows[:20]), batch)
    # Inference does not advance the training random state.
    state = model.model.random_state.get_state()[1].copy()
    model.infer(bows[:5])
    np.testing.assert_array_equal(model.model.random_state.get_state()[1], state)
