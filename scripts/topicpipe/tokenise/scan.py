"""First pass over a document: its text as chunks of tokens, with names still as runs.

A chunk is a stretch of tokens that a phrase may span: stopwords (other than
the connector words phrases may contain), dropped numbers and punctuation end
a chunk, so no phrase ever joins words that were not next to each other. A
multi-word name is kept as one item whose words are separated by a space;
``NameVocabulary`` decides, once the corpus has been counted, how it is joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from topicpipe.tokenise.names import SEPARATOR, TITLES, NamePart, resolve_run
from topicpipe.tokenise.tokens import Kind, TokeniseOptions, Word, WordClassifier, split_text

Chunks = list[list[str]]
# Words that may sit inside a statistical phrase ("minister_of_foreign_affairs"); gensim's
# English connector words without "and"/"or", so "russia_and_iran" is never one token.
PHRASE_CONNECTORS = frozenset(
    {"a", "an", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with", "without"}
)
# What happened to a word, for the attrition report.
STOPPED, FILTERED, KEPT = 0, 1, 2


@dataclass
class Scan:
    """One document after the first pass: its chunks and the fate of each word."""

    chunks: Chunks
    fates: list[tuple[str, str, int]] = field(default_factory=list)


class Scanner:
    """Turns text into chunks of tokens; names stay as runs (see the module docstring)."""

    def __init__(
        self, options: TokeniseOptions, titles: frozenset[str] = TITLES, join_names: bool = True
    ):
        self.options = options
        self.titles = titles
        self.join_names = join_names
        self.classify = WordClassifier(options)

    def __call__(self, text: str) -> Scan:
        state = _State()
        classify = self.classify
        run: list[Word] = []
        run_initial = False
        sentence_start = True
        for raw in split_text(text):
            word = classify(raw)
            kind = word.kind
            if kind == Kind.CAPITAL or kind == Kind.ACRONYM:
                if not run:
                    run_initial = sentence_start
                run.append(word)
                sentence_start = False
                if word.possessive:
                    self._flush(run, run_initial, state)
                    run = []
                continue
            if kind == Kind.CONNECTOR and run and run[-1].kind != Kind.CONNECTOR:
                run.append(word)
                continue
            if run:
                self._flush(run, run_initial, state)
                run = []
            if kind <= Kind.BREAK:
                state.end_chunk()
                sentence_start = sentence_start or kind == Kind.BOUNDARY
                continue
            sentence_start = False
            state.common(word)
        if run:
            self._flush(run, run_initial, state)
        state.end_chunk()
        return Scan(state.chunks, state.fates)

    def _flush(self, run: list[Word], initial: bool, state: _State) -> None:
        if len(run) == 1:
            state.single(run[0], initial)
            return
        parts: list[NamePart] = resolve_run(run, self.titles)
        for index, part in enumerate(parts):
            if part.is_name and self.join_names:
                state.name(part.words)
            elif part.is_name:
                for word in part.words:
                    state.single(word, False)
            else:
                state.single(part.words[0], initial and index == 0)


class _State:
    """The chunks being built for one document, and each word's fate."""

    __slots__ = ("chunks", "chunk", "fates")

    def __init__(self) -> None:
        self.chunks: Chunks = []
        self.chunk: list[str] = []
        self.fates: list[tuple[str, str, int]] = []

    def end_chunk(self) -> None:
        chunk = self.chunk
        while chunk and chunk[-1] in PHRASE_CONNECTORS:
            chunk.pop()
        if chunk:
            self.chunks.append(chunk)
        self.chunk = []

    def common(self, word: Word) -> None:
        if word.keep:
            self.chunk.append(word.common)
            self.fates.append((word.raw, word.common, KEPT))
            return
        self.fates.append((word.raw, word.common, STOPPED if word.stop else FILTERED))
        if word.common not in PHRASE_CONNECTORS:
            self.end_chunk()
        elif self.chunk:
            self.chunk.append(word.common)

    def single(self, word: Word, sentence_initial: bool) -> None:
        """A capitalised word on its own: a name, unless it only starts a sentence."""
        if word.kind not in (Kind.CAPITAL, Kind.ACRONYM) or (
            sentence_initial and not word.name_like
        ):
            self.common(word)
        elif word.name_keep:
            self.chunk.append(word.name)
            self.fates.append((word.raw, word.name, KEPT))
        else:
            self.fates.append((word.raw, word.name, STOPPED if word.name_stop else FILTERED))
            self.end_chunk()

    def name(self, words: tuple[Word, ...]) -> None:
        names = [word.name for word in words]
        self.chunk.append(SEPARATOR.join(names))
        for word in words:
            fate = STOPPED if word.kind == Kind.CONNECTOR else KEPT
            self.fates.append((word.raw, word.name, fate))
