"""Phrases: statistical collocations (gensim ``Phrases``, NPMI) and the user's own list.

Collocations are learnt in layers: the first joins pairs ("nuclear_program"),
the second runs over the first's output and so adds trigrams. Connector words
may sit inside a phrase but never start or end one.

gensim's ``FrozenPhrases`` stores the phrases (saved with the model); counting,
scoring and applying them is done here, because gensim does each one Python step
per word. ``PhraseCounts`` collects exactly the counts ``Phrases.add_vocab``
would, mostly in bulk, and scores pairs by NPMI as gensim does, except that a
token already joined (a name, a phrase of the first layer) is never scored as if
it were a pair (see ``PhraseCounts.scores``); ``PhraseLayer`` joins exactly what
``FrozenPhrases[chunk]`` joins, and passes over a chunk without a word that can
start a phrase in one set operation. The second layer's counts are the first's,
corrected for the chunks the first layer changed.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from gensim.models.phrases import FrozenPhrases, Phrases

from topicpipe.files import save_unstamped
from topicpipe.tokenise.names import JOINER
from topicpipe.tokenise.scan import CHUNK, UNIT, Chunks, text_chunks
from topicpipe.tokenise.tokens import PHRASE_CONNECTORS

# Tokens, or characters of text, counted in one bulk update (bounded, so memory does not
# grow with the corpus).
_BATCH = 1 << 18
_BATCH_CHARS = 1 << 21
# Ends a chunk among the tokens of a batch; two units in a row are a chunk end in its text.
_END = ""
_END_UNITS = UNIT + UNIT


@dataclass(frozen=True)
class PhraseSettings:
    """The ``tokenise.phrases`` section of the config."""

    collocations: bool
    min_count: int
    threshold: float
    trigrams: bool
    user: tuple[str, ...]


class PairCounts:
    """Counts of word pairs keyed by integers, in sorted numpy arrays: 12 bytes a distinct
    pair, where a ``Counter`` of tuples takes about 190, so that counting the pairs of a
    large corpus stays well under the memory its vocabulary and the model need.

    A pair is (first word, the connectors between, last word), each an id: the key is
    ``first << 39 | between << 24 | last``. Keys arrive in batches (``add``) and are
    merged into the sorted arrays when enough are waiting (``counts``).
    """

    WORD_BITS, BETWEEN_BITS = 24, 15
    # Waiting keys are merged when there are this many, or a quarter of the counted ones:
    # often enough that merging them takes little memory besides the arrays, seldom enough
    # that the arrays are copied a few times over.
    _MERGE_EVERY = 1 << 21

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.values = np.zeros(0, dtype=np.int32)
        self._waiting: list[tuple[np.ndarray, np.ndarray]] = []
        self._n_waiting = 0

    @classmethod
    def key(cls, first: np.ndarray, between: np.ndarray | int, last: np.ndarray) -> np.ndarray:
        """The keys of pairs of word ids ``first``, ``last`` with connectors ``between``."""
        limit = 1 << cls.WORD_BITS
        if len(first) and (max(first.max(), last.max()) >= limit):
            raise ValueError(f"tokenise: more than {limit} distinct words to count phrases on")
        shift = cls.WORD_BITS + cls.BETWEEN_BITS
        return (first << shift) | (np.int64(between) << cls.WORD_BITS) | last

    @classmethod
    def split(cls, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The (first, between, last) ids of ``keys``."""
        mask = (1 << cls.WORD_BITS) - 1
        between = (keys >> cls.WORD_BITS) & ((1 << cls.BETWEEN_BITS) - 1)
        return keys >> (cls.WORD_BITS + cls.BETWEEN_BITS), between, keys & mask

    def add(self, keys: np.ndarray, values: np.ndarray | None = None) -> None:
        """Add ``values`` (default 1 each) to the counts of ``keys``."""
        if values is None:
            keys, values = np.unique(keys, return_counts=True)
        self._waiting.append((keys, values.astype(np.int32)))
        self._n_waiting += len(keys)
        if self._n_waiting >= max(self._MERGE_EVERY, len(self.keys) // 4):
            self._merge()

    def _merge(self) -> None:
        """Fold the waiting keys into the sorted arrays: counts of known keys are added in
        place and new keys inserted, so that the arrays are copied at most once."""
        if not self._waiting:
            return
        keys = np.concatenate([k for k, _ in self._waiting])
        values = np.concatenate([v for _, v in self._waiting])
        self._waiting, self._n_waiting = [], 0
        if not len(keys):
            return
        # Sorted and summed by key with fewer temporary arrays than ``np.unique`` needs.
        order = np.argsort(keys)
        keys, values = keys[order], values[order]
        del order
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        keys, values = keys[starts], np.add.reduceat(values, starts)
        at = np.searchsorted(self.keys, keys)
        known = at < len(self.keys)
        known[known] = self.keys[at[known]] == keys[known]
        self.values[at[known]] += values[known]
        new = ~known
        if new.any():
            self.keys = np.insert(self.keys, at[new], keys[new])
            self.values = np.insert(self.values, at[new], values[new])

    def counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Every pair's key and count (sorted by key)."""
        self._merge()
        return self.keys, self.values


class PhraseCounts:
    """Word and word-pair counts of a stream of chunks, as gensim's ``Phrases`` counts them.

    Every word that is not a connector counts once; every two such words in a row count
    as a pair, with the connectors between them ("lift of sanction"); ``words`` counts
    every word, connectors too. Words are numbered (connectors first), and a batch of
    chunks is counted in bulk: its words are numbered through one dictionary, and the
    words and pairs counted with numpy. Pairs are kept by number (``PairCounts``) and
    joined with ``_`` only in ``vocabulary`` (where, as in gensim, a pair may add to a
    joined token spelt the same).

    The connectors between a pair's words are one number: up to ``_short`` connectors by
    their numbers in base (connectors + 1), so that none is 0; a longer run is numbered
    from ``_first_long`` on, in the order first met.
    """

    def __init__(self, connectors: frozenset[str] = PHRASE_CONNECTORS):
        self.connectors = connectors
        self.names: list[str] = sorted(connectors)
        # The empty string ends a chunk in a batch (no token is empty).
        self.ids: dict[str, int] = {word: n for n, word in enumerate(self.names)}
        self.ids[_END] = -1
        self._unigrams = np.zeros(len(self.names), dtype=np.int64)
        self.pairs = PairCounts()
        self._words = 0
        self._base = len(self.names) + 1
        self._short = 0
        while self._base > 1 and self._base ** (self._short + 1) <= 1 << (
            PairCounts.BETWEEN_BITS - 1
        ):
            self._short += 1
        self._first_long = self._base**self._short
        self._long: dict[tuple[str, ...], int] = {}
        # Chunks waiting to be counted, by sign, each followed by _END.
        self._waiting: dict[int, list[str]] = {}

    @property
    def words(self) -> int:
        """How many words were counted, connectors too."""
        self._flush()
        return self._words

    def add_documents(self, documents: Iterable[Chunks]) -> None:
        """Count every chunk of every document."""
        for chunks in documents:
            for chunk in chunks:
                self.add(chunk)
        self._flush()

    def add_texts(self, texts: Iterable[str]) -> None:
        """Count every chunk of documents given as text (``scan.chunks_text``)."""
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text)
            if size > _BATCH_CHARS:
                self._count(CHUNK.join(batch).replace(CHUNK, _END_UNITS).split(UNIT), 1)
                batch, size = [], 0
        self._count(CHUNK.join(batch).replace(CHUNK, _END_UNITS).split(UNIT), 1)

    def add(self, chunk: list[str], sign: int = 1) -> None:
        """Count one chunk (``sign=-1`` takes it away again)."""
        waiting = self._waiting.setdefault(sign, [])
        waiting += chunk
        waiting.append(_END)
        if len(waiting) > _BATCH:
            self._count(waiting, sign)
            self._waiting[sign] = []

    def _flush(self) -> None:
        """Count the chunks ``add`` left waiting."""
        for sign, waiting in self._waiting.items():
            self._count(waiting, sign)
        self._waiting = {}

    def _count(self, tokens: list[str], sign: int) -> None:
        """Count ``tokens``, chunks each ended by ``_END``, ``sign`` times."""
        ids, names = self.ids, self.names
        for word in [word for word in dict.fromkeys(tokens) if word not in ids]:
            ids[word] = len(names)
            names.append(word)
        if len(self._unigrams) < len(names):
            grown = np.zeros(max(len(names), 2 * len(self._unigrams)), dtype=np.int64)
            grown[: len(self._unigrams)] = self._unigrams
            self._unigrams = grown
        numbers = np.fromiter(map(ids.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        ends = numbers < 0
        is_word = numbers >= len(self.connectors)
        self._words += sign * (len(numbers) - int(ends.sum()))
        self._unigrams[: len(names)] += sign * np.bincount(numbers[is_word], minlength=len(names))
        # A pair is two words in a row (connectors aside) with no chunk end between them.
        at = np.flatnonzero(is_word)
        chunk = np.cumsum(ends)[at]
        same = chunk[1:] == chunk[:-1]
        left, right = at[:-1][same], at[1:][same]
        gap = right - left - 1
        between = np.zeros(len(gap), dtype=np.int64)
        for place in range(self._short):
            inside = gap > place
            between[inside] += (numbers[left[inside] + 1 + place] + 1) * self._base**place
        for index in np.flatnonzero(gap > self._short).tolist():
            run = tuple(tokens[left[index] + 1 : right[index]])
            between[index] = self._long_number(run)
        keys, counts = np.unique(
            PairCounts.key(numbers[left], between, numbers[right]), return_counts=True
        )
        self.pairs.add(keys, sign * counts)

    def _long_number(self, run: tuple[str, ...]) -> int:
        """The number of a run of more than ``_short`` connectors."""
        number = self._long.get(run)
        if number is None:
            number = self._long[run] = self._first_long + len(self._long)
            if number >= 1 << PairCounts.BETWEEN_BITS:
                raise ValueError("tokenise: too many distinct runs of connectors between words")
        return number

    def _runs(self) -> dict[int, tuple[str, ...]]:
        """Each number of connectors between words that is in use, with its connectors."""
        runs = {number: run for run, number in self._long.items()}
        for number in range(self._first_long):
            run, rest = [], number
            while rest:
                rest, digit = divmod(rest, self._base)
                run.append(self.names[digit - 1])
            runs[number] = tuple(run)
        return runs

    def _pair_numbers(self, min_count: int = 1) -> Iterator[tuple[int, tuple[str, ...], int, int]]:
        """Every pair counted at least ``min_count`` (and once) times: its first word's
        number, the connectors between, its last word's number and its count, in the order
        of their keys."""
        self._flush()
        keys, values = self.pairs.counts()
        keep = values >= max(1, min_count)
        firsts, runs, lasts = PairCounts.split(keys[keep])
        by_number = self._runs()
        yield from zip(
            firsts.tolist(),
            map(by_number.__getitem__, runs.tolist()),
            lasts.tolist(),
            values[keep].tolist(),
            strict=True,
        )

    def vocabulary(self) -> dict[str, int]:
        """gensim's ``Phrases.vocab`` for these counts: words and ``_``-joined pairs."""
        self._flush()
        start = len(self.connectors)
        unigrams = self._unigrams[: len(self.names)].tolist()
        vocab = {
            word: n for word, n in zip(self.names[start:], unigrams[start:], strict=True) if n > 0
        }
        for first, run, last, n in self._pair_numbers():
            key = JOINER.join((self.names[first], *run, self.names[last]))
            vocab[key] = vocab.get(key, 0) + n
        return vocab

    def joined(self) -> frozenset[str]:
        """The tokens counted that are already joined (names, aliases, user phrases, and
        after the first layer its phrases)."""
        self._flush()
        return frozenset(word for word in self.names[len(self.connectors) :] if JOINER in word)

    def scores(self, min_count: int, fixed: frozenset[str] = frozenset()) -> dict[str, float]:
        """NPMI of every pair seen at least ``min_count`` times, by its joined token; pairs
        with a ``fixed`` token (a name joined before the phrases) are no phrase, so that a
        name is never glued to its neighbours ("united_states_president_george_w_bush").

        Each pair is scored from its own count and the counts of its first and last word,
        as gensim's ``npmi_scorer`` does, but never from a token that only looks like a
        pair: gensim scores every vocabulary key holding "_", so a name joined before
        phrases (``united_states``) or a phrase of the first layer counted again in the
        second had its occurrences counted both as a token and as a pair of words it no
        longer shows, and scored above 1. A pair's count is at most either word's, so every
        score here lies in [-1, 1]. Two pairs that join to the same token (``a_b`` + ``c``,
        ``a`` + ``b_c``) keep the higher score.
        """
        self._flush()
        words = float(self.words)
        names = self.names
        unigrams = self._unigrams.tolist()
        scores: dict[str, float] = {}
        for first, run, last, n in self._pair_numbers(min_count):
            if names[first] in fixed or names[last] in fixed:
                continue
            key = JOINER.join((names[first], *run, names[last]))
            score = npmi(unigrams[first], unigrams[last], n, words)
            if key not in scores or score > scores[key]:
                scores[key] = score
        return scores

    def layer(self, settings: PhraseSettings, fixed: frozenset[str] = frozenset()) -> PhraseLayer:
        """The phrases these counts give: the pairs whose NPMI (``scores``) is above the
        threshold, kept in gensim's ``FrozenPhrases`` (which saves and loads them)."""
        model = Phrases(
            min_count=settings.min_count,
            threshold=settings.threshold,
            scoring="npmi",
            connector_words=self.connectors,
            delimiter=JOINER,
            max_vocab_size=2**62,
        )
        frozen = model.freeze()
        frozen.phrasegrams = {
            phrase: score
            for phrase, score in self.scores(settings.min_count, fixed).items()
            if score > settings.threshold
        }
        return PhraseLayer(frozen)


def npmi(count_a: int, count_b: int, count_ab: int, words: float) -> float:
    """Normalised pointwise mutual information of a pair (Bouma 2009), from the counts of
    its words, of the pair and of all words: in [-1, 1]; 1 when the words only occur
    together."""
    p_ab, p_a, p_b = count_ab / words, count_a / words, count_b / words
    if p_ab >= 1.0:
        return 1.0
    # Rounding can take a pair seen only together a hair past 1.
    return min(1.0, max(-1.0, math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)))


class PhraseLayer:
    """One fitted layer of phrases: joins them in a chunk as ``FrozenPhrases[chunk]`` does.

    Left to right, a word that is not a connector is joined with the next such word (and
    the connectors between) when the joined token is one of the phrases; a joined word
    then starts nothing. A chunk without a word that begins a phrase is returned as is.
    """

    def __init__(self, frozen: FrozenPhrases):
        self.frozen = frozen
        self.connectors = frozenset(frozen.connector_words)
        self.delimiter = frozen.delimiter
        self.phrases = frozenset(
            phrase for phrase, score in frozen.phrasegrams.items() if score > frozen.threshold
        )
        starts = set()
        for phrase in self.phrases:
            parts = phrase.split(self.delimiter)
            starts.update(self.delimiter.join(parts[:end]) for end in range(1, len(parts)))
        self.starts = frozenset(starts)

    def __call__(self, chunk: list[str]) -> list[str]:
        """``chunk`` with this layer's phrases joined (the same list if none is)."""
        if self.starts.isdisjoint(chunk):
            return chunk
        return self.join(chunk)

    def join(self, chunk: list[str]) -> list[str]:
        """``__call__`` for a chunk with a word in ``starts``."""
        connectors, phrases, delimiter = self.connectors, self.phrases, self.delimiter
        starts = self.starts
        out: list[str] = []
        start = ""
        between: list[str] = []
        joined = False
        for word in chunk:
            if word in connectors:
                if start:
                    between.append(word)
                else:
                    out.append(word)
            elif start:
                # Only a word in ``starts`` can begin a phrase; others need no joined token.
                if start in starts and delimiter.join([start, *between, word]) in phrases:
                    out.append(delimiter.join([start, *between, word]))
                    start, between, joined = "", [], True
                else:
                    out.append(start)
                    out += between
                    start, between = word, []
            else:
                start, between = word, []
        if start:
            out.append(start)
            out += between
        return out if joined else chunk

    def save(self, path: str) -> None:
        # Sets and dicts are pickled in iteration order, which for strings follows the
        # process's hash seed: sorted, identical layers give identical files.
        frozen = copy.copy(self.frozen)
        frozen.phrasegrams = dict(sorted(frozen.phrasegrams.items()))
        frozen.connector_words = tuple(sorted(frozen.connector_words))
        save_unstamped(frozen, path)

    @classmethod
    def load(cls, path: str) -> PhraseLayer:
        frozen = FrozenPhrases.load(path)
        frozen.connector_words = frozenset(frozen.connector_words)
        return cls(frozen)


def fit_layers(
    documents: Callable[[], Iterable[str]], settings: PhraseSettings
) -> list[PhraseLayer]:
    """Learn the collocation layers from ``documents()``, each document's chunks as text
    (``scan.chunks_text``), a stream read once per layer."""
    if not settings.collocations:
        return []
    counts = PhraseCounts()
    counts.add_texts(documents())
    # Tokens joined before the phrases (names): never part of a phrase, in either layer.
    names = counts.joined()
    layers = [counts.layer(settings, names)]
    if settings.trigrams:
        first = layers[0]
        cannot_join = first.starts.isdisjoint
        for text in documents():
            for chunk in text_chunks(text):
                if not cannot_join(chunk):
                    joined = first.join(chunk)
                    if joined is not chunk:
                        counts.add(chunk, -1)
                        counts.add(joined)
        layers.append(counts.layer(settings, names))
    return layers


def layer_scores(layers: list[PhraseLayer]) -> dict[str, float]:
    """NPMI score of every phrase the layers join (the first layer's score wins)."""
    scores: dict[str, float] = {}
    for layer in layers:
        for phrase, score in layer.frozen.phrasegrams.items():
            scores.setdefault(phrase, float(score))
    return scores


class UserPhrases:
    """Joins the user's phrases (already tokenised) wherever their tokens are adjacent."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
            if len(phrase) > 1:
                self.by_first.setdefault(phrase[0], []).append(phrase)
        self.joined = frozenset(JOINER.join(p) for ps in self.by_first.values() for p in ps)

    def __call__(self, tokens: list[str]) -> list[str]:
        if not self.by_first or self.by_first.keys().isdisjoint(tokens):
            return tokens
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for phrase in self.by_first.get(tokens[i], ()):
                if tuple(tokens[i : i + len(phrase)]) == phrase:
                    out.append(JOINER.join(phrase))
                    i += len(phrase)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out
