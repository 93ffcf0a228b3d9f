"""Names from capitalisation: runs of capitalised words inside a sentence become one token.

A run may hold "of", "for" and "and" between capitalised words ("Organization of
Islamic Cooperation"). Before joining, a run is trimmed: leading stopwords go
("The Security Council" -> Security Council), leading titles are split off
("President Vladimir Putin" -> president, Vladimir Putin), and "and" splits a run
unless an "of" or "for" came before it ("Russia and Iran" are two names,
"Organization for Security and Co-operation" one).

After the whole corpus has been read, a run seen fewer than ``min_count`` times
that starts with a run seen on its own is split there ("Russian Security Council
Patrushev" -> Russian Security Council, Patrushev), see ``NameVocabulary``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from topicpipe.tokenise.tokens import NAME_CONNECTORS, Kind, Word

# Titles and honorifics split off the front of a name. Written for this project.
TITLES = frozenset(
    str.split(
        """
    president vice prime minister secretary deputy chairman chairwoman chair ambassador mr mrs
    ms dr ayatollah sheikh king queen prince princess emir gen colonel col lieutenant lt maj
    captain capt admiral adm senator sen representative rep governor gov mayor spokesman
    spokeswoman spokesperson chancellor premier commander professor prof envoy sir lord lady
    """
    )
)
SEPARATOR = " "
JOINER = "_"


@dataclass(frozen=True)
class NamePart:
    """One piece of a resolved run: a multi-word name or a single word."""

    words: tuple[Word, ...]

    @property
    def is_name(self) -> bool:
        return len(self.words) > 1


def resolve_run(run: list[Word], titles: frozenset[str] = TITLES) -> list[NamePart]:
    """Split a run of capitalised words (connectors included) into names and single words."""
    start = 0
    while start < len(run) and (run[start].stop or run[start].kind == Kind.CONNECTOR):
        start += 1
    end = len(run)
    while end > start and run[end - 1].kind == Kind.CONNECTOR:
        end -= 1
    parts = [NamePart((word,)) for word in run[:start]]
    # A title after a name starts a new one: "Islamic Revolution | Ayatollah Ali Khamenei".
    segment: list[Word] = []
    for word in run[start:end]:
        title = word.name.lower() in titles
        after_name = segment and segment[-1].name.lower() not in titles
        if title and after_name and segment[-1].kind != Kind.CONNECTOR:
            parts.extend(_untitled(segment, titles))
            segment = []
        segment.append(word)
    parts.extend(_untitled(segment, titles))
    parts.extend(NamePart((word,)) for word in run[end:])
    return parts


def _untitled(run: list[Word], titles: frozenset[str]) -> list[NamePart]:
    """Leading titles split off (when a name follows them), then ``run`` split at "and"."""
    titled = 0
    while titled < len(run) - 1 and run[titled].name.lower() in titles:
        titled += 1
    if all(word.name.lower() in titles for word in run[titled:]):
        titled = 0
    parts = [NamePart((word,)) for word in run[:titled]]
    current: list[Word] = []
    has_of = False
    for word in run[titled:]:
        lower = word.name.lower()
        if word.kind == Kind.CONNECTOR and lower == "and" and not has_of:
            parts.extend(_trimmed(current))
            parts.append(NamePart((word,)))
            current = []
            continue
        has_of = has_of or (word.kind == Kind.CONNECTOR and lower != "and")
        current.append(word)
    parts.extend(_trimmed(current))
    return parts


def _trimmed(words: list[Word]) -> list[NamePart]:
    """``words`` as one part; leading stopwords and connectors at either end split off."""
    start, end = 0, len(words)
    while start < end and (words[start].stop or words[start].kind == Kind.CONNECTOR):
        start += 1
    while end > start and words[end - 1].kind == Kind.CONNECTOR:
        end -= 1
    parts = [NamePart((w,)) for w in words[:start]]
    if end > start:
        parts.append(NamePart(tuple(words[start:end])))
    parts.extend(NamePart((w,)) for w in words[end:])
    return parts


class NameVocabulary:
    """Counts of every multi-word run in the corpus, used to split rare runs.

    ``runs`` maps a run (words joined by a space) to how often it occurred on its
    own. A run is *known* when it occurred on its own, and on its own or inside
    longer runs at least ``min_count`` times; a run seen that often is kept whole.
    Any other run is cut in two where the left side is known ("Russian Security
    Council | Patrushev"; a connector at the cut is dropped), or where the right
    side is known and the left is one word ("Russia | Mehdi Sanaei"). The cut with
    the most often seen (then longest) known side wins, the other side is cut the
    same way, and a run with no such cut stays whole. Runs in ``keep`` (the user's
    phrases) are never cut.
    """

    def __init__(
        self, runs: Mapping[str, int], min_count: int = 2, keep: frozenset[str] = frozenset()
    ):
        self.runs = dict(runs)
        self.min_count = min_count
        self.keep = keep
        self.contained = _containment(self.runs)

    def split(self, run: str) -> list[str]:
        """The tokens of ``run``: joined whole, or split into shorter known names (worked
        out each time: ``FittedTokeniser`` remembers each distinct run's tokens)."""
        return [part.replace(SEPARATOR, JOINER) for part in self._segments(run)]

    def _known(self, run: str) -> int:
        """How often ``run`` was seen (inside longer runs too) if it is known, else 0."""
        count = self.contained.get(run, 0)
        return count if count >= self.min_count and run in self.runs else 0

    def _segments(self, run: str) -> list[str]:
        if run in self.keep or self.contained.get(run, 0) >= self.min_count:
            return [run]
        best: tuple[int, int, str, str] | None = None
        for left, right, at_connector in _cuts(run.split(SEPARATOR)):
            support, length = self._known(left), len(left)
            if not support and not at_connector and SEPARATOR not in left:
                support, length = self._known(right), len(right)
            if support and (best is None or (support, length) > best[:2]):
                best = (support, length, left, right)
        if best is None:
            return [run]
        return [*self._segments(best[2]), *self._segments(best[3])]


# Longer runs are not counted inside (titles of documents, lists of names).
_MAX_CONTAINED = 8


def _containment(runs: Mapping[str, int]) -> dict[str, int]:
    """For every run of two or more words, how often it occurred alone or inside a run."""
    contained: dict[str, int] = {}
    for run, count in runs.items():
        words = run.split(SEPARATOR)
        if len(words) > _MAX_CONTAINED:
            contained[run] = contained.get(run, 0) + count
            continue
        seen = set()
        for i in range(len(words)):
            if words[i] in NAME_CONNECTORS:
                continue
            for j in range(i + 2, len(words) + 1):
                if words[j - 1] in NAME_CONNECTORS:
                    continue
                sub = SEPARATOR.join(words[i:j])
                if sub not in seen:
                    seen.add(sub)
                    contained[sub] = contained.get(sub, 0) + count
    return contained


def _cuts(words: list[str]) -> list[tuple[str, str, bool]]:
    """Every way to cut a run in two; a connector at the cut is dropped ("X of Y" -> X, Y)."""
    cuts = []
    for index in range(1, len(words)):
        if words[index - 1] in NAME_CONNECTORS:
            continue
        at_connector = words[index] in NAME_CONNECTORS
        right = words[index + at_connector :]
        if right and right[0] not in NAME_CONNECTORS:
            cuts.append((SEPARATOR.join(words[:index]), SEPARATOR.join(right), at_connector))
    return cuts
