"""Cleaning one article: boilerplate of each kind, titles, dates and sources from the header."""

from __future__ import annotations

import pytest

from defaults import section
from topicpipe.ingest.article import Layout, clean_article
from topicpipe.ingest.dates import find_date, parse_date
from topicpipe.ingest.normalise import normalise_text
from topicpipe.ingest.patterns import PatternError, compile_patterns

CONFIG = section("ingest")
PATTERNS = compile_patterns(CONFIG)
LAYOUT = Layout(**CONFIG["layout"])

BODY_1 = (
    "The harbour board of Port Velin approved a new quay for grain ships after a long "
    "debate among its members about costs, dredging and the future of the old fish market."
)
BODY_2 = (
    "Dock workers said the plan would bring more cargo to the town, while farmers on the "
    "plain hoped that their wheat could leave by sea before the autumn rains arrived."
)


def clean(text: str, **kwargs):
    return clean_article(normalise_text(text), PATTERNS, LAYOUT, **kwargs)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2 Feb 2016", "2016-02-02"),
        ("Apr 17, 2018, 10:12 AM", "2018-04-17"),
        ("17 April 2018", "2018-04-17"),
        ("2018-04-17", "2018-04-17"),
        ("Tuesday, 3rd of September 2019", "2019-09-03"),
        ("Sept. 3, 2019", "2019-09-03"),
        ("31 Feb 2019", ""),
        ("in 2016", ""),
    ],
)
def test_date_forms(written, iso):
    assert find_date(written) == iso
    assert parse_date(f"  {written} ") == iso


def test_header_date_forms_are_found_and_removed():
    for line, iso in [
        ("Apr 17, 2018, 10:12 AM", "2018-04-17"),
        ("Published: 17 April 2018", "2018-04-17"),
        ("2018-04-17 14:05", "2018-04-17"),
    ]:
        article = clean(f"Quay approved\n{line}\n\n{BODY_1}\n\n{BODY_2}")
        assert article.date == iso, line
        assert article.title == "Quay approved"
        assert line not in article.text
        assert [r.kind for r in article.removed] == ["timestamp"]


def test_dateline_gives_date_and_agency_and_is_stripped():
    article = clean(f"Quay approved\n\nVELIN (PNA)- 2 Feb 2016 \u2013 {BODY_1}\n\n{BODY_2}")
    assert article.date == "2016-02-02"
    assert article.source == "PNA"
    assert article.text.startswith("Quay approved\n\nThe harbour board")
    assert article.removed[0].kind == "dateline"


def test_date_in_the_body_is_ignored():
    body = f"{BODY_1} The first quay opened on 17 April 2018 after years of work.\n\n{BODY_2}"
    article = clean(f"Quay approved\n\n{body}")
    assert article.date == ""
    assert "17 April 2018" in article.text


def test_repeated_title_and_byline_give_title_and_source():
    text = (
        f"Quay approved at last\n\nBy Velin Herald\nQuay approved at last\n\n{BODY_1}\n\n{BODY_2}"
    )
    article = clean(text)
    assert article.title == "Quay approved at last"
    assert article.source == "Velin Herald"
    assert article.source_from == "byline"
    assert article.text.count("Quay approved at last") == 1
    assert {r.kind for r in article.removed} == {"byline", "repeated_title"}


def test_outlet_prefix_of_title_becomes_source():
    article = clean(f"HARBOUR NEWS : Quay approved\n\n{BODY_1}")
    assert article.title == "Quay approved"
    assert article.source == "HARBOUR NEWS"


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        (["News Code : 384756"], "news_id"),
        (["1,204 views", "Share this article", "Facebook Twitter WhatsApp"], "counter"),
        (["Follow us on Twitter @velinherald"], "follow"),
        (["Source: Velin Herald"], "credit"),
        (["\u00a9 2016 Velin Herald. All rights reserved."], "copyright"),
        (["Tags: harbour, grain, quay"], "tags"),
        (["Read More: Farmers ask for a new road"], "related"),
    ],
)
def test_each_boilerplate_kind_is_removed_and_audited(lines, kind):
    footer = "\n".join(lines)
    article = clean(f"Quay approved\n\n{BODY_1}\n\n{BODY_2}\n\n{footer}")
    assert article.text == f"Quay approved\n\n{BODY_1}\n\n{BODY_2}"
    assert [r.kind for r in article.removed] == [kind] * len(lines)
    assert [r.text for r in article.removed] == lines
    assert article.chars_removed == sum(len(line) for line in lines)


def test_related_news_block_goes_with_its_headline_list():
    footer = (
        "Related News:\n\nFarmers ask for a new road\nFish market to close in May\n"
        "Mayor visits the dredger"
    )
    article = clean(f"Quay approved\n\n{BODY_1}\n\n{footer}\n\n{BODY_2}")
    assert article.text == f"Quay approved\n\n{BODY_1}\n\n{BODY_2}"
    assert [r.kind for r in article.removed] == ["related_block"] * 4


def test_substantive_short_lines_are_kept():
    body = f"{BODY_1}\n\nThe vote was close.\n\nSource of the funds remains unclear, critics said."
    article = clean(f"Quay approved\n\n{body}")
    assert article.removed == []
    assert "The vote was close." in article.text


def test_text_without_header_takes_its_first_words_as_title():
    article = clean(BODY_1)
    assert article.title == "The harbour board of Port Velin approved a new quay for grain"
    assert article.text == BODY_1


def test_bad_user_pattern_names_the_key():
    config = {**CONFIG, "boilerplate": {"lines": {"mine": ["(unclosed"]}, "blocks": []}}
    with pytest.raises(PatternError, match=r"ingest\.boilerplate\.lines\.mine"):
        compile_patterns(config)
