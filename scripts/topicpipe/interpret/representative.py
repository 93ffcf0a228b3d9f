"""Representative documents per topic and keyword-in-context (KWIC) snippets."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

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


def top_documents(theta: np.ndarray, n: int, min_share: float) -> list[tuple[int, list[int]]]:
    """For each topic (0-based) the row indices of its ``n`` highest-share documents.

    Ties are broken by row order; only documents whose share of the topic is at least
    ``min_share`` (and above zero) are chosen, so a topic that no document carries
    substantially has no representative document.
    """
    chosen = []
    for k in range(theta.shape[1]):
        order = np.lexsort((np.arange(len(theta)), -theta[:, k]))
        chosen.append(
            (k, [int(i) for i in order[:n] if theta[i, k] > 0 and theta[i, k] >= min_share])
        )
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
    min_share: float,
) -> dict[tuple[int, str], str]:
    """For each topic's ``n`` representative articles (``top_documents``), the article's
    unit (paragraph) with the largest share of the topic, whose text gives the snippet:
    (topic, article id) → unit id. ``units``/``theta`` are the modelled units
    (``parent_id`` names the article), ``articles``/``article_theta`` the articles; ties go
    to the first unit."""
    rows_of = pd.Series(np.arange(len(units))).groupby(units["parent_id"].to_numpy()).apply(list)
    chosen = {}
    for k, indices in top_documents(article_theta, n, min_share):
        for i in indices:
            best = max(rows_of[articles[i]], key=lambda r, k=k: (theta[r, k], -r))
            chosen[(k + 1, articles[i])] = units["id"].iloc[best]
    return chosen


def snippets(
    chosen: Mapping[tuple[int, str], str],
    texts: Mapping[str, str],
    matchers: Mapping[int, KeywordMatcher],
    width: int,
) -> dict[tuple[int, str], str]:
    """The KWIC snippet of each (topic, article), from the text of its chosen unit, around
    the topic's keywords (``matchers``, one per topic)."""
    return {key: kwic(texts.get(unit, ""), matchers[key[0]], width) for key, unit in chosen.items()}


