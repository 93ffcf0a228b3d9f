"""Periods of the dynamic model: gaps, undated documents, periods with too few documents."""

from __future__ import annotations

import pytest

from topicpipe.dynamics.periods import EMPTY, FEW, MODELLED, document_periods, plan_periods

DATES = (
    ["2019-01-05"] * 3
    + ["2019-02-11"] * 1  # too few
    + ["2019-04-30"] * 4  # March is empty
    + ["", "not a date", "2019-13-01"]  # undated or unreadable
)


def test_every_period_between_first_and_last_is_listed_with_its_status():
    plan = plan_periods(DATES, "month", min_documents=2)
    table = plan.table
    assert table["period"].tolist() == ["2019-01", "2019-02", "2019-03", "2019-04"]
    assert table["n_documents"].tolist() == [3, 1, 0, 4]
    assert table["status"].tolist() == [MODELLED, FEW, EMPTY, MODELLED]
    # Gaps are not modelled: the two modelled periods are timepoints 0 and 1.
    assert table["timepoint"].tolist() == [0, -1, -1, 1]
    assert plan.positions.tolist() == [0, 3]


def test_documents_know_their_timepoint_and_undated_ones_are_counted():
    plan = plan_periods(DATES, "month", min_documents=2)
    assert plan.timepoints.tolist() == [0, 0, 0, -1, 1, 1, 1, 1, -1, -1, -1]
    assert plan.n_undated == 3
    assert plan.n_left_out == 1
    assert plan.note() == ""


def test_paragraphs_of_one_article_count_as_one_document():
    dates = ["2019-01-01"] * 4 + ["2019-02-01"] * 2
    groups = ["a", "a", "a", "b", "c", "d"]
    plan = plan_periods(dates, "month", min_documents=2, groups=groups)
    assert plan.table["n_documents"].tolist() == [2, 2]


def test_one_modelled_period_gives_a_note_that_names_the_settings():
    plan = plan_periods(DATES, "year", min_documents=2)
    note = plan.note()
    assert "Only 1 year period" in note
    assert "dynamics.period" in note and "dynamics.min_documents" in note


def test_no_dated_document_gives_a_note_about_dates():
    plan = plan_periods(["", ""], "month", min_documents=1)
    assert plan.table.empty
    assert "None of the 2 documents has a date" in plan.note()


def test_unknown_period_names_the_key():
    with pytest.raises(ValueError, match="dynamics.period"):
        plan_periods(DATES, "fortnight", 2)


def test_document_table_gives_every_document_its_period_or_undated():
    plan = plan_periods(DATES, "month", min_documents=2)
    ids = [f"d{i}" for i in range(len(DATES))]
    table = document_periods(ids, ids, DATES, plan)
    assert table["period"].tolist()[:4] == ["2019-01"] * 3 + ["2019-02"]
    assert table["status"].tolist()[3] == FEW
    assert table["status"].tolist()[-3:] == ["undated"] * 3
    assert len(table) == len(DATES)
