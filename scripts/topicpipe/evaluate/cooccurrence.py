"""Co-occurrence counts of the reference texts, counted once and shared by every model.

Coherence measures need, for the top words of the topics, how many contexts
(sliding windows over the token sequence, or whole documents) contain each word
and each pair of words. Counting is the costly part, so it is done once for the
union of all top words of all models of a sweep; scoring one model is then a
few array look-ups (``coherence.py``).

Two ways of counting sliding windows are offered:

- ``gensim`` reproduces gensim's ``WordOccurrenceAccumulator`` (gensim 4.x)
  exactly, so the scores equal ``CoherenceModel``'s. gensim updates each window
  incrementally and, when a word leaves the window while another occurrence of
  it is still inside, marks it absent until it next enters; repeated words are
  therefore slightly under-counted.
- ``boolean`` counts a word in every window that contains it (the textbook
  boolean sliding window of Röder et al. 2015).

In both, a text shorter than the window is one window, and a text of length
``L >= window`` gives ``L - window + 1`` windows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

WINDOW_METHODS = ("gensim", "boolean")


@dataclass
class CooccurrenceCounts:
    """Counts over ``n_contexts`` contexts for the vocabulary ids ``word_ids``.

    ``pairs[i, j]`` is the number of contexts holding both ``word_ids[i]`` and
    ``word_ids[j]``; its diagonal is the number holding the word at all.
    """

    word_ids: np.ndarray
    pairs: np.ndarray
    n_contexts: int

    def positions(self, ids: Sequence[int]) -> np.ndarray:
        """Row/column positions of vocabulary ids in ``pairs`` (every id must be counted)."""
        ids = np.asarray(ids)
        found = np.searchsorted(self.word_ids, ids)
        found = np.minimum(found, len(self.word_ids) - 1)
        if len(self.word_ids) == 0 or not np.array_equal(self.word_ids[found], ids):
            missing = sorted(set(ids.tolist()) - set(self.word_ids.tolist()))
            raise KeyError(f"term ids not counted: {missing[:10]}")
        return found

    def submatrix(self, ids: Sequence[int]) -> np.ndarray:
        """Pair counts among ``ids``, in the order given."""
        where = self.positions(ids)
        return self.pairs[np.ix_(where, where)]


def _empty(word_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    word_ids = np.unique(np.asarray(list(word_ids), dtype=np.int64))
    return word_ids, np.zeros((len(word_ids), len(word_ids)), dtype=np.float64)


def count_documents(bows: Iterable[Sequence[tuple[int, float]]], word_ids: Iterable[int]):
    """Documents containing each word and pair of ``word_ids`` (a bag-of-words corpus)."""
    word_ids, pairs = _empty(word_ids)
    n_docs = 0
    for bow in bows:
        n_docs += 1
        present = np.unique([term for term, count in bow if count > 0])
        if len(present) == 0:
            continue
        where = np.searchsorted(word_ids, present)
        hit = where < len(word_ids)
        hit[hit] = word_ids[where[hit]] == present[hit]
        where = where[hit]
        pairs[np.ix_(where, where)] += 1
    return CooccurrenceCounts(word_ids, pairs, n_docs)


def window_presence(
    positions: np.ndarray, words: np.ndarray, n_words: int, length: int, window: int, method: str
) -> np.ndarray:
    """(windows, n_words) boolean: is word ``j`` counted in window ``s`` of one text?

    ``positions[i]`` is where word ``words[i]`` (0 .. n_words-1) occurs in a text of
    ``length`` tokens; windows start at 0 .. ``max(length - window, 0)``.
    """
    n_windows = max(length - window + 1, 1)
    first = np.maximum(positions - window + 1, 0)
    if method == "boolean":
        # +1 where an occurrence's run of windows starts, -1 after it ends.
        last = np.minimum(positions, n_windows - 1)
        edges = np.zeros((n_windows + 1, n_words), dtype=np.int32)
        np.add.at(edges, (first, words), 1)
        np.add.at(edges, (last + 1, words), -1)
        return np.cumsum(edges, axis=0)[:n_windows] > 0
    if method != "gensim":
        raise ValueError(f"window counting method must be one of {WINDOW_METHODS}, not {method!r}")
    # gensim, window by window: first un-mark the token that left, then mark the one that came
    # in. A word is marked if the last "came in" is no earlier than the last "left".
    entered = np.full((n_windows, n_words), -1, dtype=np.int64)
    np.maximum.at(entered, (first, words), first)
    left_at = positions + 1
    inside = left_at < n_windows
    exited = np.full((n_windows, n_words), -1, dtype=np.int64)
    np.maximum.at(exited, (left_at[inside], words[inside]), left_at[inside])
    entered = np.maximum.accumulate(entered, axis=0)
    exited = np.maximum.accumulate(exited, axis=0)
    return (entered >= 0) & (entered >= exited)


def count_windows(
    texts: Iterable[Sequence[str]],
    token2id: dict[str, int],
    word_ids: Iterable[int],
    window: int,
    method: str,
) -> CooccurrenceCounts:
    """Sliding windows of ``window`` tokens containing each word and pair of ``word_ids``.

    ``texts`` are the token sequences in reading order (tokens outside the
    dictionary still take up their place in a window).
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    word_ids, pairs = _empty(word_ids)
    column = {int(w): i for i, w in enumerate(word_ids)}
    by_token = {tok: column[i] for tok, i in token2id.items() if i in column}
    n_windows = 0
    for text in texts:
        n_windows += max(len(text) - window + 1, 1)
        hits = [(pos, by_token[tok]) for pos, tok in enumerate(text) if tok in by_token]
        if not hits:
            continue
        positions, columns = (np.array(values) for values in zip(*hits, strict=True))
        distinct, words = np.unique(columns, return_inverse=True)
        present = window_presence(positions, words, len(distinct), len(text), window, method)
        present = present.astype(np.float64)
        pairs[np.ix_(distinct, distinct)] += present.T @ present
    return CooccurrenceCounts(word_ids, pairs, n_windows)
