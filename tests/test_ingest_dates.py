"""Dates of sidecar rows, table columns and header lines: common forms are read, impossible
and ambiguous ones are reported with the value, never guessed."""

from __future__ import annotations

import pytest

from topicpipe.ingest.dates import find_dates, parse_date, settle


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2021-02-28T10:00:00Z", "2021-02-28"),
        ("2021-02-28T23:30:00+03:00", "2021-02-28"),
        ("2021-02-28 10:00", "2021-02-28"),
        ("15/09/2021", "2021-09-15"),
        ("09/15/2021", "2021-09-15"),
        ("14.09.2022", "2022-09-14"),
        ("03.04.2021", "2021-04-03"),
        ("2021/02/03", "2021-02-03"),
        ("14 APR 2021", "2021-04-14"),
        ("Tue 2 Mar 2021", "2021-03-02"),
        ("Thursday, 4 March 2021", "2021-03-04"),
        ("March 4th, 2022", "2022-03-04"),
        ("Jan. 14, 2022", "2022-01-14"),
        ("05/05/2021", "2021-05-05"),
    ],
)
def test_common_written_forms_are_read(value, iso):
    assert parse_date(value) == parse_date(f" {value} ")
    assert (parse_date(value).iso, parse_date(value).problem) == (iso, "")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2021-02-30", "impossible date '2021-02-30' (no such day)"),
        ("31 Feb 2019", "impossible date '31 Feb 2019' (no such day)"),
        (
            "03/04/2021",
            "ambiguous date '03/04/2021' (2021-03-04 or 2021-04-03); "
            "set ingest.date_order to dmy or mdy",
        ),
        ("Tue, 07/05/2022", "ambiguous date 'Tue, 07/05/2022'"),
        ("March 2021", "'March 2021' is not a full date (day, month and year needed)"),
        ("next Tuesday", "'next Tuesday' is not a date"),
    ],
)
def test_impossible_ambiguous_and_partial_dates_give_no_date_and_say_why(value, problem):
    parsed = parse_date(value)
    assert parsed.iso == ""
    assert parsed.problem.startswith(problem)


def test_date_order_settles_numeric_dates_and_leaves_others_alone():
    assert parse_date("03/04/2021", "dmy").iso == "2021-04-03"
    assert parse_date("03/04/2021", "mdy").iso == "2021-03-04"
    assert parse_date("15/09/2021", "mdy").iso == "2021-09-15"  # only one reading exists
    assert parse_date("03.04.2021", "mdy").iso == "2021-04-03"
    assert parse_date("2021-03-04", "dmy").iso == "2021-03-04"


def test_a_day_and_month_elsewhere_settle_an_ambiguous_date():
    ambiguous = parse_date("04/09/2022")
    assert settle(ambiguous, "Sept 4").iso == "2022-09-04"
    assert settle(ambiguous, "April 9").iso == "2022-04-09"
    assert settle(ambiguous, "May 1") == ambiguous


def test_dates_are_found_inside_a_line_with_their_position():
    found = find_dates("Posted Thu 4 Mar 2021 at 5:32am, updated Thu 4 Mar 2021 at 9:10am")
    assert [(m.group(0), d.iso) for m, d in found] == [
        ("Thu 4 Mar 2021", "2021-03-04"),
        ("Thu 4 Mar 2021", "2021-03-04"),
    ]
    assert find_dates("in 2016, and on 3/4 of the days") == []
