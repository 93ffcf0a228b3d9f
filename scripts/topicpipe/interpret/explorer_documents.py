"""The documents of the explorer: each topic's top articles with their text, capped.

The explorer shows every topic's ``topics.representative_docs`` articles first and more
on request, up to ``explorer.documents_per_topic``. Each article travels once, with its
id, title, date, source, author and text; text longer than ``explorer.text_chars`` is cut
(the page says so and where the whole text is), which keeps the file small for large
corpora.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from topicpipe.interpret.representative import KeywordMatcher, kwic, top_documents


def chosen_articles(
    theta: np.ndarray, ids: Sequence[str], n: int, min_share: float
) -> dict[int, list[str]]:
    """Topic number → the ids of its ``n`` highest-share articles with at least
    ``min_share`` of the topic (as in ``representative_docs.csv``, whose first rows they
    are)."""
    return {k + 1: [ids[i] for i in rows] for k, rows in top_documents(theta, n, min_share)}


def article_records(
    records: Iterable[Mapping[str, Any]], wanted: set[str]
) -> dict[str, dict[str, str]]:
    """Text and author of each article in ``wanted``, from the ingested documents (one
    streamed pass). A paragraph-unit article's text is its units' texts in order."""
    parts: dict[str, list[str]] = {}
    authors: dict[str, str] = {}
    for record in records:
        article = record.get("parent_id") or record.get("id")
        if article not in wanted:
            continue
        parts.setdefault(article, []).append(str(record.get("text") or ""))
        authors.setdefault(article, _text(record.get("author")))
    return {a: {"text": "\n\n".join(parts[a]), "author": authors[a]} for a in parts}


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def cap_text(text: str, limit: int) -> tuple[str, bool]:
    """``text`` cut at ``limit`` characters (at a word boundary), and whether it was cut."""
    if len(text) <= limit:
        return text, False
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(), True


def explorer_documents(
    articles: pd.DataFrame,
    theta: np.ndarray,
    records: Mapping[str, Mapping[str, str]],
    matchers: Mapping[int, KeywordMatcher],
    n: int,
    min_share: float,
    text_chars: int,
    snippet_chars: int,
) -> tuple[dict[str, dict[str, Any]], dict[str, list[list[Any]]]]:
    """The page's documents and, per topic, its top ``n`` articles with at least
    ``min_share`` of it.

    ``articles`` is ``article_topics.csv`` (id, title, date, source …) with shares
    ``theta``; ``records`` maps article ids to their text and author
    (``article_records``); ``matchers`` find each topic's keywords. Returns (id →
    {title, date, source, author, text, cut, chars}) and (topic → [[id, share, snippet],
    …] in rank order); the snippet is the passage around the topic's keywords, as in
    ``representative_docs.csv``.
    """
    ids = articles["id"].astype(str).tolist()
    chosen = chosen_articles(theta, ids, n, min_share)
    row_of = {doc_id: i for i, doc_id in enumerate(ids)}
    documents: dict[str, dict[str, Any]] = {}
    per_topic: dict[str, list[list[Any]]] = {}
    for topic, doc_ids in chosen.items():
        rows = []
        for doc_id in doc_ids:
            record = records.get(doc_id, {"text": "", "author": ""})
            if doc_id not in documents:
                meta = articles.iloc[row_of[doc_id]]
                text, cut = cap_text(record["text"], text_chars)
                documents[doc_id] = {
                    "title": str(meta.get("title", "")),
                    "date": str(meta.get("date", "")),
                    "source": str(meta.get("source", "")),
                    "author": record["author"],
                    "text": text,
                    "cut": cut,
                    "chars": len(record["text"]),
                }
            share = round(float(theta[row_of[doc_id], topic - 1]), 4)
            snippet = kwic(record["text"], matchers[topic], snippet_chars // 2)
            rows.append([doc_id, share, snippet])
        per_topic[str(topic)] = rows
    return documents, per_topic
