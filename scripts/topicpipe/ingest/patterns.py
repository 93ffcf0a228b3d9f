"""Compile the user-editable patterns of ``ingest`` in config.yaml into regular expressions.

Patterns may use the placeholders ``<DATE>`` (a written date such as ``2 Feb 2016``,
``Apr 17, 2018`` or ``2018-04-17``), ``<DAY_MONTH>`` (a day and month, the year optional,
as in datelines: ``March 3``, ``3 Jun``, ``FEB 10``), ``<TIME>`` (``10:12 AM``,
``14:05 GMT``) and ``<SHORT>`` (at the start: the line has at most 12 words, so a pattern
for a short prompt cannot take a sentence of the story).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from topicpipe.ingest.bylines import Outlets
from topicpipe.ingest.dates import DATE_PATTERN, DAY_MONTH_PATTERN, TIME_PATTERN

# Boilerplate kinds that may stand as one field of a header line ("News ID: 5432178").
HEADER_FIELD_KINDS = ("news_id", "counter", "timestamp", "reading_time")


class PatternError(ValueError):
    """A pattern in the config is not a valid regular expression (the message names it)."""


_PLACEHOLDERS = {
    "<DATE>": f"(?i:{DATE_PATTERN})",
    "<DAY_MONTH>": f"(?i:{DAY_MONTH_PATTERN})",
    "<TIME>": f"(?i:{TIME_PATTERN})",
    "<SHORT>": r"(?=(?:\S+\s+){0,11}\S+$)",
}


def expand(pattern: str) -> str:
    """Replace the placeholders (``<DATE>``, ...) by their expressions."""
    for placeholder, expression in _PLACEHOLDERS.items():
        pattern = pattern.replace(placeholder, expression)
    return pattern


def compile_pattern(pattern: str, key: str, flags: int = 0) -> re.Pattern[str]:
    """Compile one config pattern; a bad one raises ``PatternError`` naming ``key``."""
    try:
        return re.compile(expand(pattern), flags)
    except re.error as error:
        raise PatternError(
            f"ingest.{key}: invalid regular expression {pattern!r} ({error})"
        ) from error


@dataclass(frozen=True)
class Patterns:
    """Everything the article cleaner matches lines against.

    ``lines`` is one alternation whose group names are the boilerplate kinds (matched
    against a whole line, case-insensitively); ``header_fields`` the same for the kinds a
    field of a header line may be (``HEADER_FIELD_KINDS``); ``blocks`` matches a line that starts a
    list of links ("Related News:"). ``titles``, ``datelines`` and ``sources`` carry named
    groups: ``title``; ``date*``, ``author``; and ``source*`` (taken as written) or
    ``outlet*`` (taken only when it looks like an outlet name, see ``bylines``).
    ``outlets`` knows outlet names; ``date_order`` reads all-numeric dates (``dates``).
    """

    lines: re.Pattern[str] | None = None
    header_fields: re.Pattern[str] | None = None
    blocks: re.Pattern[str] | None = None
    titles: tuple[re.Pattern[str], ...] = ()
    datelines: tuple[re.Pattern[str], ...] = ()
    sources: tuple[re.Pattern[str], ...] = ()
    outlets: Outlets = Outlets()
    date_order: str = "auto"


def _alternation(named: Mapping[str, Sequence[str]], key: str) -> re.Pattern[str] | None:
    parts = []
    for kind, patterns in named.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", kind):
            raise PatternError(f"ingest.{key}: kind {kind!r} must be a plain word (a-z, _)")
        for number, pattern in enumerate(patterns):
            compile_pattern(pattern, f"{key}.{kind}", re.IGNORECASE)
            parts.append(f"(?P<{kind}__{number}>{expand(pattern)})")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _compiled(meta: Mapping[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_pattern(p, f"metadata_patterns.{key}") for p in meta.get(key, []))


def compile_patterns(config: Mapping[str, Any]) -> Patterns:
    """Build ``Patterns`` from the ``boilerplate``, ``metadata_patterns`` and ``date_order``
    settings of the ``ingest`` config section."""
    boiler = config.get("boilerplate", {})
    meta = config.get("metadata_patterns", {})
    blocks = boiler.get("blocks", [])
    kinds = boiler.get("lines", {})
    return Patterns(
        lines=_alternation(kinds, "boilerplate.lines"),
        header_fields=_alternation(
            {k: v for k, v in kinds.items() if k in HEADER_FIELD_KINDS}, "boilerplate.lines"
        ),
        blocks=_alternation({"block": blocks}, "boilerplate.blocks") if blocks else None,
        titles=_compiled(meta, "titles"),
        datelines=_compiled(meta, "datelines"),
        sources=_compiled(meta, "sources"),
        outlets=Outlets.with_extra(meta.get("outlets", [])),
        date_order=config.get("date_order", "auto"),
    )


def line_kind(patterns: Patterns, line: str, header_field: bool = False) -> str:
    """The boilerplate kind of a whole line (or, with ``header_field``, of a field of a
    header line: only ``HEADER_FIELD_KINDS``), or "" when it is not boilerplate."""
    pattern = patterns.header_fields if header_field else patterns.lines
    if pattern is None:
        return ""
    match = pattern.fullmatch(line)
    if not match:
        return ""
    return match.lastgroup.split("__")[0] if match.lastgroup else ""
