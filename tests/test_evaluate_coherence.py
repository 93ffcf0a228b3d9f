"""Our coherence scores equal gensim's CoherenceModel on the same texts and topics."""

from __future__ import annotations

import numpy as np
import pytest
from gensim.corpora import Dictionary
from gensim.models.coherencemodel import CoherenceModel

from synthetic_lda import sample_lda_corpus
from topicpipe.evaluate import coherence
from topicpipe.evaluate.cooccurrence import count_documents, count_windows


@pytest.fixture(scope="module")
def reference():
    """Texts with repeated words, short texts and words outside the dictionary."""
    corpus = sample_lda_corpus(
        n_docs=300, n_topics=4, vocab_size=120, mean_length=40, alpha=0.2, eta=0.1, seed=3
    )
    texts = [list(t) for t in corpus.texts]
    texts[0] = texts[0][:3]  # shorter than every window
    texts[1] = texts[1] + ["oov_token"] * 5  # out-of-dictionary tokens keep their places
    dictionary = Dictionary(texts)
    dictionary.filter_tokens(bad_ids=[dictionary.token2id["oov_token"]])
    bows = [dictionary.doc2bow(t) for t in texts]
    order = np.argsort(-corpus.phi, axis=1)[:, :10]
    topics = [[corpus.vocabulary[w] for w in row] for row in order]
    topics.append(topics[0][:5] + topics[1][:5])  # a mixed, incoherent topic
    return texts, dictionary, bows, topics


def gensim_scores(texts, dictionary, bows, topics, measure, window=None):
    model = CoherenceModel(
        topics=topics,
        texts=texts,
        corpus=bows,
        dictionary=dictionary,
        coherence=measure,
        window_size=window,
        processes=1,
    )
    return np.array(model.get_coherence_per_topic()), model.get_coherence()


@pytest.mark.parametrize(
    ("ours", "theirs", "window"),
    [("npmi", "c_npmi", 10), ("c_v", "c_v", 110), ("npmi", "c_npmi", 4), ("c_v", "c_v", 20)],
)
def test_window_measures_equal_gensim(reference, ours, theirs, window):
    texts, dictionary, bows, topics = reference
    ids = [[dictionary.token2id[w] for w in topic] for topic in topics]
    counts = count_windows(
        texts, dictionary.token2id, {i for t in ids for i in t}, window, "gensim"
    )
    expected_per_topic, expected_mean = gensim_scores(
        texts, dictionary, bows, topics, theirs, window
    )
    scores = coherence.MEASURES[ours](counts, ids)
    np.testing.assert_allclose(scores, expected_per_topic, rtol=1e-9, atol=1e-12)
    assert scores.mean() == pytest.approx(expected_mean, rel=1e-9)


def test_umass_equals_gensim(reference):
    texts, dictionary, bows, topics = reference
    ids = [[dictionary.token2id[w] for w in topic] for topic in topics]
    counts = count_documents(bows, {i for t in ids for i in t})
    expected, _ = gensim_scores(texts, dictionary, bows, topics, "u_mass")
    np.testing.assert_allclose(coherence.u_mass(counts, ids), expected, rtol=1e-9)


def test_counts_shared_by_union_give_each_models_scores(reference):
    """Counting once for the union of two models' words changes neither model's scores."""
    texts, dictionary, bows, topics = reference
    ids = [[dictionary.token2id[w] for w in topic] for topic in topics]
    first, second = ids[:2], ids[2:]
    union = count_windows(texts, dictionary.token2id, {i for t in ids for i in t}, 10, "gensim")
    alone = count_windows(texts, dictionary.token2id, {i for t in first for i in t}, 10, "gensim")
    np.testing.assert_array_equal(coherence.npmi(union, first), coherence.npmi(alone, first))
    assert coherence.npmi(union, second).shape == (len(second),)


def test_coherent_topics_score_above_a_mixed_one(reference):
    texts, dictionary, _, topics = reference
    ids = [[dictionary.token2id[w] for w in topic] for topic in topics]
    counts = count_windows(texts, dictionary.token2id, {i for t in ids for i in t}, 10, "gensim")
    scores = coherence.npmi(counts, ids)
    assert scores[-1] < scores[:-1].min()


def test_boolean_windows_count_every_window_holding_a_word():
    dictionary = Dictionary([["a", "b", "c"]])
    ids = [dictionary.token2id[w] for w in "abc"]
    text = [["a", "b", "a", "c"]]
    exact = count_windows(text, dictionary.token2id, ids, 3, method="boolean")
    like_gensim = count_windows(text, dictionary.token2id, ids, 3, method="gensim")
    a, c = exact.positions([ids[0], ids[2]])
    # windows [a b a] and [b a c]: "a" is in both, "a" and "c" share the second
    assert exact.n_contexts == 2
    assert exact.pairs[a, a] == 2 and exact.pairs[a, c] == 1
    # gensim forgets "a" when its first occurrence leaves the window
    assert like_gensim.pairs[a, a] == 1 and like_gensim.pairs[a, c] == 0
