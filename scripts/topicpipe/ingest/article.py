"""Clean one article's text: drop boilerplate lines, and find its title, date and source.

Works on normalised text (see ``normalise``). The *header* is the run of short lines
before the first body line; title, byline and header dates are looked for only
there, and a dateline only at the start of the first line after the title, so a date
that merely appears in the body is never taken as the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from topicpipe.ingest.dates import find_date
from topicpipe.ingest.patterns import Patterns, line_kind

_NON_WORD = re.compile(r"[\W_]+")
_BLANK_RUN = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"[.!?]['\"]?$")


@dataclass(frozen=True)
class Layout:
    """Sizes that separate header, body and link lists (``ingest.layout`` in config.yaml)."""

    header_lines: int  # at most this many lines form the header
    body_min_words: int  # a line this long starts the body
    max_line_chars: int  # longer lines are never boilerplate
    block_max_words: int  # lines of a "Related News:" list are at most this long
    title_words: int  # fallback title: this many first words of the text
    title_in_text: bool  # the title is also the first paragraph of the text


@dataclass(frozen=True)
class Removal:
    """One piece of text taken out of an article, for the audit file."""

    line: int  # 1-based line number in the normalised text
    kind: str
    text: str


@dataclass
class Article:
    """A cleaned article: its text, what was found in its header, and what was removed."""

    title: str
    text: str
    date: str = ""
    source: str = ""
    source_from: str = ""
    removed: list[Removal] = field(default_factory=list)

    @property
    def chars_removed(self) -> int:
        return sum(len(r.text) for r in self.removed)


def _key(line: str) -> str:
    return _NON_WORD.sub(" ", line).casefold().strip()


def _is_list_line(line: str, layout: Layout) -> bool:
    """A blank line or a short headline-like line that can belong to a list of links."""
    words = len(line.split())
    if words > layout.block_max_words:
        return False
    return not (words >= 8 and _SENTENCE_END.search(line))


def _mark_boilerplate(lines: list[str], patterns: Patterns, layout: Layout) -> list[str]:
    """Boilerplate kind of each line ("" to keep); a block heading takes its list along."""
    kinds = [""] * len(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line and len(line) <= layout.max_line_chars:
            if patterns.blocks is not None and patterns.blocks.fullmatch(line):
                kinds[i] = "related_block"
                i += 1
                while i < len(lines) and _is_list_line(lines[i], layout):
                    if lines[i]:
                        kinds[i] = "related_block"
                    i += 1
                continue
            kinds[i] = line_kind(patterns, line)
        i += 1
    return kinds


def _first_group(match: re.Match[str], prefix: str) -> str:
    for name, value in match.groupdict().items():
        if name.startswith(prefix) and value:
            return value.strip()
    return ""


def clean_article(text: str, patterns: Patterns, layout: Layout, given_title: str = "") -> Article:
    """Clean normalised ``text``; ``given_title`` (from metadata) replaces title detection."""
    lines = text.split("\n")
    kinds = _mark_boilerplate(lines, patterns, layout)
    content = [i for i, line in enumerate(lines) if line and not kinds[i]]
    header: list[int] = []
    for i in content[: layout.header_lines]:
        if len(lines[i].split()) >= layout.body_min_words:
            break
        header.append(i)
    body_start = content[len(header)] if len(header) < len(content) else len(lines)

    source, source_from = "", ""
    for i in header:
        for pattern in patterns.bylines:
            match = pattern.fullmatch(lines[i])
            if match:
                kinds[i] = "byline"
                if not source:
                    source, source_from = _first_group(match, "source"), "byline"
                break

    title, title_idx, extra, title_source = given_title.strip(), None, [], ""
    if not title:
        title_idx = next((i for i in header if not kinds[i]), None)
        if title_idx is not None:
            title = lines[title_idx]
            for pattern in patterns.titles:
                match = pattern.fullmatch(title)
                if match and match.group("title"):
                    title = match.group("title").strip()
                    affix = lines[title_idx].replace(title, " ", 1).strip()
                    extra.append(Removal(title_idx + 1, "title_affix", affix))
                    title_source = _first_group(match, "source")
                    break
    repeats = {_key(title)} | ({_key(lines[title_idx])} if title_idx is not None else set())
    for i in content:
        if i != title_idx and not kinds[i] and _key(lines[i]) in repeats:
            kinds[i] = "repeated_title"

    date = ""
    after_title = next((i for i in content if i != title_idx and not kinds[i]), None)
    if after_title is not None:
        for pattern in patterns.datelines:
            match = pattern.match(lines[after_title])
            if match and match.end() > 0:
                extra.append(Removal(after_title + 1, "dateline", match.group(0).strip()))
                lines[after_title] = lines[after_title][match.end() :].strip()
                date = find_date(_first_group(match, "date"))
                agency = _first_group(match, "source")
                if agency and not source:
                    source, source_from = agency, "dateline"
                break
    if title_source and not source:
        source, source_from = title_source, "title"
    if not date:
        for i in range(body_start):
            if i != title_idx and kinds[i] != "related_block" and lines[i]:
                date = find_date(lines[i])
                if date:
                    break

    removed = [Removal(i + 1, kind, lines[i]) for i, kind in enumerate(kinds) if kind]
    removed = sorted(removed + extra, key=lambda r: r.line)
    body_lines = [line for i, line in enumerate(lines) if not kinds[i] and i != title_idx]
    body = _BLANK_RUN.sub("\n\n", "\n".join(body_lines)).strip()
    if title_idx is None and not title:
        title = " ".join(body.split()[: layout.title_words])
    elif layout.title_in_text and title:
        body = f"{title}\n\n{body}" if body else ""
    return Article(title, body, date, source, source_from, removed)
