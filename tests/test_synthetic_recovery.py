"""On corpora sampled from a known LDA model, the sweep picks the true K and recovers its topics."""

from __future__ import annotations

import numpy as np
import pytest
from gensim.corpora import Dictionary

from defaults import section
from synthetic_lda import sample_lda_corpus
from topicpipe.engines import get_engine
from topicpipe.engines.sweep import engine_params, training_options
from topicpipe.evaluate.scoring import FittedModel, reference_counts, score_sweep, top_term_ids
from topicpipe.evaluate.selection import select_model
from topicpipe.evaluate.stability import match_topics

K_TRUE = 6
OPTIONS = training_options(
    section("model", engine="gensim", gensim={"passes": 10, "iterations": 50})
)
SETTINGS = {
    "top_n": 10,
    "npmi_window": 10,
    "cv_window": 110,
    "window_counting": "gensim",
    "stability_threshold": 0.5,
}
RULE = {"rule": "stable_best", "metric": "npmi", "min_stability": 0.6, "tolerance": 0.0}


@pytest.fixture(scope="module")
def sweep():
    """A K x seed sweep on 1,000 sampled documents: metrics, selection, models, truth.
    (2,000 took twice as long and gave the same choice, K = 6, with every true topic matched
    at a cosine of 0.99 or more at either size.)"""
    truth = sample_lda_corpus(
        n_docs=1000, n_topics=K_TRUE, vocab_size=400, mean_length=60, alpha=0.1, eta=0.05, seed=7
    )
    dictionary = Dictionary(truth.texts)
    bows = [dictionary.doc2bow(text) for text in truth.texts]
    engine = get_engine("gensim")
    models = []
    for k in range(K_TRUE - 2, K_TRUE + 3):
        for seed in (1, 2, 3):
            params = engine_params(OPTIONS, k, seed)
            model = engine.train(bows, len(dictionary), params)
            models.append(
                FittedModel(
                    f"k{k}_seed{seed}",
                    k,
                    seed,
                    model.topic_term_matrix(),
                    model.doc_topic_matrix(bows),
                )
            )
    words = {int(w) for m in models for w in top_term_ids(m.phi, SETTINGS["top_n"]).ravel()}
    counts = reference_counts(
        lambda: truth.texts, lambda: bows, dictionary.token2id, words, SETTINGS
    )
    lengths = np.array([sum(c for _, c in bow) for bow in bows])
    term_counts = np.array([dictionary.cfs[i] for i in range(len(dictionary))])
    metrics, _ = score_sweep(models, counts, lengths, term_counts, SETTINGS)
    selection = select_model(metrics, {**RULE, "k": None, "seed": None})
    # The true topics over the dictionary's term ids.
    columns = [truth.vocabulary.index(dictionary[i]) for i in range(len(dictionary))]
    true_phi = truth.phi[:, columns]
    return metrics, selection, {m.name: m for m in models}, true_phi


def test_sweep_selects_the_true_number_of_topics(sweep):
    metrics, selection, _, _ = sweep
    assert abs(selection["k"] - K_TRUE) <= 1, metrics.to_string()


def test_chosen_model_recovers_the_true_topics(sweep):
    _, selection, models, true_phi = sweep
    chosen = models[selection["model"]]
    _, similarity = match_topics(true_phi, chosen.phi)
    assert similarity[similarity > 0].mean() >= 0.9
    if chosen.k == K_TRUE:
        assert similarity.min() >= 0.8


def test_too_few_topics_lose_coherence(sweep):
    """With K_TRUE - 2 topics, true topics are merged and their top terms rarely co-occur."""
    npmi = sweep[0].groupby("k")["npmi"].mean()
    assert npmi[K_TRUE] > npmi[K_TRUE - 2]
