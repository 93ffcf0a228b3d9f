"""EM fold-in of topic shares with the topics fixed: the answer, per-document determinism,
bounded chunks, unknown terms, and the config key it replaced."""

from __future__ import annotations

import json

import numpy as np
import pytest

from synthetic_lda import bags_of_words, sample_lda_corpus
from topicpipe.config_check import config_problems
from topicpipe.engines import get_engine, load_model
from topicpipe.engines.fold_in import chunks, fold_in, prior_mean
from topicpipe.engines.sweep import moved_keys_message


def random_model(num_topics: int, num_terms: int = 40, seed: int = 0):
    """Random topics (K, V) and an asymmetric prior, as a trained model would have."""
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.full(num_terms, 0.3), size=num_topics), rng.uniform(
        0.05, 0.5, num_topics
    )


def random_bows(n_docs: int, num_terms: int = 40, seed: int = 1):
    """Bags of words of very different lengths (1 to 30 distinct terms)."""
    rng = np.random.default_rng(seed)
    bows = []
    for _ in range(n_docs):
        terms = np.sort(rng.choice(num_terms, size=rng.integers(1, 31), replace=False))
        bows.append(
            [(int(t), int(c)) for t, c in zip(terms, rng.integers(1, 6, len(terms)), strict=True)]
        )
    return bows


def dense_fold_in(bow, phi, alpha, tolerance, max_iterations):
    """The update written out for one document with dense vectors, as a reference."""
    x = np.zeros(phi.shape[1])
    for term, count in bow:
        x[term] += count
    theta = np.full(len(phi), 1 / len(phi))
    for _ in range(max_iterations):
        new = theta * (phi @ (x / (theta @ phi))) + alpha
        new /= new.sum()
        moved = np.abs(new - theta).max()
        theta = new
        if moved < tolerance:
            break
    return theta


def test_one_topic_per_word_gives_the_word_proportions_smoothed_by_alpha():
    # Topic k uses term k only, so a document's shares are its term counts plus alpha,
    # normalised: (3 + 0.5, 0 + 0.5, 1 + 0.5) / (4 + 1.5).
    phi, alpha = np.eye(3), np.full(3, 0.5)
    shares = fold_in([[(0, 3), (2, 1)]], phi, alpha)
    np.testing.assert_allclose(shares[0], [3.5 / 5.5, 0.5 / 5.5, 1.5 / 5.5], rtol=1e-15)


@pytest.mark.parametrize("num_topics", [3, 10])
def test_shares_equal_a_dense_reference(num_topics):
    phi, alpha = random_model(num_topics)
    bows = random_bows(30)
    shares = fold_in(bows, phi, alpha, tolerance=1e-9, max_iterations=2000)
    expected = [dense_fold_in(bow, phi, alpha, 1e-9, 2000) for bow in bows]
    np.testing.assert_allclose(shares, expected, atol=1e-12)
    np.testing.assert_allclose(shares.sum(axis=1), 1.0, rtol=1e-14)


@pytest.mark.parametrize("num_topics", [3, 7, 10])
def test_a_document_shares_do_not_depend_on_its_company_order_or_chunk(num_topics):
    """Byte for byte: each document alone, all of them in reverse order, in chunks of every
    size from one document to all, and mixed with other documents at shifted positions."""
    phi, alpha = random_model(num_topics, seed=num_topics)
    bows = random_bows(60)
    together = fold_in(bows, phi, alpha)
    alone = np.vstack([fold_in([bow], phi, alpha) for bow in bows])
    assert together.tobytes() == alone.tobytes()
    assert fold_in(bows[::-1], phi, alpha)[::-1].tobytes() == together.tobytes()
    for cells in (1, 7 * num_topics, 50 * num_topics, 333 * num_topics):
        assert fold_in(bows, phi, alpha, cells=cells).tobytes() == together.tobytes(), cells
    others = random_bows(25, seed=9)
    mixed = [bow for pair in zip(others, bows[:25], strict=True) for bow in pair]
    assert fold_in([others[0], *mixed], phi, alpha)[2::2].tobytes() == together[:25].tobytes()


def test_chunks_are_bounded_by_counts_times_topics_not_by_documents():
    bows = [[(0, 1)] * 3, [(0, 1)] * 4, [(0, 1)] * 50, [(0, 1)] * 2, [(0, 1)] * 2]
    sizes = [[len(bow) for bow in batch] for batch in chunks(bows, num_topics=10, cells=80)]
    # A document longer than the budget is a chunk of its own.
    assert sizes == [[3, 4], [50], [2, 2]]


def test_documents_without_a_known_term_keep_the_prior_mean():
    phi, alpha = random_model(4)
    known = np.ones(40, dtype=bool)
    known[[5, 6]] = False
    shares = fold_in([[], [(5, 2), (6, 1)], [(3, 2), (5, 7)], [(3, 2)]], phi, alpha, known)
    np.testing.assert_array_equal(shares[0], alpha / alpha.sum())
    np.testing.assert_array_equal(shares[1], prior_mean(alpha))
    # An unknown term is left out: the document is its known terms.
    assert shares[2].tobytes() == shares[3].tobytes()
    assert not np.allclose(shares[3], prior_mean(alpha))
    with pytest.raises(ValueError, match=r"term id outside 0\.\.39"):
        fold_in([[(40, 1)]], phi, alpha)


def test_tomotopy_recovers_planted_shares_and_records_the_method(tmp_path):
    truth = sample_lda_corpus(n_docs=150, n_topics=3, vocab_size=60, mean_length=40, seed=1)
    bows = bags_of_words(truth)
    params = {"iterations": 200, "num_topics": 3, "random_state": 1}
    model = get_engine("tomotopy").train(bows, 60, params)
    model.save(tmp_path / "model")
    meta = json.loads((tmp_path / "model" / "engine.json").read_text())
    assert meta["params"]["inference"] == meta["training"]["inference"] == "em_fold_in"
    shares = model.infer(bows)
    # Topics come out in any order: match each true topic to the closest found one.
    match = np.argmax(truth.phi @ model.topic_term_matrix().T, axis=1)
    assert sorted(match.tolist()) == [0, 1, 2]
    recovered = np.mean(shares[:, match].argmax(axis=1) == truth.theta.argmax(axis=1))
    assert recovered >= 0.9, recovered


def test_a_model_saved_with_gibbs_inference_settings_still_infers(tmp_path):
    bows = random_bows(40, num_terms=30)
    model = get_engine("tomotopy").train(
        bows, 30, {"iterations": 50, "num_topics": 2, "random_state": 1}
    )
    model.save(tmp_path / "model")
    path = tmp_path / "model" / "engine.json"
    meta = json.loads(path.read_text())
    for key in ("infer_tolerance", "infer_max_iterations", "inference"):
        del meta["params"][key]
    meta["params"]["infer_iterations"] = 100
    path.write_text(json.dumps(meta))
    assert load_model(tmp_path / "model").infer(bows).tobytes() == model.infer(bows).tobytes()


def test_the_gibbs_inference_key_is_refused_naming_its_replacements():
    model = {"engine": "tomotopy", "tomotopy": {"infer_iterations": 100}}
    message = moved_keys_message(model)
    assert "model.tomotopy.infer_iterations" in message
    assert "model.tomotopy.infer_tolerance" in message
    assert "model.tomotopy.infer_max_iterations" in message
    assert config_problems({"model": model}, {}) == [message]