def read_representative(path: str | Path) -> pd.DataFrame:
    """``representative_docs.csv`` as written, text columns kept as text."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return table.astype({"topic": int, "rank": int, "share": float})


# A word as the tokeniser sees it: a dotted acronym (U.S.), or letters and digits with
# inner hyphens and apostrophes (Iran's, north-south).
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’-][^\W_]+)*")
# The token a keyword is made of: words of a name or phrase are joined by "_".
_JOINER = "_"
# Keyword matches looked at per text: a snippet needs one cluster, and the cap keeps the
# work per document bounded however often a keyword occurs.
MAX_MATCHES = 2000
# The forms a surface word takes as a token (its name and its common form, e.g. "Sanctions"
# -> sanctions, sanction); see ``interpret.stage.word_forms``.
WordForms = Callable[[str], Collection[str]]


class KeywordMatcher:
    """Finds a topic's keywords in text as whole tokens: a word matches a keyword when the
    tokeniser turns it into that token ("Sanctions" is ``sanction``, "used" is never
    ``us``), and a keyword of joined words (``bin_laden``, ``lift_of_sanction``) matches
    the words in a row. ``forms`` gives the tokens a word can become."""

    def __init__(self, keywords: Iterable[str], forms: WordForms):
        self.forms = forms
        # Keywords by their last word, so each word of a text is looked up once.
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for keyword in keywords:
            parts = tuple(p for p in keyword.lower().split(_JOINER) if p)
            if parts:
                self.by_last.setdefault(parts[-1], []).append(parts)
            if len(parts) > 1:
                # One word may give the joined token itself (an alias: "U.S." is united_states).
                self.by_last.setdefault(_JOINER.join(parts), []).append((_JOINER.join(parts),))
        self.longest = max((len(p) for ps in self.by_last.values() for p in ps), default=1)
        self.parts = frozenset(part for ps in self.by_last.values() for p in ps for part in p)
        # Each distinct word's forms that are keyword parts (most words have none).
        self._hits: dict[str, frozenset[str]] = {}

    def _word_hits(self, word: str) -> frozenset[str]:
        hits = self._hits.get(word)
        if hits is None:
            hits = frozenset(form.lower() for form in self.forms(word)) & self.parts
            self._hits[word] = hits
        return hits

    def spans(self, text: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
        """(start, end) of each keyword found in ``text``, left to right, at most ``limit``;
        of matches that overlap, the first (then the longest) is kept."""
        if not self.by_last:
            return []
        recent: deque[tuple[int, frozenset[str]]] = deque(maxlen=self.longest)
        found: list[tuple[int, int]] = []
        hits_of = self._word_hits
        for word in _WORD.finditer(text):
            forms = hits_of(word.group())
            recent.append((word.start(), forms))
            if not forms:
                continue
            best = -1
            for form in forms & self.by_last.keys():
                for parts in self.by_last[form]:
                    if len(parts) <= len(recent) and all(
                        part in recent[len(recent) - len(parts) + i][1]
                        for i, part in enumerate(parts[:-1])
                    ):
                        start = recent[len(recent) - len(parts)][0]
                        best = start if best < 0 else min(best, start)
            if best < 0:
                continue
            while found and found[-1][0] >= best:
                found.pop()
            if found and found[-1][1] > best:
                continue
            found.append((best, word.end()))
            if len(found) >= limit:
                break
        return found


def densest_start(positions: Sequence[int], width: int) -> int:
    """Of sorted ``positions``, the one with the most positions within ``width`` on either
    side (the first such), in one pass: both ends of the window only move forward."""
    best, best_count = positions[0], 0
    low = high = 0
    for position in positions:
        while positions[low] < position - width:
            low += 1
        while high < len(positions) and positions[high] <= position + width:
            high += 1
        if high - low > best_count:
            best, best_count = position, high - low
    return best


def kwic(text: str, matcher: KeywordMatcher, width: int) -> str:
    """A snippet of about ``2 × width`` characters around the densest cluster of keywords.

    Whitespace is collapsed; "…" marks cut ends. Without any keyword match the
    snippet is the start of the text. Linear in the text and the matches.
    """
    text = " ".join(text.split())
    starts = [start for start, _ in matcher.spans(text)]
    begin = max(0, densest_start(starts, width) - width) if starts else 0
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
    min_share: float,
) -> pd.DataFrame:
    """Tidy table: topic, label, rank, id, title, date, source, share, snippet.

    ``articles`` has one row per row of ``theta`` (id, title, date, source);
    ``snippets`` maps (topic, id) to that document's KWIC snippet for the topic; only
    documents with at least ``min_share`` of a topic are listed (``top_documents``).
    """
    rows = []
    for k, indices in top_documents(theta, n, min_share):
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
    table: pd.DataFrame,
    keywords: Mapping[int, Sequence[str]],
    labels: Mapping[int, str],
    matchers: Mapping[int, KeywordMatcher],
    min_share: float,
) -> str:
    """A readable page: per topic (``labels``, in topic order) its keywords and
    representative documents with snippets; keywords in snippets are set in bold."""
    lines = ["# Representative documents", ""]
    lines.append(
        "The documents with the largest share of each topic, with a passage around the "
        "topic's keywords (in bold). Share = the part of the document assigned to the topic; "
        f"a document is shown only where its share is at least {min_share:.0%}."
    )
    for topic, label in sorted(labels.items()):
        group = table[table["topic"] == topic].sort_values("rank")
        lines += ["", f"## {escape_markdown(display_label(topic, label))}", ""]
        lines.append("Keywords: " + escape_markdown(", ".join(keywords.get(topic, []))))
        lines.append("")
        if group.empty:
            lines.append(f"No document has a share of {min_share:.0%} or more of this topic.")
        for row in group.itertuples():
            details = ", ".join(escape_markdown(v) for v in (row.date, row.source) if v)
            title = escape_markdown(row.title) or escape_markdown(row.id)
            lines.append(
                f"{row.rank}. **{title}**"
                + (f" ({details})" if details else "")
                + f" — share {row.share:.0%}"
            )
            lines.append(f"   > {_bold_keywords(row.snippet, matchers[topic])}")
    return "\n".join(lines) + "\n"


def _bold_keywords(snippet: str, matcher: KeywordMatcher) -> str:
    pieces, last = [], 0
    for start, end in matcher.spans(snippet):
        pieces.append(escape_markdown(snippet[last:start]))
        pieces.append(f"**{escape_markdown(snippet[start:end])}**")
        last = end
    pieces.append(escape_markdown(snippet[last:]))
    return "".join(pieces)
