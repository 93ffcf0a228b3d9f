"""First pass over a document: its text as chunks of tokens, with names still as runs.

A chunk is a stretch of tokens that a phrase may span: stopwords (other than
the connector words phrases may contain), dropped numbers and punctuation end
a chunk, so no phrase ever joins words that were not next to each other. A
multi-word name is kept as one item whose words are separated by a space;
``NameVocabulary`` decides, once the corpus has been counted, how it is joined.

Capitals are evidence of a name only in ordinary text. On a line whose capitals say
nothing (``bare_lines``: an all-caps headline, or a table row of numbers and capitalised
words), no run is joined and each capitalised word is a name only with other evidence
(``Word.bare_name_like``), so "FED ADDS RESERVES" gives fed, add, reserve and
"Pay April 15" never becomes ``pay_april``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from topicpipe.tokenise.names import SEPARATOR, TITLES, resolve_run
from topicpipe.tokenise.tokens import (
    FILTERED,
    KEPT,
    PHRASE_CONNECTORS,
    STOPPED,
    Kind,
    TokeniseOptions,
    Word,
    WordClassifier,
    split_text,
)

__all__ = [
    "CHUNK",
    "FILTERED",
    "KEPT",
    "PHRASE_CONNECTORS",
    "STOPPED",
    "UNIT",
    "Chunks",
    "Scan",
    "Scanner",
    "chunks_text",
    "run_spans",
    "text_chunks",
]

Chunks = list[list[str]]
# A document's chunks as text: tokens separated by UNIT, chunks by CHUNK (no token holds
# either, and the words of a name run are separated by a space).
UNIT, CHUNK = "\x1f", "\t"
_WORD, _CAPITAL, _ACRONYM, _CONNECTOR = Kind.WORD, Kind.CAPITAL, Kind.ACRONYM, Kind.CONNECTOR
_BOUNDARY, _BREAK = Kind.BOUNDARY, Kind.BREAK
# One part of a resolved run: its (first) word, the name's token (None: the word on its own),
# the fates of the name's words, and whether the word is where the run starts.
_Part = tuple[Word, str | None, tuple[tuple[str, str, int], ...], bool]
# The first letter of each word of a line, and whether a line holds a digit.
_WORD_START = re.compile(r"(?<![\w'.-])[^\W\d_]")
_DIGIT = re.compile(r"\d")


def bare_lines(text: str) -> frozenset[int]:
    """Numbers of the lines (0-based, split at "\\n") whose capitals are no evidence of
    names: two or more words and either every letter a capital, or a digit and at most a
    quarter of the words starting lower-case (a table row such as "Pay April 15 Record
    March 31"; a sentence has far more lower-case words)."""
    found = []
    for number, line in enumerate(text.split("\n")):
        upper = line.isupper()
        if not upper and not _DIGIT.search(line):
            continue
        starts = _WORD_START.findall(line)
        if len(starts) < 2:
            continue
        if upper or 4 * sum(1 for letter in starts if letter.islower()) <= len(starts):
            found.append(number)
    return frozenset(found)


@dataclass
class Scan:
    """One document after the first pass: its chunks and the fate of each word."""

    chunks: Chunks
    fates: list[tuple[str, str, int]] = field(default_factory=list)


def chunks_text(chunks: Chunks) -> str:
    """A document's chunks as one string (see ``UNIT``)."""
    return CHUNK.join(map(UNIT.join, chunks))


def run_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where the name runs of a document's chunks as text (``chunks_text``) start and end.

    A run is the one kind of item that holds a space: each is found from its space (few
    items are runs), and the text is not split.
    """
    find, rfind, size = text.find, text.rfind, len(text)
    done = 0
    space = find(SEPARATOR)
    while space >= 0:
        start = max(rfind(UNIT, done, space), rfind(CHUNK, done, space), done - 1) + 1
        unit, chunk = find(UNIT, space), find(CHUNK, space)
        done = min(unit if unit >= 0 else size, chunk if chunk >= 0 else size)
        yield start, done
        space = find(SEPARATOR, done)


def text_chunks(text: str) -> Chunks:
    """The chunks ``chunks_text`` made ``text`` from (an empty chunk, which holds no token,
    left out)."""
    return [chunk.split(UNIT) for chunk in text.split(CHUNK) if chunk]


class Scanner:
    """Turns text into chunks of tokens; names stay as runs (see the module docstring)."""

    def __init__(
        self, options: TokeniseOptions, titles: frozenset[str] = TITLES, join_names: bool = True
    ):
        self.options = options
        self.titles = titles
        self.join_names = join_names
        self.classify = WordClassifier(options)
        # Each distinct run of words is resolved once (names recur, like words).
        self._resolved: dict[tuple[Word, ...], list[_Part]] = {}
        # Aliases of more than one word whose name would otherwise be joined differently
        # ("United States of America" -> united_states), by their words in lower case.
        self.run_aliases = {
            surface.lower(): token
            for surface, token in options.run_aliases
            if surface.lower().replace(" ", "_") != token
        }

    def __call__(self, text: str) -> Scan:
        # One loop with everything in local names: this runs once per word of the corpus.
        # ``chunk`` is only ever emptied in place, so the helpers below share it.
        known = self.classify.cache.get
        classify = self.classify
        chunks: Chunks = []
        chunk: list[str] = []
        fates: list[tuple[str, str, int]] = []
        run: list[Word] = []
        run_initial = False
        sentence_start = True
        bare = bare_lines(text)
        line = 0
        for raw in split_text(text):
            word = known(raw)
            if word is None:
                word = classify(raw)
            kind = word.kind
            if kind is _WORD and not run:
                sentence_start = False
                fates.append(word.fate)
                if word.keep:
                    chunk.append(word.common)
                elif word.connects:
                    if chunk:
                        chunk.append(word.common)
                elif chunk:
                    _end_chunk(chunks, chunk)
                continue
            if kind is _CAPITAL or kind is _ACRONYM:
                if bare and line in bare:
                    if run:
                        self._flush(run, run_initial, chunks, chunk, fates)
                        run = []
                    _bare(word, chunks, chunk, fates)
                    sentence_start = False
                    continue
                if not run:
                    run_initial = sentence_start
                run.append(word)
                sentence_start = False
                if word.possessive:
                    self._flush(run, run_initial, chunks, chunk, fates)
                    run = []
                continue
            if kind is _CONNECTOR and run and run[-1].kind is not _CONNECTOR:
                run.append(word)
                continue
            if run:
                self._flush(run, run_initial, chunks, chunk, fates)
                run = []
            if kind is _BOUNDARY or kind is _BREAK:
                _end_chunk(chunks, chunk)
                sentence_start = sentence_start or kind is _BOUNDARY
                line += raw == "\n"
                continue
            sentence_start = False
            _common(word, chunks, chunk, fates)
        if run:
            self._flush(run, run_initial, chunks, chunk, fates)
        _end_chunk(chunks, chunk)
        return Scan(chunks, fates)

    def _flush(
        self, run: list[Word], initial: bool, chunks: Chunks, chunk: list[str], fates: list
    ) -> None:
        """Add a run of capitalised words: names, or single words."""
        if len(run) == 1:
            _single(run[0], initial, chunks, chunk, fates)
            return
        key = tuple(run)
        parts = self._resolved.get(key)
        if parts is None:
            parts = self._resolved[key] = self._parts(run)
        for word, token, part_fates, starts in parts:
            if token is None:
                _single(word, initial and starts, chunks, chunk, fates)
            else:
                chunk.append(token)
                fates.extend(part_fates)

    def _parts(self, run: list[Word]) -> list[_Part]:
        """What a run of words adds, part by part (worked out once per distinct run): a
        name's token and its words' fates, or (with no token) a word read on its own, which
        may be a common word if it starts the run and the run starts a sentence."""
        parts: list[_Part] = []
        for index, part in enumerate(resolve_run(run, self.titles)):
            if not part.is_name:
                parts.append((part.words[0], None, (), index == 0))
                continue
            part_fates = tuple(word.in_name_fate for word in part.words)
            alias = (
                self.run_aliases.get(" ".join(word.name for word in part.words).lower())
                if self.run_aliases
                else None
            )
            if alias is not None:
                parts.append((part.words[0], alias, part_fates, False))
            elif self.join_names:
                parts.append(
                    (part.words[0], SEPARATOR.join(w.name for w in part.words), part_fates, False)
                )
            else:
                parts.extend((word, None, (), False) for word in part.words)
        return parts


def _end_chunk(chunks: Chunks, chunk: list[str]) -> None:
    """Close the chunk being built (without trailing connectors) and empty it in place."""
    while chunk and chunk[-1] in PHRASE_CONNECTORS:
        chunk.pop()
    if chunk:
        chunks.append(chunk.copy())
        chunk.clear()


def _common(word: Word, chunks: Chunks, chunk: list[str], fates: list) -> None:
    """A word read as a common word: its lemma, unless a filter drops it."""
    fates.append(word.fate)
    if word.keep:
        chunk.append(word.common)
    elif not word.connects:
        _end_chunk(chunks, chunk)
    elif chunk:
        chunk.append(word.common)


def _bare(word: Word, chunks: Chunks, chunk: list[str], fates: list) -> None:
    """A capitalised word on a ``bare_lines`` line: a name only with evidence beyond its
    capitals (``Word.bare_name_like``), otherwise a common word."""
    if word.bare_name_like and word.name_keep:
        chunk.append(word.name)
        fates.append(word.name_fate)
    elif word.bare_name_like:
        fates.append(word.name_fate)
        _end_chunk(chunks, chunk)
    else:
        _common(word, chunks, chunk, fates)


def _single(word: Word, sentence_initial: bool, chunks: Chunks, chunk: list[str], fates: list):
    """A capitalised word on its own: a name, unless it only starts a sentence."""
    if word.kind not in (Kind.CAPITAL, Kind.ACRONYM) or (sentence_initial and not word.name_like):
        _common(word, chunks, chunk, fates)
    elif word.name_keep:
        chunk.append(word.name)
        fates.append(word.name_fate)
    else:
        fates.append(word.name_fate)
        _end_chunk(chunks, chunk)
