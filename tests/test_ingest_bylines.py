"""Persons and outlets in bylines."""

from __future__ import annotations

import pytest

from topicpipe.ingest.bylines import Outlets, is_role, name_with_role, person_name, read_byline

OUTLETS = Outlets.with_extra(["Velin Courier Online", "PNA"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna Kessler", "Anna Kessler"),
        ("MARTA OLSSON", "Marta Olsson"),
        ("Kim Soo-min", "Kim Soo-min"),
        ("Ayşe Demir", "Ayşe Demir"),
        ("Ludwig van der Berg", "Ludwig van der Berg"),
        ("J. R. Hartley", "J. R. Hartley"),
        ("Reuters Staff", ""),
        ("Special Correspondent", ""),
        ("Live Updates", ""),
        ("Middle East", ""),
        ("March", ""),
        ("the end of the season", ""),
        ("Royal Decree", ""),
        ("Executive Order", ""),
        ("Popular Demand", ""),
        ("Unanimous Vote", ""),
    ],
)
def test_person_names(text, name):
    assert person_name(text) == name


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Reuters Staff", "Reuters"),
        ("BBC Scotland", "BBC Scotland"),
        ("The Associated Press", "Associated Press"),
        ("Tehran Times", "Tehran Times"),
        ("Daily Sabah", "Daily Sabah"),
        ("Vestnik Kavkaza", "Vestnik Kavkaza"),
        ("Velin Courier Online", "Velin Courier Online"),
        ("PNA", "PNA"),
        ("Anna Kessler", ""),
        ("Press Freedom Day Marked", ""),
        ("ISTANBUL", ""),
    ],
)
def test_outlet_names(text, outlet):
    assert OUTLETS.outlet(text) == outlet


def test_names_with_a_role_or_place_after_them():
    assert name_with_role("Harriet Cole North of England correspondent") == "Harriet Cole"
    assert name_with_role("Harriet Cole in Leeds") == "Harriet Cole"
    assert name_with_role("Mary Ann Smith correspondent") == "Mary Ann Smith"
    assert is_role("Lecturer in Marine Ecology, Skerholm University")
    assert not is_role("Shipping startups bet on sail-assisted cargo ships")


def test_a_byline_is_read_only_when_every_part_is_understood():
    read = read_byline("LENA ORTEGA AND PAUL DRISCOLL", OUTLETS)
    assert (read.authors, read.source) == (["Lena Ortega", "Paul Driscoll"], "")
    read = read_byline("Anna Kessler, PNA", OUTLETS)
    assert (read.authors, read.source) == (["Anna Kessler"], "PNA")
    assert read_byline("March, the clinics had seen 9,000 patients", OUTLETS) is None
