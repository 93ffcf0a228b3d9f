"""Tokens a researcher relies on: names intact, possessives, acronyms, stopwords, numbers."""

from __future__ import annotations

import pytest

from tokenise_in_memory import tokenise_settings, tokenise_texts
from topicpipe.tokenise.scan import bare_lines


def tokens(text: str, **overrides) -> list[str]:
    """The tokens of one text, fitted on that text alone."""
    return tokenise_texts([text], tokenise_settings(**overrides))[0][0]


def test_possessives_with_straight_and_curly_apostrophes_are_stripped():
    found = tokens("Russia's army and Iran’s navy met Tehran‘s envoy.")
    assert "russia" in found and "iran" in found and "tehran" in found
    assert not any("'" in t or "’" in t or t.endswith("s_") for t in found)


def test_curly_quotes_do_not_leak_into_tokens():
    found = tokens("He called Iran “a close and natural partner” of Moscow.")
    assert "partner" in found
    assert all(t.isalnum() or "_" in t or "-" in t for t in found)


def test_hyphenated_compounds_stay_whole():
    assert "north-south" in tokens("The north-south corridor links ports.")
    assert "long-term" in tokens("They signed a long-term contract.")


def test_acronyms_are_kept_even_when_short_or_spelt_like_stopwords():
    found = tokens("Iran joined the SCO, not the JCPOA talks with the U.S. or BRICS and the UN.")
    for acronym in ("sco", "jcpoa", "united_states", "brics", "united_nations"):
        assert acronym in found
    settings = tokenise_settings()
    unaliased = type(settings)(**{**vars(settings), "options": _without_aliases(settings.options)})
    assert "un" in tokenise_texts(["The UN met."], unaliased)[0][0]


def _without_aliases(options):
    return type(options)(**{**vars(options), "aliases": (), "run_aliases": ()})


def test_numbers_are_dropped_by_default_and_kept_on_request():
    text = "In 2015 the 5 sides signed 2,000 pages of a deal."
    assert not any(t[0].isdigit() for t in tokens(text))
    kept = tokens(text, numbers="keep")
    assert "2015" in kept and "2000" in kept


def test_urls_emails_and_handles_are_removed():
    found = tokens(
        "Read https://example.org/x?id=1 or mail desk@example.com, says @newsdesk today."
    )
    assert not any("example" in t or "newsdesk" in t or "http" in t for t in found)


def test_multi_word_names_become_one_token_and_are_never_lemmatised():
    found = tokens(
        "Officials of the United States met the Shanghai Cooperation Organization. "
        "The Organization of Islamic Cooperation sent observers to Moscow."
    )
    assert "united_states" in found
    assert "shanghai_cooperation_organization" in found
    assert "organization_of_islamic_cooperation" in found
    assert "unite_state" not in found and "unite" not in found


def test_and_separates_two_names_but_not_inside_an_institution_name():
    found = tokens(
        "Talks between Russia and Iran continued. "
        "The Organization for Security and Co-operation in Europe observed."
    )
    assert "russia" in found and "iran" in found
    assert not any(t.startswith("russia_and") for t in found)
    assert "organization_for_security_and_co-operation" in found


def test_titles_are_split_off_names():
    found = tokens("Yesterday President Vladimir Putin met Ayatollah Ali Khamenei in Tehran.")
    assert "vladimir_putin" in found and "ali_khamenei" in found
    assert "president_vladimir_putin" not in found


def test_sentence_initial_common_word_is_not_taken_for_a_name():
    found = tokens("Sanctions hurt. Moscow disagreed. Relations improved.")
    assert "sanction" in found and "relation" in found and "moscow" in found


def test_names_survive_stemming_while_common_words_are_stemmed():
    found = tokens("Patrushev discussed relations with the United States.", normalise="snowball")
    assert "patrushev" in found and "united_states" in found
    assert "relat" in found
    porter = tokens("Patrushev discussed sanctions.", normalise="porter")
    assert "patrushev" in porter and "sanction" in porter


def test_news_stopwords_are_on_by_default_and_can_be_turned_off():
    text = "The minister said on Monday that the correspondent told reporters about oil."
    default = tokens(text)
    assert not {"say", "said", "monday", "correspondent", "tell"} & set(default)
    assert "oil" in default
    assert {"tell", "correspondent", "monday"} <= set(tokens(text, news_stopwords=False))


def test_user_stopwords_can_remove_a_multi_word_name():
    text = "By Vestnik Kavkaza. Iran and Vestnik Kavkaza readers discussed oil."
    assert "vestnik_kavkaza" in tokens(text)
    assert "vestnik_kavkaza" not in tokens(text, extra_stopwords=["Vestnik Kavkaza"])


def test_lowercase_off_keeps_the_case_of_names():
    assert "Moscow" in tokens("Officials in Moscow agreed.", lowercase=False)


@pytest.mark.parametrize("text", ["", "   ", "...", "\n\n", "12 34", "the of and"])
def test_texts_without_words_give_no_tokens(text):
    assert tokens(text) == []


def test_an_acronym_and_its_full_name_give_one_token():
    found = tokens(
        "The U.S. and the US said the United States and the United States of America agree. "
        "The U.K. and the United Kingdom, the U.N. and the United Nations, the EU and the UAE."
    )
    assert found.count("united_states") == 4
    assert found.count("united_kingdom") == 2 and found.count("united_nations") == 2
    assert {"european_union", "united_arab_emirates"} <= set(found)
    assert not {"us", "uk", "un", "united_states_of_america"} & set(found)


def test_the_pronoun_us_is_never_the_country():
    found = tokens("Let us wait, he told us. Us? The US did not.")
    assert found.count("united_states") == 1


def test_all_caps_and_table_lines_give_no_names_from_capitals_alone():
    # Issue 11, finding 3: mln_dlrs, pay_april, record_march, qtr_jan, us_would, us_was.
    text = (
        "FED ADDS RESERVES VIA CUSTOMER REPURCHASES\n"
        "U.S. WOULD CUT AID, US WAS TOLD\n"
        "MLN DLRS\n"
        "Qtr Jan 31\nPay April 15\nRecord March 31\n"
        "Vladimir Putin met Ebrahim Raisi in Moscow on March 31 to talk about aid."
    )
    found = tokens(text)
    for junk in ("pay_april", "record_march", "qtr_jan", "us_would", "us_was", "mln_dlrs"):
        assert junk not in found
    assert not any(t.startswith("fed_") or t.startswith("us_") for t in found)
    # Words of those lines are read as common words (lemmas), an alias (U.S., US) as its
    # name; names in ordinary lines are joined as before.
    assert {"reserve", "customer", "repurchase", "pay", "record"} <= set(found)
    assert found.count("united_states") == 2
    assert {"vladimir_putin", "ebrahim_raisi", "moscow"} <= set(found)


def test_bare_lines_are_all_caps_or_table_rows_only():
    text = (
        "IRAN AND RUSSIA SIGN DEAL\nPay April 15\n"
        "Putin met Raisi in Moscow on March 31, 2021.\nNATO"
    )
    assert bare_lines(text) == {0, 1}
