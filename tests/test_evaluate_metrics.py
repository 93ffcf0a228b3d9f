"""Model metrics, stability, the held-out split and the selection rule."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from topicpipe.evaluate.diagnostics import topic_diagnostics
from topicpipe.evaluate.diversity import topic_diversity
from topicpipe.evaluate.exclusivity import exclusivity
from topicpipe.evaluate.heldout import completion_halves, completion_score, heldout_mask
from topicpipe.evaluate.scoring import FittedModel, timing_record
from topicpipe.evaluate.selection import select_model
from topicpipe.evaluate.stability import match_topics, seed_stability

# Two clean topics over six terms, and a third that copies the first.
PHI = np.array(
    [
        [0.45, 0.45, 0.04, 0.02, 0.02, 0.02],
        [0.02, 0.02, 0.02, 0.04, 0.45, 0.45],
        [0.45, 0.45, 0.04, 0.02, 0.02, 0.02],
    ]
)


def test_diversity_counts_shared_top_terms():
    assert topic_diversity([[0, 1], [4, 5]]) == 1.0
    assert topic_diversity([[0, 1], [4, 5], [0, 1]]) == pytest.approx(4 / 6)


def test_exclusivity_is_lower_for_a_duplicated_topic():
    top = np.array([[0, 1], [4, 5], [0, 1]])
    scores = exclusivity(PHI, top)
    assert scores[0] == pytest.approx(scores[2]) == pytest.approx(0.45 / 0.92)
    assert scores[1] == pytest.approx(0.45 / 0.49)


def test_diagnostics_tokens_spread_and_top_document_share():
    theta = np.array([[0.9, 0.1, 0.0], [0.8, 0.2, 0.0], [0.1, 0.9, 0.0]])
    lengths = np.array([10, 30, 20])
    table = topic_diagnostics(PHI, theta, lengths, term_counts=np.ones(6))
    assert table["tokens"].tolist() == pytest.approx([35.0, 25.0, 0.0])
    assert table["token_share"].sum() == pytest.approx(1.0)
    assert table["top_document_share"].tolist() == pytest.approx([2 / 3, 1 / 3, 0.0])
    # topic 1: tokens 9 and 24 in two documents (and 2 in a third)
    p = np.array([9, 24, 2]) / 35
    assert table.loc[0, "document_entropy"] == pytest.approx(-(p * np.log(p)).sum())
    assert table.loc[0, "effective_words"] == pytest.approx(1 / (PHI[0] ** 2).sum())
    assert table.loc[0, "corpus_distance"] == pytest.approx((PHI[0] * np.log(PHI[0] * 6)).sum())


def test_heldout_split_is_fixed_by_its_seed():
    mask = heldout_mask(100, 0.1, seed=3)
    assert mask.sum() == 10
    np.testing.assert_array_equal(mask, heldout_mask(100, 0.1, seed=3))
    assert not np.array_equal(mask, heldout_mask(100, 0.1, seed=4))
    assert heldout_mask(100, 0.0, seed=3).sum() == 0


def test_completion_halves_keep_every_token():
    bow = [(0, 3), (2, 4), (5, 1)]
    halves = list(completion_halves([bow, [(1, 1)]], seed=0))
    assert len(halves) == 1  # a one-token document cannot be split
    ((observed, evaluated),) = halves
    merged = {}
    for term, count in observed + evaluated:
        merged[term] = merged.get(term, 0) + count
    assert merged == dict(bow)
    assert sum(c for _, c in observed) == 4


def test_completion_score_is_the_log_probability_of_the_evaluated_tokens():
    theta = np.array([[1.0, 0.0, 0.0]])
    score = completion_score(PHI, theta, [[(0, 2), (4, 1)]])
    assert score.log_likelihood == pytest.approx(2 * math.log(0.45) + math.log(0.02))
    assert score.per_word == pytest.approx(score.log_likelihood / 3)
    assert score.perplexity == pytest.approx(math.exp(-score.per_word))
    better = completion_score(PHI, np.array([[0.7, 0.3, 0.0]]), [[(0, 2), (4, 1)]])
    assert better.per_word > score.per_word


def test_matching_finds_permuted_topics():
    order = [2, 0, 1]
    partner, similarity = match_topics(PHI[:2], PHI[order][:, :])
    assert partner.tolist() in ([1, 2], [0, 2])
    assert similarity == pytest.approx([1.0, 1.0])


def test_a_topic_missing_from_other_seeds_is_flagged():
    rng = np.random.default_rng(0)
    noise = rng.dirichlet(np.ones(6))
    seeds = {1: PHI[:2], 2: PHI[[1, 0]], 3: np.vstack([PHI[0], noise])}
    table = seed_stability(seeds, threshold=0.8).set_index(["seed", "topic"])
    assert table.loc[(1, 1), "match_mean"] == pytest.approx(1.0)
    assert bool(table.loc[(1, 1), "recurs"])
    assert not bool(table.loc[(3, 2), "recurs"])
    single = seed_stability({1: PHI}, threshold=0.8)
    assert single["match_mean"].isna().all() and single["recurs"].isna().all()


def metrics_table():
    rows = []
    for k, npmi, stability in [(5, 0.10, 0.9), (10, 0.12, 0.8), (15, 0.12, 0.7), (20, 0.2, 0.4)]:
        for seed, shift in [(1, 0.0), (2, 0.01)]:
            rows.append(
                {
                    "model": f"k{k}_seed{seed}",
                    "k": k,
                    "seed": seed,
                    "npmi": npmi + shift,
                    "stability": stability + shift,
                }
            )
    return pd.DataFrame(rows)


RULE = {"rule": "stable_best", "metric": "npmi", "min_stability": 0.6, "tolerance": 0.0}


def test_rule_takes_best_coherence_among_stable_k_ties_to_smaller_k():
    selection = select_model(metrics_table(), {**RULE, "k": None, "seed": None})
    # K=20 has the best NPMI but is unstable; K=10 and K=15 tie, the smaller wins.
    assert selection["k"] == 10
    assert selection["seed"] == 2  # the more stable seed
    assert [row["eligible"] for row in selection["by_k"]] == [True, True, True, False]
    assert "0.1250" in selection["why_k"]


def test_tolerance_widens_ties_and_fixed_rule_obeys_the_user():
    wide = select_model(metrics_table(), {**RULE, "tolerance": 0.03, "k": None, "seed": None})
    assert wide["k"] == 5
    fixed = select_model(metrics_table(), {**RULE, "rule": "fixed", "k": 20, "seed": 1})
    assert (fixed["k"], fixed["seed"], fixed["model"]) == (20, 1, "k20_seed1")
    with pytest.raises(ValueError, match="selection.k"):
        select_model(metrics_table(), {**RULE, "rule": "fixed", "k": 7, "seed": None})


def test_single_seed_makes_every_k_eligible_and_says_so():
    table = metrics_table()
    table = table[table["seed"] == 1].assign(stability=np.nan)
    selection = select_model(table, {**RULE, "k": None, "seed": None})
    assert selection["k"] == 20
    assert "stability is unknown" in selection["why_k"]
    assert selection["chosen_model_metrics"]["stability"] is None


def test_timing_sets_evaluation_against_training():
    fit = {"train_seconds": 10.0, "convergence_seconds": 2.0, "inference_seconds": 0.5}
    models = [FittedModel(f"k2_seed{s}", 2, s, PHI[:2], np.eye(2), fit) for s in (1, 2)]
    timing = timing_record(models, {"loading_models": 1.0, "scoring_all_models": 0.5})
    assert timing["training_seconds"] == 20.0
    assert timing["evaluation_seconds"]["inferring_topic_shares"] == 1.0
    assert timing["evaluation_total_seconds"] == 2.5
    assert timing["evaluation_share_of_training"] == 0.125
