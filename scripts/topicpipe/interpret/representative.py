"""Representative documents per topic and keyword-in-context (KWIC) snippets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from topicpipe.files import read_table
from topicpipe.interpret.labels import display_label
from topicpipe.interpret.term_rankings import top_by

REPRESENTATIVE_COLUMNS = [
    "topic",
    "label",
    "rank",
    "id",
    "title",
    "date",
    "source",
    "share",
    "snippet",
]


def top_documents(theta: np.ndarray, n: int) -> list[tuple[int, list[int]]]:
    """For each topic (0-based) the row indices of its ``n`` highest-share documents.

    Ties are broken by row order; documents with a zero share are never chosen.
    """
    chosen = []
    for k in range(theta.shape[1]):
        order = np.lexsort((np.arange(len(theta)), -theta[:, k]))
        chosen.append((k, [int(i) for i in order[:n] if theta[i, k] > 0]))
    return chosen


def topic_keywords(terms: pd.DataFrame, topics: Iterable[int], n: int) -> dict[int, list[str]]:
    """Each topic's keywords for snippets: its top ``n`` FREX terms, then its top ``n`` by
    probability, without repeats."""
    return {
        topic: list(
            dict.fromkeys(top_by(terms, topic, "rank_frex", n) + top_by(terms, topic, "rank", n))
        )
        for topic in topics
    }


def best_units(
    units: pd.DataFrame,
    theta: np.ndarray,
    articles: Sequence[str],
    article_theta: np.ndarray,
    n: int,
) -> dict[tuple[int, str], str]:
    """For each topic's ``n`` representative articles, the article's unit (paragraph) with
    the largest share of the topic, whose text gives the snippet: (topic, article id) →
    unit id. ``units``/``theta`` are the modelled units (``parent_id`` names the article),
    ``articles``/``article_theta`` the articles; ties go to the first unit."""
    rows_of = pd.Series(np.arange(len(units))).groupby(units["parent_id"].to_numpy()).apply(list)
    chosen = {}
    for k, indices in top_documents(article_theta, n):
        for i in indices:
            best = max(rows_of[articles[i]], key=lambda r, k=k: (theta[r, k], -r))
            chosen[(k + 1, articles[i])] = units["id"].iloc[best]
    return chosen


def snippets(
    chosen: Mapping[tuple[int, str], str],
    texts: Mapping[str, str],
    keywords: Mapping[int, Sequence[str]],
    width: int,
) -> dict[tuple[int, str], str]:
    """The KWIC snippet of each (topic, article), from the text of its chosen unit."""
    return {key: kwic(texts.get(unit, ""), keywords[key[0]], width) for key, unit in chosen.items()}


def read_representative(path: str | Path) -> pd.DataFrame:
    """``representative_docs.csv`` as written, text columns kept as text."""
    table = read_table(path, text=None)
    return table.astype({"topic": int, "rank": int, "share": float})


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str] | None:
    """Case-insensitive pattern matching any keyword at a word start, with any ending
    (so the lemma ``sanction`` also finds "Sanctions")."""
    parts = [r"\s+".join(map(re.escape, k.split())) for k in keywords if k.strip()]
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")\w*", re.IGNORECASE)


def kwic(text: str, keywords: Sequence[str], width: int) -> str:
    """A snippet of about ``2 × width`` characters around the densest cluster of keywords.

    Whitespace is collapsed; "…" marks cut ends. Without any keyword match the
    snippet is the start of the text.
    """
    text = " ".join(text.split())
    pattern = keyword_pattern(keywords)
    starts = [m.start() for m in pattern.finditer(text)] if pattern else []
    if starts:
        positions = np.asarray(starts)
        counts = [int(((positions >= p - width) & (positions <= p + width)).sum()) for p in starts]
        centre = starts[int(np.argmax(counts))]
        begin = max(0, centre - width)
    else:
        begin = 0
    end = min(len(text), begin + 2 * width)
    begin = max(0, min(begin, end - 2 * width))
    # Cut at word boundaries so that no word is shown half.
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < end else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    snippet = text[begin:end].strip()
    return ("…" if begin > 0 else "") + snippet + ("…" if end < len(text) else "")


def representative_table(
    articles: pd.DataFrame,
    theta: np.ndarray,
    labels: Mapping[int, str],
    snippets: Mapping[tuple[int, str], str],
    n: int,
) -> pd.DataFrame:
    """Tidy table: topic, label, rank, id, title, date, source, share, snippet.

    ``articles`` has one row per row of ``theta`` (id, title, date, source);
    ``snippets`` maps (topic, id) to that document's KWIC snippet for the topic.
    """
    rows = []
    for k, indices in top_documents(theta, n):
        for rank, i in enumerate(indices, start=1):
            doc = articles.iloc[i]
            rows.append(
                {
                    "topic": k + 1,
                    "label": labels[k + 1],
                    "rank": rank,
                    "id": doc["id"],
                    "title": doc["title"],
                    "date": doc["date"],
                    "source": doc["source"],
                    "share": float(theta[i, k]),
                    "snippet": snippets.get((k + 1, doc["id"]), ""),
                }
            )
    return pd.DataFrame(rows, columns=REPRESENTATIVE_COLUMNS)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape_markdown(text: str) -> str:
    """Text safe to put in Markdown: HTML characters as entities, Markdown syntax escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def representative_markdown(
    table: pd.DataFrame, keywords: Mapping[int, Sequence[str]], topics: Sequence[int]
) -> str:
    """A readable page: per topic its keywords and representative documents with snippets;
    keywords in snippets are set in bold."""
    lines = ["# Representative documents", ""]
    lines.append(
        "The documents with the largest share of each topic, with a passage around the "
        "topic's keywords (in bold). Share = the part of the document assigned to the topic."
    )
    for topic in topics:
        group = table[table["topic"] == topic].sort_values("rank")
        label = group["label"].iloc[0] if len(group) else ""
        lines += ["", f"## {escape_markdown(display_label(topic, label))}", ""]
        lines.append("Keywords: " + escape_markdown(", ".join(keywords.get(topic, []))))
        lines.append("")
        if group.empty:
            lines.append("No document has a share of this topic.")
        pattern = keyword_pattern(keywords.get(topic, []))
        for row in group.itertuples():
            details = ", ".join(escape_markdown(v) for v in (row.date, row.source) if v)
            title = escape_markdown(row.title) or escape_markdown(row.id)
            lines.append(
                f"{row.rank}. **{title}**"
                + (f" ({details})" if details else "")
                + f" — share {row.share:.0%}"
            )
            lines.append(f"   > {_bold_keywords(row.snippet, pattern)}")
    return "\n".join(lines) + "\n"


def _bold_keywords(snippet: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return escape_markdown(snippet)
    pieces, last = [], 0
    for match in pattern.finditer(snippet):
        pieces.append(escape_markdown(snippet[last : match.start()]))
        pieces.append(f"**{escape_markdown(match.group())}**")
        last = match.end()
    pieces.append(escape_markdown(snippet[last:]))
    return "".join(pieces)
