"""Name runs: counting across the corpus decides whether a rare run is split."""

from __future__ import annotations

from topicpipe.tokenise.names import NameVocabulary


def test_frequent_run_stays_whole():
    names = NameVocabulary({"russian security council": 4})
    assert names.split("russian security council") == ["russian_security_council"]


def test_rare_run_is_split_after_a_known_name():
    names = NameVocabulary({"russian security council": 4, "russian security council patrushev": 1})
    assert names.split("russian security council patrushev") == [
        "russian_security_council",
        "patrushev",
    ]


def test_connector_at_the_cut_is_dropped():
    names = NameVocabulary(
        {"supreme national security council": 2, "supreme national security council of iran": 1}
    )
    assert names.split("supreme national security council of iran") == [
        "supreme_national_security_council",
        "iran",
    ]


def test_a_known_suffix_does_not_cut_a_longer_institution_name():
    names = NameVocabulary({"security council": 9, "supreme national security council": 1})
    assert names.split("supreme national security council") == ["supreme_national_security_council"]


def test_one_word_before_a_known_name_is_cut_off():
    names = NameVocabulary({"mehdi sanaei": 3, "russia mehdi sanaei": 1})
    assert names.split("russia mehdi sanaei") == ["russia", "mehdi_sanaei"]


def test_unknown_rare_run_stays_whole_and_user_phrases_are_never_cut():
    names = NameVocabulary({"ali akbar velayati": 1})
    assert names.split("ali akbar velayati") == ["ali_akbar_velayati"]
    keep = NameVocabulary(
        {"iran": 0, "security council": 5}, keep=frozenset({"un security council"})
    )
    assert keep.split("un security council") == ["un_security_council"]
