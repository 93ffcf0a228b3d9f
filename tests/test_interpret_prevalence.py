"""Prevalence over time and by group, with bootstrap intervals."""

import numpy as np
import pytest

from topicpipe.interpret.prevalence import prevalence_by_group, prevalence_over_time

LABELS = {1: "one", 2: "two"}


def test_monthly_means_cover_every_month_and_flag_thin_ones():
    theta = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [0.2, 0.8]])
    dates = ["2016-01-03", "2016-01-20", "", "2016-03-09"]
    table = prevalence_over_time(theta, dates, LABELS, "month", 200, 0.95, 2, seed=1)
    assert table["period"].unique().tolist() == ["2016-01", "2016-02", "2016-03"]
    jan = table[(table.period == "2016-01") & (table.topic == 1)].iloc[0]
    assert jan.mean_share == pytest.approx(0.5) and jan.n_documents == 2
    assert jan.ci_low <= 0.5 <= jan.ci_high and not jan.few_documents
    feb = table[table.period == "2016-02"].iloc[0]
    assert feb.n_documents == 0 and np.isnan(feb.mean_share) and feb.few_documents
    assert table[table.period == "2016-03"]["few_documents"].all()
    assert table["period_start"].iloc[0] == "2016-01-01"


def test_interval_narrows_with_more_documents_and_is_reproducible():
    rng = np.random.default_rng(0)
    theta = rng.dirichlet([1, 1], size=400)
    dates = ["2020-01-15"] * 20 + ["2021-01-15"] * 380
    table = prevalence_over_time(theta, dates, LABELS, "year", 500, 0.95, 5, seed=7)
    width = (table.ci_high - table.ci_low).to_numpy()
    assert width[2] < width[0]  # 2021 (380 documents) vs 2020 (20), topic 1
    again = prevalence_over_time(theta, dates, LABELS, "year", 500, 0.95, 5, seed=7)
    assert table.equals(again)


def test_no_dates_gives_empty_table():
    table = prevalence_over_time(np.eye(2), ["", "not a date"], LABELS, "month", 10, 0.95, 5, 1)
    assert table.empty


def test_groups_are_ordered_by_size_and_blank_groups_left_out():
    theta = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [0.5, 0.5]])
    table = prevalence_by_group(theta, ["B", "A", "A", " "], LABELS, "source", 100, 0.9, 2, 3)
    assert table["group"].unique().tolist() == ["A", "B"]
    a_two = table[(table.group == "A") & (table.topic == 2)].iloc[0]
    assert a_two.mean_share == 1.0 and a_two.n_documents == 2
    assert table[table.group == "B"]["few_documents"].all()
    assert (table["group_by"] == "source").all()
