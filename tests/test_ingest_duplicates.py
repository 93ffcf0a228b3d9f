"""Duplicates: copies are caught, articles that merely share quotations are not."""

from __future__ import annotations

import random

from defaults import section
from topicpipe.ingest.duplicates import DuplicateFinder

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
