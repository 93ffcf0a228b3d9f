"""Duplicates: copies are caught, articles that merely share quotations are not."""

from __future__ import annotations

import hashlib
import random
import re
import zlib

import numpy as np
import pytest

from defaults import section
from topicpipe.ingest.duplicates import MAX_SHINGLES, DuplicateFinder, KeyIndex

SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "ne", "dri", "pa", "gol", "ish"]


def new_finder() -> DuplicateFinder:
    """A finder with the default ``ingest.duplicates`` settings."""
    settings = section("ingest")["duplicates"]
    return DuplicateFinder(
        settings["threshold"],
        settings["shingle_words"],
        settings["num_perm"],
        settings["max_days_apart"],
    )


def fake_article(seed: int, words: int = 400) -> str:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) for _ in range(1500)]
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentence = " ".join(rng.choices(vocabulary, k=rng.randint(8, 20)))
        sentences.append(sentence.capitalize() + ".")
    return " ".join(sentences)


def test_exact_copy_with_other_spacing_and_case_is_exact():
    text = fake_article(1)
    finder = new_finder()
    assert finder.check("a", "a.txt", text) is None
    match = finder.check("b", "b.txt", "  " + text.upper().replace(" ", "\n"))
    assert (match.kept_id, match.kind, match.similarity) == ("a", "exact", 1.0)


def test_repost_with_different_header_and_footer_is_near_duplicate():
    text = fake_article(2)
    repost = f"Breaking from our partners\n\n{text}\n\nShare this story with friends"
    finder = new_finder()
    finder.check("wire", "wire.txt", text)
    match = finder.check("repost", "repost.txt", repost)
    assert match is not None and match.kind == "near" and match.kept_id == "wire"
    assert match.similarity >= 0.8


def test_articles_sharing_quotations_are_not_merged():
    quotes = [fake_article(seed, words=30) for seed in (10, 11, 12)]
    one = " ".join([fake_article(3), *quotes])
    two = " ".join([*quotes, fake_article(4)])
    finder = new_finder()
    assert finder.check("one", "one.txt", one) is None
    assert finder.check("two", "two.txt", two) is None


def test_same_input_gives_same_signature():
    text = fake_article(5)
    assert (new_finder().signature(text) == new_finder().signature(text)).all()


@pytest.mark.parametrize(
    "text",
    [
        "Iran's oil_deal: 2.5 BILLION\tdollars (SCO) -- signed!",
        "Café Ünal's ΣΟΦΙΑ straße: 1,5 Mrd; Åsa Wałęsa à Köln",
    ],
)
def test_the_fingerprint_is_that_of_the_texts_words(text):
    # ASCII text is split as bytes, other text by the pattern: both fingerprint the same
    # words, a CRC-32 of each and a SHA-1 of them all, as stored fingerprints expect.
    words = re.findall(r"\w+", text.casefold())
    digest, hashes = new_finder()._words(text)
    assert hashes.tolist() == [zlib.crc32(word.encode("utf-8")) for word in words]
    assert digest == hashlib.sha1((" ".join(words) + " ").encode("utf-8")).digest()


def test_a_long_text_is_capped_and_its_copy_still_found():
    # About 60,000 distinct shingles: more than the cap, so a sample stands for the text.
    text = " ".join(fake_article(seed, words=2000) for seed in range(30))
    finder = new_finder()
    assert len(finder._shingles(finder._words(text)[1])) == MAX_SHINGLES
    assert finder.check("long", "long.txt", text) is None
    match = finder.check("copy", "copy.txt", "Reposted from the wire\n\n" + text)
    assert match is not None and match.kind == "near" and match.kept_id == "long"


def test_the_index_finds_the_same_articles_before_and_after_merging():
    index = KeyIndex(batch=4)
    index.add(np.array([5, 9], dtype=np.uint32), 0)
    index.add(np.array([9, 12], dtype=np.uint32), 1)
    assert index.owners_of(np.array([9], dtype=np.uint32)) == {0, 1}
    index.add(np.array([7], dtype=np.uint32), 2)  # the fourth distinct key merges the batch
    assert not index.recent
    assert index.owners_of(np.array([9, 7, 1], dtype=np.uint32)) == {0, 1, 2}


def test_copies_on_other_days_are_kept_as_similar_and_same_day_copies_dropped():
    # A templated wire item on several dates: each date is an event of its own.
    text = fake_article(6)
    finder = new_finder()
    assert finder.check("mon", "w.csv", text, "1987-03-02") is None
    same_day = finder.check("mon2", "w.csv", text + " 1.5 billion", "1987-03-02")
    assert (same_day.kept_id, same_day.kept_both) == ("mon", False)
    tuesday = finder.check("tue", "w.csv", text + " 2.0 billion", "1987-03-03")
    assert (tuesday.kept_id, tuesday.kept_both, tuesday.days_apart) == ("mon", True, 1)
    # A later copy on Tuesday is a duplicate of the Tuesday article, not a new event.
    again = finder.check("tue2", "w.csv", text + " 2.0 billion", "1987-03-03")
    assert (again.kept_id, again.kind, again.kept_both) == ("tue", "exact", False)
    undated = finder.check("x", "w.csv", text, "")
    assert undated.kept_both is False
