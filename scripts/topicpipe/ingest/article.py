"""Clean one article's text: drop boilerplate lines, and find its title, date, source and
author.

Works on normalised text (see ``normalise``). The *header* is the run of lines before the
story: an optional kicker ("Europe") above the title, the title, a standfirst, and lines
that ``header.read_header_line`` understands (bylines, dates, outlets). A standfirst
longer than ``layout.body_min_words`` stays in the header when header lines follow it.
The header ends at the story's first paragraph: a long line, or one that opens with a
dateline ("MOSCOW, April 14. /TASS/."), which is cut off and read for date, agency and
author. Only header lines and the dateline give a date, so a date in the story is never
the article's date. A title needs evidence (a short line without a full stop with more
text after it); a document of one line keeps it as text, so short documents are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from topicpipe.ingest.bylines import ROLE_WORDS, is_role, name_with_role, read_byline
from topicpipe.ingest.dates import parse_date, settle
from topicpipe.ingest.header import HeaderLine, read_header_line
from topicpipe.ingest.patterns import Patterns, line_kind

_NON_WORD = re.compile(r"[\W_]+")
_BLANK_RUN = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"[.!?]['\"]?$")
_LABELLED_AUTHOR = re.compile(r"(?:reporters?|authors?|written by|story by)\s*:\s*", re.I)
_MAX_KICKER_WORDS = 3
_MAX_TITLE_WORDS = 16


@dataclass(frozen=True)
class Layout:
    """Sizes that separate header, body and link lists (``ingest.layout`` in config.yaml)."""

    header_lines: int  # at most this many lines of text form the header
    body_min_words: int  # a line this long starts the body (unless header lines follow)
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
    """A cleaned article: its text, what was found in its header, and what was removed.

    ``title_from`` says where the title came from (``header``, ``metadata`` or
    ``first_words`` when the text has no title line); ``notes`` say what could not be
    read (an ambiguous header date).
    """

    title: str
    text: str
    date: str = ""
    source: str = ""
    source_from: str = ""
    author: str = ""
    title_from: str = ""
    removed: list[Removal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def chars_removed(self) -> int:
        return sum(len(r.text) for r in self.removed)


def _key(line: str) -> str:
    return _NON_WORD.sub(" ", line).casefold().strip()


def _words(line: str, limit: int) -> int:
    """Words of ``line`` counted up to ``limit`` + 1: enough to compare with ``limit``,
    without splitting all of a long paragraph."""
    return len(line.split(None, limit))


def _is_list_line(line: str, layout: Layout) -> bool:
    """A blank line or a short headline-like line that can belong to a list of links."""
    words = _words(line, layout.block_max_words)
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


def _groups(match: re.Match[str], prefix: str) -> list[str]:
    return [v.strip() for k, v in match.groupdict().items() if k.startswith(prefix) and v]


def _match_source(match: re.Match[str], patterns: Patterns) -> str:
    """The source a pattern found: a ``source*`` group as written, an ``outlet*`` group
    only when it names an outlet."""
    for value in _groups(match, "source"):
        return value
    for value in _groups(match, "outlet"):
        outlet = patterns.outlets.outlet(value)
        if outlet or (value.isupper() and len(value) > 1):
            return outlet or value
    return ""


@dataclass
class _Header:
    """The header's lines: ``meta`` (understood header lines), ``zone`` (text lines:
    kicker, title, standfirst) and the dateline that ends it."""

    meta: dict[int, HeaderLine] = field(default_factory=dict)
    zone: list[int] = field(default_factory=list)
    dateline: tuple[int, re.Match[str]] | None = None
    title: int | None = None

    def after_title(self) -> list[int]:
        """The header's text lines below the title (all of them without a title)."""
        return [i for i in self.zone if self.title is None or i > self.title]


def _dateline(line: str, patterns: Patterns, named_only: bool) -> re.Match[str] | None:
    """A dateline at the start of ``line``; ``named_only``: only one naming an agency or date
    (so that a title such as "UKRAINE: talks resume" is not cut)."""
    for pattern in patterns.datelines:
        match = pattern.match(line)
        named = match is not None and (_groups(match, "source") or _groups(match, "date"))
        if match and match.end() < len(line) and (named or not named_only):
            return match
    return None


