"""Tables of the dynamic model: terms per period, prevalence with gaps, rise and fall,
terms gained and lost, and the readable page."""

from __future__ import annotations

import numpy as np
import pytest

from topicpipe.dynamics.periods import plan_periods
from topicpipe.dynamics.rise_fall import comparison_pairs, prevalence_changes
from topicpipe.dynamics.summary import rise_fall_markdown
from topicpipe.dynamics.tables import prevalence_by_period, topic_terms_by_period
from topicpipe.dynamics.term_changes import term_changes

TERMS = ["talk", "treaty", "reactor", "oil"]
LABELS = {1: "nuclear", 2: "energy"}
# Two topics over three modelled periods: "talk" gives way to "treaty" in topic 1.
PHI = np.array(
    [
        [[0.5, 0.0, 0.4, 0.1], [0.0, 0.0, 0.1, 0.9]],
        [[0.3, 0.2, 0.4, 0.1], [0.0, 0.0, 0.1, 0.9]],
        [[0.0, 0.5, 0.4, 0.1], [0.0, 0.0, 0.2, 0.8]],
    ]
)
DATES = ["2019-01-10"] * 4 + ["2019-02-10"] * 4 + ["2019-04-10"] * 4 + [""]


@pytest.fixture
def plan():
    return plan_periods(DATES, "month", min_documents=2)


def test_terms_are_followed_through_every_period_with_their_rank(plan):
    table = topic_terms_by_period(PHI, TERMS, plan.modelled, LABELS, top_n=2)
    topic1 = table[table["topic"] == 1]
    # talk and reactor are the top 2 early, treaty and reactor late: all three are followed.
    assert set(topic1["term"]) == {"talk", "treaty", "reactor"}
    assert len(topic1) == 3 * 3
    treaty = topic1[topic1["term"] == "treaty"].set_index("period")
    assert treaty["probability"].tolist() == [0.0, 0.2, 0.5]
    assert treaty.loc["2019-04", "rank"] == 1 and treaty.loc["2019-01", "rank"] > 2
    assert list(table.columns[:7]) == [
        "topic",
        "label",
        "period",
        "period_start",
        "term",
        "probability",
        "rank",
    ]


def test_prevalence_keeps_gap_periods_without_a_value(plan):
    theta = np.tile([[0.8, 0.2]], (len(DATES), 1))
    table = prevalence_by_period(theta, plan.codes, plan.table, LABELS, 200, 0.95, 1)
    march = table[table["period"] == "2019-03"]
    assert march["status"].eq("empty").all() and march["mean_share"].isna().all()
    january = table[(table["period"] == "2019-01") & (table["topic"] == 1)].iloc[0]
    assert january["mean_share"] == pytest.approx(0.8)
    assert january["n_documents"] == 4


def test_pairs_are_consecutive_modelled_periods_plus_first_to_last():
    pairs = comparison_pairs(["2019-01", "2019-02", "2019-04"], [])
    assert pairs == [
        ("first_to_last", "2019-01", "2019-04"),
        ("consecutive", "2019-01", "2019-02"),
        ("consecutive", "2019-02", "2019-04"),
    ]
    chosen = comparison_pairs(["2019-01", "2019-02", "2019-04"], ["2019-02", "2019-01"])
    assert chosen[0] == ("chosen", "2019-02", "2019-01")


@pytest.mark.parametrize(
    ("chosen", "message"),
    [(["2019-03", "2019-04"], "'2019-03' is not a modelled period"), (["2019-01"], "two")],
)
def test_a_bad_chosen_pair_names_the_key(chosen, message):
    with pytest.raises(ValueError, match="dynamics.compare") as error:
        comparison_pairs(["2019-01", "2019-02", "2019-04"], chosen)
    assert message in str(error.value)


def test_a_designed_rise_is_clear_and_no_change_is_not():
    rng = np.random.default_rng(0)
    periods = np.array(["a"] * 200 + ["b"] * 200)
    rising = np.where(periods == "a", 0.2, 0.5) + rng.normal(0, 0.05, 400)
    theta = np.column_stack([rising, rng.uniform(0.3, 0.5, 400)])
    table = prevalence_changes(theta, periods, [("chosen", "a", "b")], LABELS, 500, 0.95, 1)
    first, second = table.iloc[0], table.iloc[1]
    assert first["topic"] == 1 and first["rank"] == 1 and first["direction"] == "rise"
    assert first["ci_low"] < 0.3 < first["ci_high"] and first["clear"]
    assert second["ci_low"] < 0 < second["ci_high"] and not second["clear"]


def test_changes_are_ranked_largest_first_within_each_comparison():
    theta = np.array([[0.9, 0.1]] * 3 + [[0.5, 0.5]] * 3 + [[0.4, 0.6]] * 3)
    periods = np.array(["a"] * 3 + ["b"] * 3 + ["c"] * 3)
    pairs = comparison_pairs(["a", "b", "c"], [])
    table = prevalence_changes(theta, periods, pairs, LABELS, 100, 0.9, 1)
    steps = table[table["comparison"] == "consecutive"]
    assert steps["change"].abs().is_monotonic_decreasing
    assert steps.iloc[0][["period_from", "period_to"]].tolist() == ["a", "b"]
    assert table["comparison"].iloc[0] == "first_to_last"


def test_term_gains_and_losses_follow_the_word_distributions():
    pairs = [("first_to_last", "2019-01", "2019-04")]
    table = term_changes(PHI, ["2019-01", "2019-02", "2019-04"], pairs, TERMS, LABELS, 2)
    topic1 = table[table["topic"] == 1]
    assert topic1[topic1["direction"] == "gain"]["term"].tolist() == ["treaty"]
    assert topic1[topic1["direction"] == "loss"]["term"].tolist() == ["talk"]
    gain = topic1[topic1["direction"] == "gain"].iloc[0]
    assert gain["change"] == pytest.approx(0.5)
    topic2 = table[table["topic"] == 2]
    assert topic2[topic2["direction"] == "gain"]["term"].tolist() == ["reactor"]


def test_the_page_shows_the_change_its_interval_and_the_terms():
    pairs = [("first_to_last", "2019-01", "2019-04")]
    theta = np.array([[0.9, 0.1]] * 5 + [[0.3, 0.7]] * 5)
    periods = np.array(["2019-01"] * 5 + ["2019-04"] * 5)
    changes = prevalence_changes(theta, periods, pairs, LABELS, 100, 0.95, 1)
    terms = term_changes(PHI, ["2019-01", "2019-02", "2019-04"], pairs, TERMS, LABELS, 3)
    page = rise_fall_markdown(changes, terms, "month", 0.95)
    assert "## First and last period: 2019-01 → 2019-04" in page
    row = next(line for line in page.splitlines() if line.startswith("| 1 · nuclear"))
    assert "-60.0 points" in row and "treaty" in row and "talk" in row
