"""Split a cleaned article into the documents that are modelled: the article itself,
its paragraphs, or fixed-size windows of words."""

from __future__ import annotations

import re
from collections.abc import Iterator

_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; one per line when a text has no blank lines."""
    parts = [p.strip() for p in _BLANK_LINE.split(text) if p.strip()]
    if len(parts) == 1 and "\n" in parts[0]:
        parts = [line.strip() for line in parts[0].split("\n") if line.strip()]
    return parts


def merged_paragraphs(text: str, min_words: int) -> list[str]:
    """Paragraphs, each shorter one joined to the next, so every unit has ``min_words`` words.

    A short last paragraph joins the one before it; nothing of the text is lost. A text
    shorter than ``min_words`` in all gives one unit.
    """
    units: list[str] = []
    pending: list[str] = []
    count = 0
    for paragraph in paragraphs(text):
        pending.append(paragraph)
        count += len(paragraph.split())
        if count >= min_words:
            units.append("\n\n".join(pending))
            pending, count = [], 0
    if pending:
        if units:
            units[-1] = "\n\n".join([units[-1], *pending])
        else:
            units.append("\n\n".join(pending))
    return units


def windows(text: str, size: int) -> list[str]:
    """Consecutive windows of ``size`` words (the last may be shorter, but not under half)."""
    words = text.split()
    chunks = [words[i : i + size] for i in range(0, len(words), size)]
    if len(chunks) > 1 and len(chunks[-1]) < size // 2:
        chunks[-2].extend(chunks.pop())
    return [" ".join(chunk) for chunk in chunks]


def split_units(
    record: dict, unit: str, paragraph_min_words: int, window_words: int
) -> Iterator[dict]:
    """Yield the modelled documents of one article record.

    Paragraph and window documents get ids ``<article id>#p001`` / ``#w001``, keep the
    article's title, date, source and meta, and name the article in ``parent_id``.
    """
    if unit == "article":
        yield {**record, "unit": "article", "parent_id": record["id"]}
        return
    if unit == "paragraph":
        pieces, tag = merged_paragraphs(record["text"], paragraph_min_words), "p"
    elif unit == "window":
        pieces, tag = windows(record["text"], window_words), "w"
    else:
        raise ValueError(f"ingest.unit must be article, paragraph or window, not {unit!r}")
    width = max(3, len(str(len(pieces))))
    for number, piece in enumerate(pieces, start=1):
        yield {
            **record,
            "id": f"{record['id']}#{tag}{number:0{width}d}",
            "text": piece,
            "unit": unit,
            "parent_id": record["id"],
        }