class _Reader:
    """Reads the header of one article (state shared by the small steps below)."""

    def __init__(self, lines: list[str], kinds: list[str], patterns: Patterns, layout: Layout):
        self.lines, self.kinds, self.patterns, self.layout = lines, kinds, patterns, layout

    def header_line(self, i: int) -> HeaderLine | None:
        line = self.lines[i]
        layout = self.layout
        if (
            len(line) > layout.max_line_chars
            or _words(line, layout.body_min_words) >= layout.body_min_words
        ):
            return None
        return read_header_line(
            line, self.patterns.outlets, self.patterns, self.patterns.date_order
        )

    def _header_follows(self, i: int, lookahead: int = 3) -> bool:
        """Whether a byline or date line comes within the next few lines (after a standfirst)."""
        seen = 0
        for j in range(i + 1, len(self.lines)):
            if not self.lines[j] or self.kinds[j]:
                continue
            info = self.header_line(j)
            if info is not None and (info.dates or info.authors):
                return True
            seen += 1
            if seen >= lookahead:
                return False
        return False

    def scan(self) -> _Header:
        """Walk down from the top until the story starts."""
        head, label = _Header(), ""
        for i, line in enumerate(self.lines):
            if not line or self.kinds[i] == "related_block":
                continue
            info = self.header_line(i)
            if info is None and label == "author" and name_with_role(line):
                info = HeaderLine(kind="byline", authors=[name_with_role(line)])
            if info is not None:
                if label == "updated":
                    info.dates = [(1, parsed) for _, parsed in info.dates]
                head.meta[i], label = info, info.label
                continue
            label = ""
            if self.kinds[i]:
                continue
            match = _dateline(line, self.patterns, named_only=not head.zone)
            if match is not None:
                head.dateline = (i, match)
                break
            if len(head.zone) >= self.layout.header_lines:
                break
            body_min = self.layout.body_min_words
            if _words(line, body_min) >= body_min and not self._header_follows(i):
                break
            head.zone.append(i)
        return head

    def footer_dates(self, head: _Header, last: int = 2) -> None:
        """Date lines among the last lines (a time stamp under the story) join the header,
        ranked after its own dates."""
        ends = [i for i, line in enumerate(self.lines) if line][-last:]
        for i in ends:
            if i in head.meta or i in head.zone or (head.dateline and i <= head.dateline[0]):
                continue
            info = self.header_line(i)
            if info is not None and info.kind == "timestamp" and info.exact:
                info.dates = [(rank + 2, parsed) for rank, parsed in info.dates]
                head.meta[i] = info

    def _next_line(self, i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < len(self.lines) and not self.lines[j]:
            j += step
        return j if 0 <= j < len(self.lines) else None

    def near_header(self, i: int, head: _Header) -> bool:
        """Whether the line just before or after ``i`` is a header line."""
        return any(
            j is not None and j in head.meta and not head.meta[j].label
            for j in (self._next_line(i, -1), self._next_line(i, 1))
        )

    def _is_kicker(self, i: int, next_line: int) -> bool:
        """A short Title Case label ("Europe", "Middle East") above a longer headline; a
        sentence-case line ("Ceasefire holds") is a headline itself."""
        words, headline = self.lines[i].split(), self.lines[next_line]
        return (
            len(words) <= _MAX_KICKER_WORDS
            and all(w[0].isupper() or not w[0].isalpha() for w in words)
            and not _SENTENCE_END.search(self.lines[i])
            and 4 <= _words(headline, _MAX_TITLE_WORDS) <= _MAX_TITLE_WORDS
            and not headline.endswith(".")
        )

    def title_line(self, head: _Header) -> tuple[int | None, int | None]:
        """(kicker, title) lines of the header, each None when there is none. A name line
        next to a header line at the top is a byline, not a title."""
        zone = head.zone
        while zone and name_with_role(self.lines[zone[0]]) and self.near_header(zone[0], head):
            head.meta[zone[0]] = HeaderLine(
                kind="byline", authors=[name_with_role(self.lines[zone[0]])]
            )
            zone = zone[1:]
        if not zone:
            return None, None
        first, kicker = zone[0], None
        if len(zone) > 1 and self._is_kicker(first, zone[1]):
            kicker, first = first, zone[1]
        line = self.lines[first]
        later = any(self.lines[j] for j in range(first + 1, len(self.lines)))
        body_min = self.layout.body_min_words
        if line.endswith(".") or _words(line, body_min) >= body_min or not later:
            return None, None
        return kicker, first


def _read_header(reader: _Reader, kinds: list[str]) -> _Header:
    """The header of an article, its lines marked in ``kinds`` (kicker, bylines, dates)."""
    lines = reader.lines
    head = reader.scan()
    reader.footer_dates(head)
    kicker, head.title = reader.title_line(head)
    for i, info in head.meta.items():
        kinds[i] = info.kind if not info.label else "header"
    if kicker is not None:
        kinds[kicker] = "section"
    for i in head.after_title():
        name = name_with_role(lines[i])
        if reader.near_header(i, head) and (name or is_role(lines[i])):
            head.meta[i] = HeaderLine(kind="byline", authors=[name] if name else [])
            kinds[i] = "byline"
    return head


@dataclass
class _Headline:
    """The title, where it came from, and an outlet cut from it."""

    text: str
    origin: str
    source: str = ""
    affix: Removal | None = None


def _headline(lines: list[str], head: _Header, patterns: Patterns, given: str) -> _Headline:
    """The title: ``given`` (metadata), the header's title line without an attached outlet,
    or "" (then the story's first words are used)."""
    if given.strip():
        head.title = None
        return _Headline(given.strip(), "metadata")
    if head.title is None:
        return _Headline("", "first_words")
    line = lines[head.title]
    for pattern in patterns.titles:
        match = pattern.fullmatch(line)
        source = _match_source(match, patterns) if match else ""
        if match and match.group("title") and (source or not _groups(match, "outlet")):
            title = match.group("title").strip()
            affix = Removal(head.title + 1, "title_affix", line.replace(title, " ", 1).strip())
            return _Headline(title, "header", source, affix)
    return _Headline(line, "header")


def _mark_repeats_and_leftovers(
    lines: list[str], kinds: list[str], head: _Header, title: str
) -> None:
    """Mark the title repeated further down, and short leftovers between header lines
    ("Society", "Text Size", "AA")."""
    repeats = {_key(title)} | ({_key(lines[head.title])} if head.title is not None else set())
    longest = 2 * max(len(title), len(lines[head.title]) if head.title is not None else 0)
    for i, line in enumerate(lines):
        if (
            line
            and len(line) <= longest
            and i != head.title
            and not kinds[i]
            and _key(line) in repeats
        ):
            kinds[i] = "repeated_title"
    if head.meta:
        for i in head.after_title():
            line = lines[i]
            if (
                not kinds[i]
                and _words(line, _MAX_KICKER_WORDS) <= _MAX_KICKER_WORDS
                and not line.endswith(".")
            ):
                kinds[i] = "header"


@dataclass
class _Fields:
    """Date, source and author of an article, and what could not be read."""

    date: str = ""
    source: str = ""
    source_from: str = ""
    author: str = ""
    notes: list[str] = field(default_factory=list)


def _cut_dateline(lines: list[str], head: _Header, patterns: Patterns) -> tuple[_Fields, list]:
    """Cut the dateline from its paragraph; the date, agency and author it gives."""
    fields = _Fields()
    if head.dateline is None:
        return fields, []
    i, match = head.dateline
    lines[i] = lines[i][match.end() :].strip()
    dates = [parse_date(d, patterns.date_order) for d in _groups(match, "date")]
    fields.date = next((d.iso for d in dates if d.iso), "")
    fields.source = _match_source(match, patterns)
    fields.source_from = "dateline" if fields.source else ""
    fields.author = "; ".join(_groups(match, "author"))
    return fields, [Removal(i + 1, "dateline", match.group(0).strip())]


def _fields(
    lines: list[str], kinds: list[str], head: _Header, patterns: Patterns, headline: _Headline
) -> tuple[_Fields, list[Removal]]:
    """Date, source and author, by precedence: the dateline's date before the header's; the
    dateline agency, then the header's outlet, the title's, a credit line; the header's
    persons, then the dateline's, then a labelled author line."""
    fields, removals = _cut_dateline(lines, head, patterns)
    if not fields.date:
        day_month = next(iter(_groups(head.dateline[1], "date")), "") if head.dateline else ""
        fields.date, fields.notes = _best_date(head, day_month)
    header_source = next((info.source for info in head.meta.values() if info.source), "")
    for candidate, origin in ((header_source, "byline"), (headline.source, "title")):
        if candidate and not fields.source:
            fields.source, fields.source_from = candidate, origin
    authors = next((info.authors for info in head.meta.values() if info.authors), [])
    fields.author = "; ".join(authors) or fields.author or _footer_author(lines, kinds, patterns)
    if fields.author:
        _mark_author_bio(lines, kinds, fields.author)
    signed = _outlet_lines(lines, kinds, patterns)
    if not fields.source:
        fields.source = _credited_source(lines, kinds, patterns) or signed
        fields.source_from = "credit" if fields.source else ""
    return fields, removals


def _best_date(head: _Header, day_month: str) -> tuple[str, list[str]]:
    """The header's date (a publication date before an update), and notes on unread ones.

    An ambiguous numeric date is settled by the dateline's day and month, if it has them.
    """
    found = [
        (rank, n, settle(d, day_month) if day_month and d.readings else d)
        for n, i in enumerate(head.meta)
        for rank, d in head.meta[i].dates
    ]
    dates = sorted((rank, n, d.iso) for rank, n, d in found if d.iso)
    if dates:
        return dates[0][2], []
    return "", [f"header date: {d.problem}" for _, _, d in found if d.problem][:1]


def _footer_author(lines: list[str], kinds: list[str], patterns: Patterns) -> str:
    """A labelled author below the header ("Reporter: Putu Ayu Lestari"); its line goes."""
    for i in range(len(lines)):
        label = _LABELLED_AUTHOR.match(lines[i])
        if label and not kinds[i] and len(lines[i]) <= 80:
            byline = read_byline(lines[i][label.end() :], patterns.outlets)
            if byline and byline.authors:
                kinds[i] = "byline"
                return "; ".join(byline.authors)
    return ""


def _mark_author_bio(lines: list[str], kinds: list[str], author: str) -> None:
    """A closing line about the author ("Hana Ito is a freelance writer based in ...")."""
    names = [a for a in author.split("; ") if a]
    content = [i for i, line in enumerate(lines) if line and not kinds[i]][-3:]
    for i in content:
        line = lines[i]
        for name in names:
            rest = line[len(name) :].split() if line.startswith(name + " ") else []
            if rest[:1] in (["is"], ["was"]) and any(
                w.strip(".,").casefold() in ROLE_WORDS for w in rest[:8]
            ):
                kinds[i] = "author_bio"


def _outlet_lines(lines: list[str], kinds: list[str], patterns: Patterns) -> str:
    """Mark lines that are only a known outlet's name ("EFE" under a story); the first one."""
    found = ""
    for i, line in enumerate(lines):
        if line and not kinds[i] and len(line) <= 60 and patterns.outlets.known(line):
            kinds[i] = "byline"
            found = found or line
    return found


def _credited_source(lines: list[str], kinds: list[str], patterns: Patterns) -> str:
    """A source named in a line removed as a credit or copyright notice."""
    for i, line in enumerate(lines):
        if line and kinds[i]:
            for pattern in patterns.sources:
                match = pattern.fullmatch(line)
                source = _match_source(match, patterns) if match else ""
                if source:
                    return source
    return ""


def clean_article(text: str, patterns: Patterns, layout: Layout, given_title: str = "") -> Article:
    """Clean normalised ``text``; ``given_title`` (from metadata) replaces title detection."""
    lines = text.split("\n")
    kinds = _mark_boilerplate(lines, patterns, layout)
    head = _read_header(_Reader(lines, kinds, patterns, layout), kinds)
    headline = _headline(lines, head, patterns, given_title)
    _mark_repeats_and_leftovers(lines, kinds, head, headline.text)
    fields, extra = _fields(lines, kinds, head, patterns, headline)
    if headline.affix is not None:
        extra.append(headline.affix)

    removed = [Removal(i + 1, kind, lines[i]) for i, kind in enumerate(kinds) if kind]
    removed = sorted(removed + extra, key=lambda r: r.line)
    body_lines = [line for i, line in enumerate(lines) if not kinds[i] and i != head.title]
    body = "\n".join(body_lines)
    # The pattern scans the whole text; most texts have no run of blank lines to shorten.
    if "\n\n\n" in body:
        body = _BLANK_RUN.sub("\n\n", body)
    body = body.strip()
    title = headline.text
    if not title:
        title = " ".join(body.split()[: layout.title_words])
    elif layout.title_in_text and body:
        body = f"{title}\n\n{body}"
    elif not body and headline.origin == "header":
        body = title  # a text that is only its title line keeps that line as its text
    return Article(
        title,
        body,
        fields.date,
        fields.source,
        fields.source_from,
        fields.author,
        headline.origin,
        removed,
        fields.notes,
    )
