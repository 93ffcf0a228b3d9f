"""Tokens a researcher relies on: names intact, possessives, acronyms, stopwords, numbers."""

from __future__ import annotations

import pytest

from tokenise_in_memory import tokenise_settings, tokenise_texts


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
    for acronym in ("sco", "jcpoa", "us", "brics", "un"):
        assert acronym in found


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
