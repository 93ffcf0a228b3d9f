"""Both engines behind one interface; tomotopy's term-id mapping, determinism, config keys."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pytest
import yaml

from defaults import section
from synthetic_lda import bags_of_words, sample_lda_corpus
from topicpipe.engines import get_engine, load_model
from topicpipe.engines.sweep import engine_params, moved_keys_message, training_options
from topicpipe.engines.tomotopy_lda import sweeps_converged, window_change
from topicpipe.evaluate.stability import match_topics

ROOT = Path(__file__).resolve().parents[1]
# Small settings: the corpus below is tiny and well separated.
PARAMS = {
    "gensim": {"passes": 10, "iterations": 50},
    "tomotopy": {"iterations": 200, "convergence_every": 40},
}


def planted(seed: int = 1):
    """A corpus sampled from 3 known topics over 60 terms: bags of words and the true topics."""
    truth = sample_lda_corpus(n_docs=150, n_topics=3, vocab_size=60, mean_length=40, seed=seed)
    return bags_of_words(truth), truth.phi


def train(engine: str, bows, seed: int = 1, num_terms: int = 60, on_pass=None, **extra):
    params = {
        **section("model")[engine],
        **PARAMS[engine],
        "num_topics": 3,
        "random_state": seed,
        **extra,
    }
    return get_engine(engine).train(bows, num_terms, params, on_pass=on_pass)


@pytest.mark.parametrize("engine", ["gensim", "tomotopy"])
def test_engine_recovers_planted_topics_through_the_interface(engine):
    bows, true_phi = planted()
    model = train(engine, bows)
    phi = model.topic_term_matrix()
    theta = model.doc_topic_matrix(bows)
    assert model.num_topics == 3 and phi.shape == (3, 60) and theta.shape == (150, 3)
    np.testing.assert_allclose(phi.sum(axis=1), 1.0)
    np.testing.assert_allclose(theta.sum(axis=1), 1.0)
    _, similarity = match_topics(true_phi, phi)
    assert similarity.min() >= 0.9, similarity
    assert model.infer([]).shape == (0, 3)


@pytest.mark.parametrize(("engine", "workers"), [("gensim", 1), ("tomotopy", 1), ("tomotopy", 2)])
def test_same_seed_and_workers_give_byte_identical_tables(engine, workers):
    bows, _ = planted()
    extra = {"workers": workers} if engine == "tomotopy" else {}
    first, second = (train(engine, bows, **extra) for _ in range(2))
    assert first.topic_term_matrix().tobytes() == second.topic_term_matrix().tobytes()
    assert first.doc_topic_matrix(bows).tobytes() == second.doc_topic_matrix(bows).tobytes()
    other = train(engine, bows, seed=2, **extra)
    assert other.topic_term_matrix().tobytes() != first.topic_term_matrix().tobytes()


def test_tomotopy_inference_ignores_order_company_and_threads():
    bows, _ = planted()
    model = train("tomotopy", bows)
    alone = model.infer([bows[7]])
    np.testing.assert_array_equal(model.infer(bows[::-1])[-8], alone[0])
    one_thread = model.infer(bows)
    model.params["workers"] = 2
    assert model.infer(bows).tobytes() == one_thread.tobytes()


def test_convergence_hook_runs_every_few_sweeps_and_leaves_the_chain_unchanged():
    bows, _ = planted()
    seen = []

    def hook(sweeps, model):
        # inference inside the hook must not disturb the training chain
        seen.append((sweeps, model.infer(bows[:5]).shape))

    followed = train("tomotopy", bows, on_pass=hook)
    plain = train("tomotopy", bows)
    assert [n for n, _ in seen] == [40, 80, 120, 160, 200]
    assert all(shape == (5, 3) for _, shape in seen)
    np.testing.assert_array_equal(followed.topic_term_matrix(), plain.topic_term_matrix())


@pytest.mark.parametrize("engine", ["gensim", "tomotopy"])
def test_saved_model_loads_and_infers_the_same(engine, tmp_path):
    bows, _ = planted()
    model = train(engine, bows)
    model.save(tmp_path / "model")
    meta = json.loads((tmp_path / "model" / "engine.json").read_text())
    assert meta["engine"] == engine and meta["num_topics"] == 3
    loaded = load_model(tmp_path / "model")
    assert type(loaded) is type(model)
    np.testing.assert_array_equal(loaded.topic_term_matrix(), model.topic_term_matrix())
    np.testing.assert_array_equal(loaded.infer(bows[:20]), model.infer(bows[:20]))


def test_tomotopy_terms_map_back_to_dictionary_ids_including_unseen_terms():
    # Two themes over scattered ids of a 20-term dictionary; 14 ids occur in no document.
    rng = np.random.default_rng(0)
    themes = [(2, 4, 6), (11, 13, 19)]
    bows = []
    for i in range(60):
        counts = rng.multinomial(12, [1 / 3] * 3)
        bows.append([(t, int(c)) for t, c in zip(themes[i % 2], counts, strict=True) if c])
    model = train("tomotopy", bows, num_terms=20, num_topics=2)
    phi = model.topic_term_matrix()
    assert phi.shape == (2, 20)
    np.testing.assert_allclose(phi.sum(axis=1), 1.0)
    tops = sorted(tuple(sorted(np.argsort(-row)[:3].tolist())) for row in phi)
    assert tops == themes
    unseen = [t for t in range(20) if t not in themes[0] + themes[1]]
    for row in phi:
        assert np.all(row[unseen] == row[unseen[0]])
        assert 0 < row[unseen[0]] < 0.01
    # A new document of only unseen terms gets the prior; a themed one its theme's topic.
    only_unseen, themed = model.infer([[(0, 3)], [(11, 4), (19, 4)]])
    np.testing.assert_allclose(only_unseen, np.array(model.model.alpha) / sum(model.model.alpha))
    assert themed[int(np.argmax(phi[:, 11]))] > 0.9
    with pytest.raises(ValueError, match="term id outside"):
        train("tomotopy", [[(20, 1)]], num_terms=20)


def test_engine_settings_come_from_the_engine_own_key():
    config = yaml.safe_load((ROOT / "config.yaml").read_text())["model"]
    params = engine_params(training_options({**config, "engine": "gensim"}), 7, 3)
    assert params["passes"] == config["gensim"]["passes"] and "optim_interval" not in params
    assert (params["num_topics"], params["random_state"]) == (7, 3)
    params = engine_params(training_options({**config, "engine": "tomotopy"}), 7, 3)
    assert params["iterations"] == config["tomotopy"]["iterations"] and "passes" not in params


def test_old_flat_model_keys_and_bad_engine_settings_are_named():
    message = moved_keys_message({"engine": "gensim", "passes": 20, "chunksize": 10})
    assert "model.passes" in message and "model.gensim.passes" in message
    assert "model.chunksize" in message
    assert moved_keys_message({"engine": "gensim", "gensim": {"passes": 20}}) == ""
    schema = yaml.safe_load((ROOT / "workflow" / "schemas" / "config.schema.yaml").read_text())
    config = yaml.safe_load((ROOT / "config.yaml").read_text())
    jsonschema.validate(config, schema)
    config["model"]["tomotopy"]["workers"] = 0
    with pytest.raises(jsonschema.ValidationError) as error:
        jsonschema.validate(config, schema)
    assert list(error.value.absolute_path) == ["model", "tomotopy", "workers"]


def test_auto_sweeps_stop_when_the_training_likelihood_levels_off_and_repeat():
    bows, true_phi = planted()
    auto = train("tomotopy", bows, iterations="auto", max_iterations=1000, tolerance=0.003)
    sweeps = auto.training["sweeps"]
    # Never before burn-in (100), two 50-sweep windows and four more readings after it.
    assert 240 <= sweeps < 1000 and auto.training["stopped"].startswith("converged")
    assert match_topics(true_phi, auto.topic_term_matrix())[1].min() >= 0.9
    # The same number of sweeps set by hand is the same chain, so auto is repeatable.
    fixed = train("tomotopy", bows, iterations=sweeps)
    assert fixed.topic_term_matrix().tobytes() == auto.topic_term_matrix().tobytes()
    assert fixed.training["stopped"] == f"iterations ({sweeps})"
    capped = train("tomotopy", bows, iterations="auto", max_iterations=150, tolerance=1e-12)
    assert (capped.training["sweeps"], capped.training["stopped"]) == (150, "max_iterations (150)")


def test_window_change_compares_the_means_of_the_last_two_windows():
    assert window_change([-10.0] * 9) is None
    assert window_change([-10.0] * 5 + [-9.99] * 5) == pytest.approx(0.001)
    # Converged once the change has stayed below the tolerance for a whole window ...
    assert sweeps_converged([-10.0] * 10 + [-9.99] * 5, tolerance=0.002) == pytest.approx(0.001)
    assert sweeps_converged([-10.0] * 10 + [-9.99] * 5, tolerance=0.0005) is None
    assert sweeps_converged([-10.0] * 13, tolerance=0.002) is None
    # ... not when the means of a dip and its recovery happen to be equal.
    dip = [-10.0, -10.1, -10.2, -10.3, -10.4, -10.4, -10.3, -10.2, -10.1, -10.0]
    assert window_change(dip) == pytest.approx(0.0, abs=1e-9)
    assert sweeps_converged([-9.5] * 4 + dip, tolerance=0.002) is None
