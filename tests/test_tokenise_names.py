"""Name runs: counting across the corpus decides whether a rare run is split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from topicpipe.tokenise.fitted import FittedTokeniser
from topicpipe.tokenise.names import SEPARATOR, NameVocabulary
from topicpipe.tokenise.phrases import UserPhrases
from topicpipe.tokenise.scan import chunks_text


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


# Chunks of common words and name runs; "vestnik kavkaza" is a stopword once joined, and
# the rare "russian security council patrushev" is split into a known name and a word.
RUNS = {
    "vestnik kavkaza": 3,
    "vladimir putin": 3,
    "russian security council": 4,
    "russian security council patrushev": 1,
}
ITEMS = st.sampled_from(["said", "oil", "of", *RUNS])
NAME_CHUNKS = st.lists(st.lists(ITEMS, min_size=1, max_size=6), max_size=6)


@settings(max_examples=200, deadline=None)
@given(NAME_CHUNKS)
def test_names_resolved_in_a_documents_text_are_those_of_each_run(chunks):
    names = NameVocabulary(RUNS)
    fitted = FittedTokeniser(names, UserPhrases([]), [], frozenset({"vestnik_kavkaza"}))
    expected = [
        [
            token
            for item in chunk
            for token in (names.split(item) if SEPARATOR in item else [item])
            if token != "vestnik_kavkaza"
        ]
        for chunk in chunks
    ]
    assert fitted.prepared(chunks) == [chunk for chunk in expected if chunk]
    assert fitted.prepared(chunks) == fitted.prepared_text(chunks_text(chunks))
