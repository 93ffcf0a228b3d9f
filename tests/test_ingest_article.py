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
    assert parse_date(f"  {written} ").iso == iso


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
        (["1,204 views", "Comments: 12"], "counter"),
        (
            ["Share this article", "Facebook Twitter WhatsApp", "Copy link X LinkedIn Email"],
            "share",
        ),
        (["4 minute read", "Reading time: 2 minutes", "Listen to this article"], "reading_time"),
        (["Editor: Wang Lei", "Edited by: Tom Weller"], "editor"),
        (["Comments", "Leave a Reply", "Join the conversation"], "comments"),
        (["Read in Arabic", "Lire en français", "www.velinherald.example/quay"], "alternate"),
        (["Video Player is loading.", "Play Video", "Duration 2:14", "Loaded: 0%"], "video"),
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


LONG_LOOKALIKES = [
    "Share prices of the harbour company fell by a tenth after the vote, traders in the port said.",
    "Copyright disputes over the old quay's name were settled when the council agreed to keep it.",
    "Follow-up inspections of the dredger found rust in two pumps, the harbour master said.",
    "Sign up for the new ferry alerts opened on Monday, and 4,000 islanders registered.",
    "Comments from dock workers at the meeting were mostly about pay for the new night shifts.",
    "Tags fixed to each container now send its position to the harbour office every ten minutes.",
    "By March, the board had spent more on tugs than on the fish market, the auditors found.",
    "Editors at the Velin Herald said the paper would print the full list of approved berths.",
    "The contract is 'all rights reserved', the lawyer said, so the plans cannot be shared yet.",
    "Updated figures released on 3 May 2022 showed grain exports through the port rising again.",
    "Source of the funds remains unclear, critics said, because the board has not published it.",
]


@pytest.mark.parametrize("line", LONG_LOOKALIKES)
def test_story_lines_that_resemble_boilerplate_are_kept(line):
    article = clean(f"Quay approved\n\n{BODY_1}\n\n{line}\n\n{BODY_2}")
    assert line in article.text.split("\n")
    assert article.removed == []
    assert article.date == ""


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By Anna Kessler and Tomas Reyes", "Anna Kessler; Tomas Reyes", ""),
        ("By MARTA OLSSON Associated Press", "Marta Olsson", "Associated Press"),
        ("By Reuters Staff", "", "Reuters"),
        ("By Velin Herald", "", "Velin Herald"),
        ("By RFE/RL's Tajik Service", "", "RFE/RL's Tajik Service"),
        ("Special Correspondent", "", ""),
    ],
)
def test_byline_tells_persons_from_outlets(byline, author, source):
    article = clean(f"Quay approved\n{byline}\n17 April 2018\n\n{BODY_1}\n\n{BODY_2}")
    assert (article.author, article.source, article.date) == (author, source, "2018-04-17")
    assert byline not in article.text


@pytest.mark.parametrize(
    ("dateline", "source"),
    [
        ("MOSCOW, April 14. /TASS/.", "TASS"),
        ("Berlin (dpa) -", "dpa"),
        ("Tehran, IRNA \u2013", "IRNA"),
        ("(ANSA) - VENICE, FEB 10 -", "ANSA"),
        ("SEOUL, Jan. 5 (Yonhap) --", "Yonhap"),
        ("Madrid, 3 Jun (EFE).-", "EFE"),
    ],
)
def test_dateline_agency_after_date_or_between_slashes_and_title_case_places(dateline, source):
    article = clean(f"Quay approved\n\n{dateline} {BODY_1}\n\n{BODY_2}")
    assert article.source == source
    assert article.text == f"Quay approved\n\n{BODY_1}\n\n{BODY_2}"
    assert article.date == ""  # a dateline without a year gives no date


@pytest.mark.parametrize(
    "opening",
    [
        "U.S.-backed Contra rebels attacked a village",
        "MGM/UA Communications Co said it would sell",
        "US-Iran relations have worsened since",
        "COVID-19 cases rose sharply in the province",
        "NATO-Russia talks ended without agreement",
        "WHO (World Health Organization) Director General said",
        "UPDATE: the council voted again on",
    ],
)
def test_a_story_that_does_not_open_with_a_dateline_keeps_its_first_word(opening):
    text = f"{opening} the plan for a new quay on Tuesday, officials said in a statement."
    for document in (text, f"Quay approved\n\n{text}\n\n{BODY_2}"):
        article = clean(document)
        assert text in article.text.split("\n")
        assert not [r for r in article.removed if r.kind == "dateline"]


