"""Dates written the ways news sites write them, parsed to ISO 8601 (``YYYY-MM-DD``)."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
# Named groups differ per form so one compiled alternation tells which form matched.
DATE_PATTERN = (
    rf"{_WEEKDAY}(?:"
    r"(?P<iy>(?:19|20)\d\d)[-/.](?P<im>0?[1-9]|1[0-2])[-/.](?P<id>0?[1-9]|[12]\d|3[01])"
    rf"|(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>(?:19|20)\d\d)"
    rf"|(?P<mm>{_MONTH})\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<my>(?:19|20)\d\d)"
    r")"
)
TIME_PATTERN = (
    r"(?:(?:at\s+)?[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)"
)
_DATE = re.compile(rf"(?<![\w-]){DATE_PATTERN}(?![\w-])", re.IGNORECASE)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]


def _iso(match: re.Match[str]) -> str:
    """ISO date of a ``_DATE`` match, or "" when the numbers make no calendar date."""
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["dy"]:
        year, month, day = int(groups["dy"]), _month(groups["dm"]), int(groups["dd"])
    else:
        year, month, day = int(groups["my"]), _month(groups["mm"]), int(groups["md"])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_date(text: str) -> str:
    """ISO form of the first valid date written in ``text``, or "" when there is none."""
    for match in _DATE.finditer(text):
        iso = _iso(match)
        if iso:
            return iso
    return ""


def parse_date(value: str) -> str:
    """ISO form of a date field (sidecar or column); "" when it holds no recognisable date."""
    return find_date(value.strip()) if value else ""
