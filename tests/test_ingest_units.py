"""Document units: articles, paragraphs (with a minimum length) and windows."""

from __future__ import annotations

from topicpipe.ingest.units import merged_paragraphs, split_units, windows

ARTICLE = {
    "id": "herald/quay",
    "source_path": "herald/quay.txt",
    "title": "Quay approved",
    "text": "Quay approved\n\n"
    + "one two three four five six seven eight nine ten.\n\n"
    + "Short line.\n\n"
    + "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
    "date": "2016-02-02",
    "source": "Herald",
    "meta": {"section": "ports"},
}


def test_article_unit_is_its_own_parent():
    (unit,) = split_units(ARTICLE, "article", 25, 200)
    assert unit["id"] == unit["parent_id"] == "herald/quay"
    assert unit["unit"] == "article"


def test_paragraphs_join_short_ones_and_lose_nothing():
    units = list(split_units(ARTICLE, "paragraph", paragraph_min_words=10, window_words=200))
    assert [u["id"] for u in units] == ["herald/quay#p001", "herald/quay#p002"]
    assert all(u["parent_id"] == "herald/quay" for u in units)
    assert all(u["date"] == "2016-02-02" and u["meta"] == {"section": "ports"} for u in units)
    assert all(len(u["text"].split()) >= 10 for u in units)
    joined = " ".join(" ".join(u["text"].split()) for u in units)
    assert joined == " ".join(ARTICLE["text"].split())


def test_short_text_is_one_paragraph_unit():
    assert merged_paragraphs("Only a few words.", 25) == ["Only a few words."]


def test_lines_are_paragraphs_when_there_are_no_blank_lines():
    text = "first paragraph has words\nsecond paragraph has words"
    assert merged_paragraphs(text, 3) == ["first paragraph has words", "second paragraph has words"]


def test_windows_fold_a_short_tail_into_the_last_window():
    text = " ".join(str(i) for i in range(240))
    parts = windows(text, 100)
    assert [len(p.split()) for p in parts] == [100, 140]
    units = list(
        split_units({**ARTICLE, "text": text}, "window", paragraph_min_words=25, window_words=100)
    )
    assert [u["id"] for u in units] == ["herald/quay#w001", "herald/quay#w002"]
