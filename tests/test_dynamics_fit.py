"""The dynamic model recovers designed changes of words and prevalence, deterministically."""

from __future__ import annotations

import numpy as np
import pytest
from dated_corpus import (
    EARLY_WORDS,
    FALLING,
    LATE_WORDS,
    RISING,
    SHIFTING,
    bag_of_words,
    dated_news_corpus,
    design_phi,
)

from topicpipe.dynamics.fit import (
    fit_dynamic_model,
    load_arrays,
    neighbour_weights,
    save_fit,
    solve_chain,
)
from topicpipe.dynamics.linking import link_table, link_topics, renumber
from topicpipe.dynamics.periods import plan_periods
from topicpipe.evaluate.stability import cosine_matrix


@pytest.fixture(scope="module")
def corpus():
    """320 dated articles over 9 months (one empty), their bag of words and periods."""
    articles, design = dated_news_corpus(n_docs=320, seed=3)
    vocabulary, bows = bag_of_words(articles["tokens"].tolist())
    plan = plan_periods(articles["date"].tolist(), "month", min_documents=10)
    modelled = np.flatnonzero(plan.timepoints >= 0)
    truth = design_phi(design, vocabulary, plan.modelled["period"].tolist())
    # The static model's topics: the designed topics averaged over time.
    static = truth.mean(axis=0)
    return {
        "design": design,
        "vocabulary": vocabulary,
        "bows": bows[modelled],
        "timepoints": plan.timepoints[modelled],
        "positions": plan.positions,
        "truth": truth,
        "static": static / static.sum(axis=1, keepdims=True),
    }


def fit(corpus, **options):
    return fit_dynamic_model(
        corpus["bows"], corpus["timepoints"], corpus["positions"], corpus["static"], **options
    )


def test_recovers_the_designed_topics_in_every_period(corpus):
    result = fit(corpus)
    assert result.converged
    for t, truth_t in enumerate(corpus["truth"]):
        assert np.diag(cosine_matrix(truth_t, result.phi[t])).min() > 0.9


def test_recovers_the_designed_shift_of_words(corpus):
    phi = fit(corpus).phi
    k = corpus["design"].topics.index(SHIFTING)
    vocabulary = corpus["vocabulary"]
    early = [vocabulary.index(w) for w in EARLY_WORDS]
    late = [vocabulary.index(w) for w in LATE_WORDS]
    first, last = phi[0, k], phi[-1, k]
    assert first[early].sum() > 3 * last[early].sum()
    assert last[late].sum() > 3 * first[late].sum()
    # The topic's core stays: "reactor" keeps its weight within a factor of 1.5.
    reactor = vocabulary.index("reactor")
    assert 1 / 1.5 < last[reactor] / first[reactor] < 1.5


def test_recovers_the_designed_rise_and_fall(corpus):
    result = fit(corpus)
    topics = corpus["design"].topics
    timepoints = corpus["timepoints"]
    first = result.theta[timepoints == 0].mean(axis=0)
    last = result.theta[timepoints == timepoints.max()].mean(axis=0)
    assert last[topics.index(RISING)] - first[topics.index(RISING)] > 0.2
    assert first[topics.index(FALLING)] - last[topics.index(FALLING)] > 0.2


def test_same_input_gives_identical_output(corpus, tmp_path):
    one, two = fit(corpus), fit(corpus)
    save_fit(one, tmp_path / "one.npz")
    save_fit(two, tmp_path / "two.npz")
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()
    assert np.array_equal(load_arrays(tmp_path / "one.npz")["phi"], one.phi)


def test_more_smoothing_gives_smoother_word_distributions(corpus):
    def roughness(phi):
        return np.abs(np.diff(phi, axis=0)).sum(axis=2).mean()

    alone = fit(corpus, smoothing=0.0)
    smooth = fit(corpus, smoothing=0.9)
    assert roughness(smooth.phi) < 0.6 * roughness(alone.phi)


def test_a_neighbour_across_a_gap_counts_less():
    weights = neighbour_weights([0, 1, 3])
    assert weights[0, 1] == 1.0 and weights[1, 2] == 0.5
    assert weights[0, 2] == 0.0 and np.array_equal(weights, weights.T)


def test_the_chain_system_is_solved_as_a_dense_solver_solves_it():
    weights = neighbour_weights([0, 1, 3, 4, 7])
    diagonal = np.array([3.0, 0.5, 2.0, 8.0, 1.0]) + 2.0 * weights.sum(axis=1)
    rhs = np.random.default_rng(0).random((5, 4))
    dense = np.diag(diagonal) - 2.0 * weights
    expected = np.linalg.solve(dense, rhs)
    solved = solve_chain(diagonal, -2.0 * np.diagonal(weights, offset=1), rhs)
    assert np.allclose(solved, expected, rtol=1e-12, atol=0)


def test_bad_settings_and_mismatched_vocabularies_are_named(corpus):
    with pytest.raises(ValueError, match="dynamics.smoothing"):
        fit(corpus, smoothing=1.0)
    with pytest.raises(ValueError, match="dynamics.acceleration must be one of"):
        fit(corpus, acceleration="anderson")
    with pytest.raises(ValueError, match="dictionary"):
        fit_dynamic_model(
            corpus["bows"], corpus["timepoints"], corpus["positions"], corpus["static"][:, :-1]
        )


def test_linking_renumbers_dynamic_topics_after_the_static_ones(corpus):
    result = fit(corpus)
    phi = result.phi.copy()
    shuffled = renumber(result, np.array([2, 0, 5, 1, 4, 3]))
    order, cosine, by_period = link_topics(shuffled.phi, corpus["static"], np.ones(8))
    assert order.tolist() == [1, 3, 0, 5, 4, 2]
    assert np.array_equal(renumber(shuffled, order).phi, phi)
    labels = {k: f"topic {k}" for k in range(1, 7)}
    table = link_table(order, cosine, by_period, [f"p{t}" for t in range(8)], labels, 1.01)
    assert table["dynamic_topic"].tolist() == [2, 4, 1, 6, 5, 3]
    assert (table["cosine"] > 0.9).all()
    # A threshold above every match flags the topics as not linked.
    assert not table["linked"].any()