@pytest.mark.parametrize(
    ("header", "iso"),
    [
        ("Published 6:15 AM EST, Tue February 9, 2021", "2021-02-09"),
        ("14 APR 2021, 10:25", "2021-04-14"),
        ("Nell Tremblay · CBC News · Posted: Oct 14, 2021 4:00 AM ET", "2021-10-14"),
        ("Updated: Oct 15, 2021 | Published: Oct 14, 2021", "2021-10-14"),
        ("Published\n12 May 2022", "2022-05-12"),
        ("Date 12.02.2022", "2022-02-12"),
        ("Source: Xinhua| 2022-08-17 21:04:15|Editor: huaxia", "2022-08-17"),
        ("JULY 9, 2021 / 4:12 PM / UPDATED 2 YEARS AGO", "2021-07-09"),
    ],
)
def test_header_dates_in_any_common_form_and_the_publication_date_wins(header, iso):
    article = clean(f"Quay approved\n{header}\n\n{BODY_1}\n\n{BODY_2}")
    assert article.date == iso
    assert article.text == f"Quay approved\n\n{BODY_1}\n\n{BODY_2}"


def test_ambiguous_header_date_gives_no_date_but_a_note_unless_the_dateline_settles_it():
    article = clean(f"Quay approved\nPublished 04/09/2022 11:32\n\n{BODY_1}\n\n{BODY_2}")
    assert article.date == ""
    assert "ambiguous date '04/09/2022'" in article.notes[0]
    settled = clean(f"Quay approved\n04/09/2022 11:32\n\nVELIN, Sept 4 (PNA) -- {BODY_1}")
    assert (settled.date, settled.notes) == ("2022-09-04", [])


def test_a_short_first_paragraph_with_a_date_is_story_not_header():
    first = "The next grain auction is set for 12 May 2022."
    article = clean(f"Quay approved\nBy Anna Kessler\n{first}\n\n{BODY_1}")
    assert (article.date, article.author) == ("", "Anna Kessler")
    assert first in article.text.split("\n")


def test_kicker_above_the_title_and_outlet_line_are_not_the_title():
    article = clean(f"Europe\nQuay approved for the grain ships\n17 April 2018\n\n{BODY_1}")
    assert article.title == "Quay approved for the grain ships"
    assert [r.kind for r in article.removed] == ["section", "timestamp"]
    article = clean(f"Velin Herald\nQuay approved for the grain ships\n\n{BODY_1}")
    assert (article.title, article.source) == ("Quay approved for the grain ships", "Velin Herald")


def test_without_a_title_line_the_title_is_the_story_not_the_dateline():
    article = clean(f"VELIN, Feb 3 (PNA) - {BODY_1}\n{BODY_2}")
    assert article.title == "The harbour board of Port Velin approved a new quay for grain"
    assert article.title_from == "first_words"
    assert article.source == "PNA"


@pytest.mark.parametrize(
    ("text", "title", "kept"),
    [
        ("Quay approved", "Quay approved", "Quay approved"),
        (
            "Quay approved for grain ships, the board said on Tuesday",
            "Quay approved for grain ships, the board said on Tuesday",
            "Quay approved for grain ships, the board said on Tuesday",
        ),
        ("Quay approved\nBy Anna Kessler", "Quay approved", "Quay approved"),
        (
            "Quay approved\n\nThe vote was close.",
            "Quay approved",
            "Quay approved\n\nThe vote was close.",
        ),
        (
            "Quay approved.\nThe vote was close.",
            "Quay approved. The vote was close.",
            "Quay approved.\nThe vote was close.",
        ),
    ],
)
def test_short_documents_keep_their_text(text, title, kept):
    article = clean(text)
    assert (article.title, article.text) == (title, kept)


def test_precision_cases_leave_a_field_empty_rather_than_wrong():
    # A sentence-case two-word headline is the title, not a kicker above the standfirst.
    article = clean(
        f"Quay holds\nBoard backs the grain quay for a third year\nBy Anna Kessler\n\n{BODY_1}"
    )
    assert (article.title, article.author) == ("Quay holds", "Anna Kessler")
    # A paste that starts with the author: the title is the story's first words.
    article = clean(f"Anna Kessler\n17 April 2018\n\n{BODY_1}")
    assert (article.author, article.date, article.title_from) == (
        "Anna Kessler",
        "2018-04-17",
        "first_words",
    )
    # A date inside a short sentence under the title is not the article's date.
    article = clean(f"Quay approved\nMonday 17 April 2018 at the town hall\n\n{BODY_1}")
    assert article.date == ""
    assert "Monday 17 April 2018 at the town hall" in article.text


def test_a_means_after_by_is_kept_as_text_not_read_as_an_author():
    article = clean(f"Quay approved at last\n\nBy Royal Decree\n\n{BODY_1}\n\n{BODY_2}")
    assert article.author == ""
    assert "By Royal Decree" in article.text
