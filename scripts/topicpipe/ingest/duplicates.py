"""Exact and near-duplicate articles: SHA-1 of the text, and MinHash of word shingles.

Articles are checked one at a time against those already kept, so only one
fingerprint per kept article is held in memory, never the texts. Near-duplicates are
found with locality-sensitive hashing (bands of the MinHash signature) and confirmed
by the signatures' estimate of the Jaccard similarity of the two shingle sets.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+")
_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)
# Fixed, so the same corpus always gives the same groups.
_SEED = 20160202


@dataclass(frozen=True)
class Match:
    """The kept article that a new one copies, how (``exact``/``near``) and how closely."""

    kept_id: str
    kept_path: str
    kind: str
    similarity: float


def _bands_for(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band whose S-curve turns at about 0.85 x ``threshold``.

    Turning a little below the threshold makes missed pairs (false negatives) rare;
    candidates below the threshold are then rejected by the signature estimate.
    """
    target = 0.85 * threshold
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        if num_perm % rows:
            continue
        bands = num_perm // rows
        if (1 / bands) ** (1 / rows) <= target:
            best = (bands, rows)
    return best


class DuplicateFinder:
    """Remember kept articles; tell whether a new text duplicates one of them."""

    def __init__(self, threshold: float, shingle_words: int, num_perm: int):
        self.threshold = threshold
        self.shingle_words = shingle_words
        self.num_perm = num_perm
        rng = np.random.default_rng(_SEED)
        # Multiply-shift hashing: (a*x + b) mod 2**64, top 32 bits; a odd.
        self._a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(
            1
        )
        self._b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
        self.bands, self.rows = _bands_for(threshold, num_perm)
        self._exact: dict[bytes, tuple[str, str]] = {}
        self._buckets: list[dict[bytes, list[int]]] = [{} for _ in range(self.bands)]
        self._signatures: list[np.ndarray] = []
        self._owners: list[tuple[str, str]] = []
        self._word_hashes: dict[str, int] = {}

    def _shingle_hashes(self, text: str) -> np.ndarray:
        cache = self._word_hashes
        words = []
        for word in _WORD.findall(text.casefold()):
            value = cache.get(word)
            if value is None:
                value = cache[word] = zlib.crc32(word.encode("utf-8"))
            words.append(value)
        hashes = np.asarray(words, dtype=np.uint64)
        k = min(self.shingle_words, len(hashes))
        if k == 0:
            return hashes
        # Combine k consecutive word hashes into one 64-bit shingle hash.
        combined = np.zeros(len(hashes) - k + 1, dtype=np.uint64)
        for offset in range(k):
            combined = (
                combined * np.uint64(1_000_003) + hashes[offset : len(hashes) - k + 1 + offset]
            )
        return np.unique(combined)

    def signature(self, text: str) -> np.ndarray:
        """MinHash signature (``num_perm`` 32-bit values) of the text's word shingles."""
        shingles = self._shingle_hashes(text)
        if len(shingles) == 0:
            return np.full(self.num_perm, 0xFFFFFFFF, dtype=np.uint64)
        values = (np.outer(shingles, self._a) + self._b) >> _SHIFT
        return values.min(axis=0) & _MASK32

    def check(self, doc_id: str, path: str, text: str) -> Match | None:
        """The earlier article that ``text`` duplicates, or None (then it is remembered)."""
        digest = hashlib.sha1(" ".join(_WORD.findall(text.casefold())).encode()).digest()
        if digest in self._exact:
            kept_id, kept_path = self._exact[digest]
            return Match(kept_id, kept_path, "exact", 1.0)
        signature = self.signature(text)
        keys = [signature[b * self.rows : (b + 1) * self.rows].tobytes() for b in range(self.bands)]
        candidates = {i for band, key in enumerate(keys) for i in self._buckets[band].get(key, ())}
        best, best_sim = None, 0.0
        for index in sorted(candidates):
            similarity = float(np.mean(self._signatures[index] == signature))
            if similarity >= self.threshold and similarity > best_sim:
                best, best_sim = index, similarity
        if best is not None:
            kept_id, kept_path = self._owners[best]
            return Match(kept_id, kept_path, "near", round(best_sim, 3))
        index = len(self._signatures)
        self._exact[digest] = (doc_id, path)
        self._signatures.append(signature)
        self._owners.append((doc_id, path))
        for band, key in enumerate(keys):
            self._buckets[band].setdefault(key, []).append(index)
        return None
