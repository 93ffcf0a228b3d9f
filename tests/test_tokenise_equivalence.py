"""The fast paths give exactly what the reference implementations give.

Splitting must find nltk's ``RegexpTokenizer`` tokens; phrase counting must give
gensim's ``Phrases`` vocabulary; applying a layer must join what gensim's
``FrozenPhrases`` joins. A difference would silently change a researcher's tokens.
"""

from __future__ import annotations

import pytest
from gensim.models.phrases import Phrases
from hypothesis import given, settings
from hypothesis import strategies as st

from tokenise_in_memory import read_scan_line, tokenise_settings
from topicpipe.tokenise.names import JOINER
from topicpipe.tokenise.phrases import PhraseCounts, PhraseLayer
from topicpipe.tokenise.scan import PHRASE_CONNECTORS
from topicpipe.tokenise.stage import scan_line
from topicpipe.tokenise.tokens import (
    _NOISE,
    _PATTERN,
    _SPLITTER,
    FOLD,
    _engines_agree,
    split_text,
)

# Pieces of news-like text, with the cases the splitting pattern treats specially.
PIECES = st.sampled_from(
    [
        "Iran",
        "the",
        "U.S.",
        "U.S",
        "Mr.",
        "Mrs. ",
        "No. 5",
        "Gen.",
        "Russia's",
        "don't",
        "north-south",
        "2,000",
        "1.5",
        "12,34",
        "x.y",
        "e.g.",
        "...",
        "—",
        "“quoted”",
        "\n",
        "\t",
        "   ",
        "\x1c",
        "\x85",
        "e\u0301",
        "naïve",
        "ایران\u200cی",
        "½",
        "²",
        "日本",
        "_",
    ]
)
TEXTS = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=200),
    st.lists(PIECES, max_size=30).map("".join),
    st.lists(PIECES, max_size=30).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_splitting_finds_exactly_nltk_tokens(text):
    cleaned = _NOISE.sub(" ", text.translate(FOLD))
    assert split_text(text) == _SPLITTER.tokenize(cleaned)


def test_text_with_characters_the_engines_class_differently_goes_to_nltk():
    # A combining accent is a word character for nltk's engine only: the word stays whole.
    assert not _engines_agree("cafe\u0301")
    assert split_text("cafe\u0301 au lait") == ["cafe\u0301", "au", "lait"]
    assert _engines_agree("Plain ASCII, and “curly” quotes folded.".translate(FOLD))
    assert "(?:[A-Za-z]" in _PATTERN


# Chunks over a small vocabulary, so that words, pairs and phrases recur; connectors
# and tokens already joined with "_" (names, earlier phrases) included.
WORDS = st.sampled_from(
    ["iran", "oil", "price", "nuclear", "program", "of", "the", "for", "nuclear_program", "a_b"]
    + ["a", "b", "b_c", "oil_price"]
)
CHUNKS = st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=1, max_size=40)


def gensim_phrases(chunks: list[list[str]], min_count: int, threshold: float) -> Phrases:
    model = Phrases(
        min_count=min_count,
        threshold=threshold,
        scoring="npmi",
        connector_words=PHRASE_CONNECTORS,
        delimiter=JOINER,
        max_vocab_size=2**62,
    )
    model.add_vocab(chunks)
    return model


@settings(max_examples=200, deadline=None)
@given(CHUNKS, st.sampled_from([1, 2, 3]), st.sampled_from([-0.5, 0.0, 0.3, 0.6]))
def test_counts_and_phrases_equal_gensim(chunks, min_count, threshold):
    reference = gensim_phrases(chunks, min_count, threshold)
    counts = PhraseCounts()
    counts.add_documents([chunks[: len(chunks) // 2], chunks[len(chunks) // 2 :]])
    assert counts.vocabulary() == reference.vocab
    assert counts.words == reference.corpus_word_count
    settings = tokenise_settings(phrases={"min_count": min_count, "threshold": threshold})
    layer = counts.layer(settings.phrases)
    # Every score is an NPMI in [-1, 1], tokens already joined ("a_b", names) included.
    assert all(-1.0 <= score <= 1.0 for score in layer.frozen.phrasegrams.values())
    # Over plain words, phrases and their scores are gensim's; gensim differs only where it
    # takes a joined token for a pair of the words it no longer shows.
    plain = [[word for word in chunk if JOINER not in word] for chunk in chunks]
    plain = [chunk for chunk in plain if chunk]
    counts = PhraseCounts()
    counts.add_documents([plain])
    frozen = gensim_phrases(plain, min_count, threshold).freeze()
    layer = counts.layer(settings.phrases)
    assert layer.frozen.phrasegrams == pytest.approx(frozen.phrasegrams, abs=1e-12)
    for chunk in plain:
        assert layer(chunk) == frozen[chunk]


@settings(max_examples=100, deadline=None)
@given(CHUNKS, CHUNKS)
def test_taking_chunks_away_gives_the_counts_without_them(kept, removed):
    counts = PhraseCounts()
    counts.add_documents([kept + removed])
    for chunk in removed:
        counts.add(chunk, -1)
    reference = gensim_phrases(kept, 1, 0.0)
    assert counts.vocabulary() == reference.vocab
    assert counts.words == reference.corpus_word_count


@settings(max_examples=50, deadline=None)
@given(CHUNKS, CHUNKS)
def test_pair_counts_merged_in_many_small_steps_equal_one_merge(kept, removed):
    whole = PhraseCounts()
    whole.add_documents([kept + removed])
    steps = PhraseCounts()
    # A large corpus is merged every few million pairs; here every few pairs.
    steps.pairs._MERGE_EVERY = 2
    steps.add_documents([kept, removed])
    for chunk in removed:
        steps.add(chunk, -1)
        steps.add(chunk)
    assert steps.vocabulary() == whole.vocabulary()
    assert len(steps.pairs.counts()[0]) == len(set(steps.pairs.counts()[0]))


def test_phrase_layer_is_greedy_from_the_left_like_gensim():
    chunks = [["p", "q", "r"], ["q", "r"], ["q", "r"], ["p", "q"], ["p", "q"], ["x", "of", "y"]]
    chunks += [["x", "of", "y"]] * 3
    frozen = gensim_phrases(chunks, 1, -1.0).freeze()
    layer = PhraseLayer(frozen)
    for chunk in (["p", "q", "r"], ["x", "of", "y", "of"], ["of", "x", "of", "y"], ["r"]):
        assert layer(chunk) == frozen[chunk]
    assert layer(["p", "q", "r"]) == ["p_q", "r"]
    assert layer(["x", "of", "y", "q", "r"]) == ["x_of_y", "q_r"]


def test_scan_lines_keep_ids_and_chunks_exactly():
    chunks = [["iran", "shanghai cooperation organization"], ["nuclear", "of", "program"]]
    for doc_id in ("doc1", "tab\there", "line\nbreak", "ünï\x1fcode", ""):
        assert read_scan_line(scan_line(doc_id, chunks)) == (doc_id, chunks)
    assert read_scan_line(scan_line("empty", [])) == ("empty", [])
