"""Read one line of an article's header: dates, bylines, outlets, labels.

Pasted pages put several fields on a line ("Nell Tremblay · CBC News · Posted: Oct 14,
2021 4:00 AM ET | Last Updated: October 14, 2021"). A line is split into fields at
``|``, ``·``, ``•``, `` / `` and spaced dashes, and is a header line only when every field
is understood (a date with its label and time, a byline, an outlet, an id or counter, a
short tag next to a date) and at least one of them is a date, byline or outlet. So a
short sentence of the story that happens to hold a date is never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from topicpipe.ingest.bylines import Outlets, is_role, person_name, read_byline
from topicpipe.ingest.dates import TIME_PATTERN, ParsedDate, find_dates
from topicpipe.ingest.patterns import Patterns, line_kind

_FIELD_SPLIT = re.compile(r"\s*(?:\||·|•|\s/\s|\s-{1,2}\s)\s*")
_DATE_LABEL = re.compile(
    r"(?:(?P<first>first\s+)?(?P<last>last\s+)?(?P<label>published|posted|updated?|modified"
    r"|issued|created|date|dated)(?:\s+(?:on|date|at))?)\s*:?",
    re.IGNORECASE,
)
_AUTHOR_LABEL = re.compile(
    r"(?:authors?|reporters?|correspondent|(?:written|words|text|story)\s+by|by)\b\s*:?\s*",
    re.IGNORECASE,
)
_EDITOR = re.compile(r"(?:editors?|edited\s+by|editing\s+by)\b\s*:?\s*\S.*", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"sources?\s*:\s*(?P<value>.+)", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago",
    re.IGNORECASE,
)
_TIME = re.compile(TIME_PATTERN, re.IGNORECASE)
# Time zones and offsets ("IST", "GMT+2", "UTC+3") and a city in brackets ("(Paris)").
_ZONE = re.compile(
    r"(?:\b(?:UTC|GMT))?\s*[+-]\s*\d{1,2}(?::?\d\d)?\b|\b[A-Z]{2,4}\b|\([A-Z][a-z]+\)"
)
_FILLER = re.compile(r"\b(?:at|on|of)\b|[^\w\s]", re.IGNORECASE)
_JOINED = re.compile(r"\b(?:with|and)\b|[&,]", re.IGNORECASE)
_PLACE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}")
# Ranking of a date by its label: when the article appeared beats when it was changed.
_LATER_LABELS = frozenset({"updated", "update", "modified"})


@dataclass
class HeaderLine:
    """What a header line says. ``label`` is a lone "Published"/"Author" for the next line."""

    kind: str = "header"
    dates: list[tuple[int, ParsedDate]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source: str = ""
    label: str = ""
    exact: bool = True  # every field understood (no short unknown words tolerated)


def _date_rank(label_match: re.Match[str] | None) -> int:
    if label_match is None:
        return 0
    label = label_match.group("label").casefold()
    return 1 if label in _LATER_LABELS or label_match.group("last") else 0


@dataclass
class _Reader:
    """Reads the fields of one line, collecting what they say into ``result``."""

    outlets: Outlets
    patterns: Patterns
    order: str
    result: HeaderLine = field(default_factory=HeaderLine)
    strong: bool = False
    loose: int = 0
    rank: int | None = None

    def date_field(self, text: str) -> bool:
        found = find_dates(text, self.order)
        if not found:
            return False
        label = _DATE_LABEL.match(text)
        rank = self.rank if label is None and self.rank is not None else _date_rank(label)
        rest = text
        for match, parsed in found:
            self.result.dates.append((rank, parsed))
            rest = rest.replace(match.group(0), " ")
        rest = _RELATIVE.sub(" ", _TIME.sub(" ", rest))
        rest = _DATE_LABEL.sub(" ", _ZONE.sub(" ", rest))
        rest = " ".join(_FILLER.sub(" ", rest).split())
        if not rest:
            return True
        if any(not word[0].isupper() for word in rest.split()):
            return False  # words of a sentence around the date: not a header line
        author, outlet = person_name(rest), self.outlets.outlet(rest)
        if outlet:
            self.result.source = self.result.source or outlet
        elif author:
            self.result.authors.append(author)
        elif len(rest.split()) > 3 or not (_PLACE.fullmatch(rest) or is_role(rest)):
            return len(rest.split()) <= 3 and self._loose()
        return True

    def _loose(self) -> bool:
        self.loose += 1
        return True

    def read(self, text: str) -> bool:
        """Take one field; False when it is not something a header holds."""
        label = _DATE_LABEL.fullmatch(text)
        if label:
            self.rank = _date_rank(label)
            self.result.label = "date"
            return True
        if self.date_field(text):
            self.strong = True
            return True
        byline = _AUTHOR_LABEL.match(text)
        if byline:
            rest = text[byline.end() :]
            if not rest:
                self.result.label = "author"
                return True
            read = read_byline(rest, self.outlets)
            if read is None:
                return False
            self.result.authors += read.authors
            self.result.source = self.result.source or read.source
            self.result.kind, self.strong = "byline", True
            return True
        value = _SOURCE_LABEL.fullmatch(text)
        outlet = self.outlets.outlet(value.group("value") if value else text)
        if not outlet and not value and _JOINED.search(text) and len(text.split()) <= 8:
            # Outlets only, as in "DAILY SABAH WITH AA"
            read = read_byline(text, self.outlets)
            outlet = read.source if read is not None and not read.authors else ""
        if outlet:
            self.result.source = self.result.source or outlet
            self.strong = True
            return True
        if _EDITOR.fullmatch(text) or _RELATIVE.search(text) or _TIME.fullmatch(text):
            return True
        if line_kind(self.patterns, text, header_field=True):
            return True
        name = person_name(text)
        if name:
            self.result.authors.append(name)
            return self._loose()
        return len(text.split()) <= 3 and not text.endswith(".") and self._loose()


def read_header_line(
    line: str, outlets: Outlets, patterns: Patterns, order: str = "auto"
) -> HeaderLine | None:
    """What ``line`` says as a header line, or None when it is not one (see module doc).

    A line of only a label ("Published", "Author") comes back with ``label`` set and
    no fields; the caller applies it to the next line.
    """
    reader = _Reader(outlets, patterns, order)
    fields = [f for f in _FIELD_SPLIT.split(line.strip()) if f]
    if not fields or not all(reader.read(f) for f in fields):
        return None
    result = reader.result
    result.exact = not reader.loose
    if not reader.strong:
        return result if result.label and len(fields) == 1 else None
    if reader.loose and not result.dates and not (result.source and len(fields) > 1):
        return None
    if result.dates and not result.authors and not result.source:
        result.kind = "timestamp"
    elif result.authors or result.source:
        result.kind = "byline" if not result.dates else "header"
    return result
