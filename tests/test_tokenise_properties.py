"""Property tests: any Unicode text is tokenised without error, and always the same way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tokenise_in_memory import tokenise_settings, tokenise_texts

TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
WORDY = st.lists(
    st.sampled_from(
        [
            "Iran",
            "and",
            "of",
            "U.S.",
            "Russia's",
            "the",
            "SCO",
            "x-y",
            "’s",
            "2015",
            ".",
            "\n",
            "said",
            "Él",
            "ß",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(TEXT, WORDY), min_size=1, max_size=4))
def test_any_text_is_tokenised_deterministically(texts):
    config = tokenise_settings(phrases={"min_count": 1, "threshold": 0.0})
    first, _ = tokenise_texts(texts, config)
    second, _ = tokenise_texts(list(texts), config)
    assert first == second
    assert len(first) == len(texts)
    for doc in first:
        assert all(isinstance(t, str) and t and not t.isspace() and " " not in t for t in doc)
