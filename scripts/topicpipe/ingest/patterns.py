"""Compile the user-editable patterns of ``ingest`` in config.yaml into regular expressions.

Patterns may use the placeholders ``<DATE>`` (a written date such as ``2 Feb 2016``,
``Apr 17, 2018`` or ``2018-04-17``) and ``<TIME>`` (``10:12 AM``, ``14:05 GMT``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from topicpipe.ingest.dates import DATE_PATTERN, TIME_PATTERN


class PatternError(ValueError):
    """A pattern in the config is not a valid regular expression (the message names it)."""


# Without group names, so a pattern may use a placeholder more than once.
_DATE = "(?i:" + re.sub(r"\(\?P<\w+>", "(?:", DATE_PATTERN) + ")"
_TIME = f"(?i:{TIME_PATTERN})"


def expand(pattern: str) -> str:
    """Replace ``<DATE>`` and ``<TIME>`` by their (case-insensitive) expressions."""
    return pattern.replace("<DATE>", _DATE).replace("<TIME>", _TIME)


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
    against a whole line, case-insensitively); ``blocks`` matches a line that starts a
    list of links ("Related News:"); ``bylines``, ``titles`` and ``datelines`` carry
    named groups ``source``, ``title`` and ``date``.
    """

    lines: re.Pattern[str] | None
    blocks: re.Pattern[str] | None
    bylines: tuple[re.Pattern[str], ...]
    titles: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]


def _alternation(named: Mapping[str, Sequence[str]], key: str) -> re.Pattern[str] | None:
    parts = []
    for kind, patterns in named.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", kind):
            raise PatternError(f"ingest.{key}: kind {kind!r} must be a plain word (a-z, _)")
        for number, pattern in enumerate(patterns):
            compile_pattern(pattern, f"{key}.{kind}", re.IGNORECASE)
            parts.append(f"(?P<{kind}__{number}>{expand(pattern)})")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def compile_patterns(config: Mapping[str, Any]) -> Patterns:
    """Build ``Patterns`` from the ``boilerplate`` and ``metadata_patterns`` config sections."""
    boiler = config.get("boilerplate", {})
    meta = config.get("metadata_patterns", {})
    blocks = boiler.get("blocks", [])
    return Patterns(
        lines=_alternation(boiler.get("lines", {}), "boilerplate.lines"),
        blocks=_alternation({"block": blocks}, "boilerplate.blocks") if blocks else None,
        bylines=tuple(
            compile_pattern(p, "metadata_patterns.bylines") for p in meta.get("bylines", [])
        ),
        titles=tuple(
            compile_pattern(p, "metadata_patterns.titles") for p in meta.get("titles", [])
        ),
        datelines=tuple(
            compile_pattern(p, "metadata_patterns.datelines") for p in meta.get("datelines", [])
        ),
    )


def line_kind(patterns: Patterns, line: str) -> str:
    """The boilerplate kind of a whole line, or "" when it is not boilerplate."""
    if patterns.lines is None:
        return ""
    match = patterns.lines.fullmatch(line)
    if not match:
        return ""
    return match.lastgroup.split("__")[0] if match.lastgroup else ""
