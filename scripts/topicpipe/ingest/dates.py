"""Dates written the ways news sites write them, parsed to ISO 8601 (``YYYY-MM-DD``).

A short expression finds where a date is written (``DATE_PATTERN``: day, month and a
four-digit year in any common order, month names in any case, weekday prefixes, ISO
timestamps); python-dateutil turns what was found into a calendar date. A date that is
impossible (``2021-02-30``) or ambiguous (``03/04/2021``: 3 April or 4 March?) gives no
date but a ``problem`` that callers report; nothing is guessed. ``order`` (config key
``ingest.date_order``) settles ambiguous all-numeric dates: ``auto`` leaves them unread,
``dmy``/``mdy`` read them day or month first; one with a single possible reading
(``15/09/2021``) is always read. Numeric dates with dots (``14.09.2022``) are
day.month.year, the only way they are written.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

ORDERS = ("auto", "dmy", "mdy")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_ISO_TIME = r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?"
# Where a full date (day, month, year) is written; dateutil reads what this finds.
DATE_PATTERN = (
    rf"{_WEEKDAY}(?:"
    rf"{_YEAR}[-/.][01]?\d[-/.][0-3]?\d{_ISO_TIME}"
    rf"|[0-3]?\d[-/.][0-3]?\d[-/.]{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    r")"
)
# Day and month with the year optional, as in datelines ("March 3", "3 Jun", "FEB 10").
DAY_MONTH_PATTERN = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?:,?\s+{_YEAR})?(?![\w-])"
TIME_PATTERN = (
    r"(?:(?:at\s+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)"
)
_DATE = re.compile(rf"(?<![\w-]){DATE_PATTERN}(?![\w-])", re.IGNORECASE)
_WEEKDAY_PREFIX = re.compile(_WEEKDAY, re.IGNORECASE)
_YEAR_FIRST = re.compile(r"\d{4}[-/.]")
_YEAR_LAST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2\d{4}(?!\d)")
# Two different defaults: a part missing from the string shows up as a difference.
_DEFAULTS = (dt.datetime(1901, 1, 1), dt.datetime(1902, 2, 2))


@dataclass(frozen=True)
class ParsedDate:
    """An ISO date, or "" with the reason (``problem``) when the text gives none; an
    ambiguous date keeps its possible ``readings``."""

    iso: str = ""
    problem: str = ""
    readings: tuple[str, ...] = ()


def _read(text: str, dayfirst: bool, yearfirst: bool) -> str:
    """ISO date of ``text``; "" when a day, month or year is missing; ValueError if impossible."""
    found = {
        date_parser.parse(text, default=d, dayfirst=dayfirst, yearfirst=yearfirst).date()
        for d in _DEFAULTS
    }
    return found.pop().isoformat() if len(found) == 1 else ""


@functools.lru_cache(maxsize=8192)  # the same few date strings recur across a corpus
def parse_date(value: str, order: str = "auto") -> ParsedDate:
    """Read one written date (a field, or a span found by ``DATE_PATTERN``).

    Returns the ISO date, or an empty date with a ``problem`` that says why: not a
    date, not a full date, impossible, or ambiguous (with both readings).
    """
    text = value.strip()
    if not text:
        return ParsedDate()
    core = _WEEKDAY_PREFIX.sub("", text)
    numeric = _YEAR_LAST.match(core)
    readings = [(False, True)] if _YEAR_FIRST.match(core) else [(False, False)]
    if numeric and numeric.group(2) != ".":
        readings = {"dmy": [(True, False)], "mdy": [(False, False)]}.get(
            order, [(False, False), (True, False)]
        )
    elif numeric:
        readings = [(True, False)]
    try:
        dates = {_read(text, dayfirst, yearfirst) for dayfirst, yearfirst in readings}
    except (ValueError, OverflowError) as error:
        if "out of range" in str(error) or "must be in" in str(error):
            return ParsedDate(problem=f"impossible date {text!r} (no such day)")
        return ParsedDate(problem=f"{text!r} is not a date")
    if "" in dates:
        return ParsedDate(problem=f"{text!r} is not a full date (day, month and year needed)")
    if len(dates) > 1:
        first, second = sorted(dates)
        return ParsedDate(
            problem=f"ambiguous date {text!r} ({first} or {second}); set ingest.date_order "
            "to dmy or mdy",
            readings=(first, second),
        )
    return ParsedDate(dates.pop())


def settle(parsed: ParsedDate, day_month: str) -> ParsedDate:
    """An ambiguous date settled by a day and month written elsewhere ("Sept 4" in the
    dateline settles 04/09/2022); unchanged when that does not pick one reading."""
    try:
        found = {date_parser.parse(day_month, default=d).strftime("%m-%d") for d in _DEFAULTS}
    except (ValueError, OverflowError):
        return parsed
    if len(found) != 1:
        return parsed
    month_day = found.pop()
    matching = [reading for reading in parsed.readings if reading.endswith(month_day)]
    return ParsedDate(matching[0]) if len(matching) == 1 else parsed


def find_dates(text: str, order: str = "auto") -> list[tuple[re.Match[str], ParsedDate]]:
    """Every date written in ``text``, where it is and how it reads."""
    return [(match, parse_date(match.group(0), order)) for match in _DATE.finditer(text)]


def find_date(text: str, order: str = "auto") -> str:
    """ISO form of the first valid date written in ``text``, or "" when there is none."""
    return next((parsed.iso for _, parsed in find_dates(text, order) if parsed.iso), "")
