"""Exact and near-duplicate articles: a hash of the text's words, and MinHash of word shingles.

Articles are checked one at a time against those already kept, so only a fingerprint per
kept article is held in memory, never the texts, and in compact arrays (about 0.6 kB per
article). Near-duplicates are found with locality-sensitive hashing (bands of the MinHash
signature) and confirmed by the signatures' estimate of the Jaccard similarity of the two
shingle sets. The work per document is linear in its length and its shingle work capped:
a text of more than ``MAX_SHINGLES`` distinct shingles is represented by the
``MAX_SHINGLES`` smallest shingle hashes (a consistent sample, so two copies of one long
text still agree).

A copy whose date is more than ``max_days_apart`` days from every similar kept article is
a new event (a templated wire item repeated on another day), so it is kept and reported
as similar.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import zlib
from array import array
from dataclasses import dataclass
from datetime import date

import numpy as np

_WORD = re.compile(r"\w+")
# Bytes of ASCII text with every byte that is not a word character (\w) made a space.
_ASCII_WORDS = bytes(
    byte if byte < 128 and (chr(byte).isalnum() or chr(byte) == "_") else ord(" ")
    for byte in range(256)
)
# Kept signatures hold the low 16 bits of each value: two values that differ agree there
# by chance once in 65,536, which moves a similarity estimate by less than 0.0001.
_LOW16 = np.uint64(0xFFFF)
_SHIFT = np.uint64(32)
_SHINGLE_MULTIPLIER = np.uint64(1_000_003)
_BAND_MULTIPLIER = np.uint64(0x100000001B3)
# Fixed, so the same corpus always gives the same groups.
_SEED = 20160202
# Distinct shingles per document beyond which the smallest hashes stand for the text
# (an article has a few hundred to a few thousand).
MAX_SHINGLES = 20_000
# Characters of text handled at once, and shingles hashed against every permutation at
# once: what bounds the memory of one document's signature.
_TEXT_SLICE = 1 << 20
_SHINGLE_BLOCK = 4096
_WORDS_PER_WINDOW = 1 << 18
# Articles kept per block of stored signatures.
_ROWS_PER_BLOCK = 4096


def _slice_words(text: str) -> tuple[list[bytes], bytes]:
    """The UTF-8 bytes of the words (runs of ``\\w``) of case-folded ``text``, and all of
    them, each followed by a space. ASCII text, where ``\\w`` is letters, digits and ``_``,
    is split as bytes, without a string per word."""
    if text.isascii():
        words = text.lower().encode("ascii").translate(_ASCII_WORDS).split()
        return words, (b" ".join(words) + b" ") if words else b""
    found = _WORD.findall(text.casefold())
    if not found:
        return [], b""
    joined = (" ".join(found) + " ").encode("utf-8", "surrogatepass")
    # No word's UTF-8 bytes include an ASCII space or control byte, so they split back apart.
    return joined.split(), joined


@dataclass(frozen=True)
class Match:
    """The kept article that a new one copies, how (``exact``/``near``) and how closely;
    ``kept_both`` when their dates are too far apart for one event (both are kept), with
    the days between them."""

    kept_id: str
    kept_path: str
    kind: str
    similarity: float
    kept_both: bool = False
    days_apart: int | None = None


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


class KeyIndex:
    """Which kept articles have a 32-bit key: a sorted array (8 bytes per key) plus a small
    dict of recent keys, merged into the array in batches. (Two keys that collide only
    make an extra candidate, which the signatures then reject.)"""

    def __init__(self, batch: int = 1 << 16):
        self.keys = np.empty(0, dtype=np.uint32)
        self.owners = np.empty(0, dtype=np.uint32)
        # key -> the first recent owner; the later owners of a key that several recent
        # articles have are in ``shared`` (rare: the keys of one article almost never meet).
        self.recent: dict[int, int] = {}
        self.shared: dict[int, list[int]] = {}
        self.batch = batch

    def add(self, keys: np.ndarray, owner: int) -> None:
        """Record that article ``owner`` has ``keys``."""
        recent, listed = self.recent, keys.tolist()
        known = recent.keys() & listed
        for key in known:
            if recent[key] != owner:
                self.shared.setdefault(key, []).append(owner)
        recent.update(dict.fromkeys((key for key in listed if key not in known), owner))
        if len(recent) >= self.batch:
            self._merge()

    def owners_of(self, keys: np.ndarray) -> set[int]:
        """Every article that has one of ``keys``."""
        found: set[int] = set()
        stored = self.keys
        if len(stored):
            left = np.searchsorted(stored, keys, side="left")
            hit = stored[np.minimum(left, len(stored) - 1)] == keys
            if hit.any():
                right = np.searchsorted(stored, keys[hit], side="right")
                for start, end in zip(left[hit].tolist(), right.tolist(), strict=True):
                    found.update(self.owners[start:end].tolist())
        for key in self.recent.keys() & keys.tolist():
            found.add(self.recent[key])
            found.update(self.shared.get(key, ()))
        return found

    def _merge(self) -> None:
        recent, shared = self.recent, self.shared
        count = len(recent) + sum(map(len, shared.values()))
        new_keys = np.fromiter(
            itertools.chain(recent, *(itertools.repeat(k, len(v)) for k, v in shared.items())),
            dtype=np.uint32,
            count=count,
        )
        new_owners = np.fromiter(
            itertools.chain(recent.values(), *shared.values()), dtype=np.uint32, count=count
        )
        order = np.argsort(new_keys, kind="stable")
        new_keys, new_owners = new_keys[order], new_owners[order]
        at = np.searchsorted(self.keys, new_keys, side="right")
        self.keys = np.insert(self.keys, at, new_keys)
        self.owners = np.insert(self.owners, at, new_owners)
        self.recent, self.shared = {}, {}


def _smallest_distinct(values: np.ndarray, limit: int) -> np.ndarray:
    """The ``limit`` smallest distinct values, sorted."""
    values = np.sort(values)
    if len(values) > 1:
        values = values[np.concatenate(([True], values[1:] != values[:-1]))]
    return values[:limit]


def _day(iso: str) -> int:
    """Day number of a ``YYYY-MM-DD`` date; 0 for none."""
    try:
        return date.fromisoformat(iso).toordinal() if iso else 0
    except ValueError:
        return 0


class DuplicateFinder:
    """Remember kept articles; tell whether a new text duplicates one of them."""

    def __init__(self, threshold: float, shingle_words: int, num_perm: int, max_days_apart: int):
        self.threshold = threshold
        self.shingle_words = shingle_words
        self.num_perm = num_perm
        self.max_days_apart = max_days_apart
        rng = np.random.default_rng(_SEED)
        # Multiply-shift hashing: (a*x + b) mod 2**64, top 32 bits; a odd.
        self._a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(
            1
        )
        self._b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
        self.bands, self.rows = _bands_for(threshold, num_perm)
        # Each band's key starts from its number, spread over 64 bits.
        self._band_seeds = np.arange(1, self.bands + 1, dtype=np.uint64) * np.uint64(
            0x9E3779B97F4A7C15
        )
        self._exact = KeyIndex()
        self._bands = KeyIndex()
        self._blocks: list[np.ndarray] = []
        self._ids: list[str] = []
        self._paths = array("I")
        self._path_numbers: dict[str, int] = {}
        self._path_names: list[str] = []
        self._days = array("i")

    def __len__(self) -> int:
        return len(self._ids)

    def _words(self, text: str) -> tuple[bytes, np.ndarray]:
        """Digest of the text's words (case-folded) and one 32-bit hash per word, read a
        slice of the text at a time."""
        digest = hashlib.sha1()
        hashes = array("I")
        start = 0
        while start < len(text):
            end = min(len(text), start + _TEXT_SLICE)
            # Cut after a space, so that no word is split between two slices.
            if end < len(text):
                space = text.rfind(" ", start, end)
                end = space + 1 if space > start else end
            words, joined = _slice_words(text[start:end])
            digest.update(joined)
            hashes.extend(map(zlib.crc32, words))
            start = end
        return digest.digest(), np.frombuffer(hashes, dtype=np.uint32).astype(np.uint64)

    def _shingles(self, hashes: np.ndarray) -> np.ndarray:
        """Distinct hashes of ``shingle_words`` consecutive words (the smallest
        ``MAX_SHINGLES`` of them for a very long text), a window of words at a time."""
        k = min(self.shingle_words, len(hashes))
        if k == 0:
            return hashes
        kept = np.empty(0, dtype=np.uint64)
        count = len(hashes) - k + 1
        for start in range(0, count, _WORDS_PER_WINDOW):
            stop = min(count, start + _WORDS_PER_WINDOW)
            # Combine k consecutive word hashes into one 64-bit shingle hash (in place).
            combined = hashes[start:stop].copy()
            for offset in range(1, k):
                combined *= _SHINGLE_MULTIPLIER
                combined += hashes[start + offset : stop + offset]
            if len(kept) == MAX_SHINGLES:
                combined = combined[combined < kept[-1]]
            kept = _smallest_distinct(
                np.concatenate([kept, combined]) if len(kept) else combined, MAX_SHINGLES
            )
        return kept

    def signature(self, text: str) -> np.ndarray:
        """MinHash signature (``num_perm`` 32-bit values) of the text's word shingles."""
        return self._signature(self._shingles(self._words(text)[1]))

    def _signature(self, shingles: np.ndarray) -> np.ndarray:
        result = np.full(self.num_perm, 0xFFFFFFFF, dtype=np.uint64)
        for start in range(0, len(shingles), _SHINGLE_BLOCK):
            block = shingles[start : start + _SHINGLE_BLOCK]
            # (a*x + b) mod 2**64 for every permutation (row) and shingle (column); the
            # top 32 bits of the smallest value are the smallest top 32 bits (a shift keeps
            # order), so only one value per permutation is shifted.
            values = np.multiply.outer(self._a, block)
            values += self._b[:, None]
            np.minimum(result, values.min(axis=1) >> _SHIFT, out=result)
        return result

    def _stored(self, index: int) -> np.ndarray:
        return self._blocks[index // _ROWS_PER_BLOCK][index % _ROWS_PER_BLOCK]

    def _band_keys(self, signature: np.ndarray) -> np.ndarray:
        """One 32-bit key per band: the band number and its rows, hashed."""
        rows = signature.reshape(self.bands, self.rows)
        keys = self._band_seeds.copy()
        for column in range(self.rows):
            keys ^= rows[:, column]
            keys *= _BAND_MULTIPLIER
        return (keys >> _SHIFT).astype(np.uint32)

    def check(self, doc_id: str, path: str, text: str, iso_date: str = "") -> Match | None:
        """The earlier article that ``text`` duplicates, or None (then it is remembered).

        A copy dated more than ``max_days_apart`` days from every similar kept article is
        remembered too, and its match comes back with ``kept_both`` set.
        """
        digest, hashes = self._words(text)
        day = _day(iso_date)
        exact_key = np.frombuffer(digest[:4], dtype=np.uint32)
        signature = self._signature(self._shingles(hashes))
        keys = self._band_keys(signature)
        low = (signature & _LOW16).astype(np.uint16)
        # A 32-bit digest can collide: an exact copy also has the very same signature.
        candidates = [
            (1.0, "exact", index)
            for index in sorted(self._exact.owners_of(exact_key))
            if np.array_equal(self._stored(index), low)
        ]
        if not candidates:
            for index in sorted(self._bands.owners_of(keys)):
                similarity = float(np.mean(self._stored(index) == low))
                if similarity >= self.threshold:
                    candidates.append((similarity, "near", index))
        # The most similar candidate, earliest first among equals.
        candidates.sort(key=lambda c: (-c[0], c[2]))
        far = None
        for similarity, kind, index in candidates:
            apart = self._days_apart(day, index)
            match = Match(
                self._ids[index],
                self._path_of(index),
                kind,
                round(similarity, 3),
                days_apart=apart,
            )
            if apart is None or apart <= self.max_days_apart:
                return match
            far = far or match
        self._remember(doc_id, path, day, exact_key, low, keys)
        if far is not None:
            return Match(far.kept_id, far.kept_path, far.kind, far.similarity, True, far.days_apart)
        return None

    def _days_apart(self, day: int, index: int) -> int | None:
        other = self._days[index]
        return abs(day - other) if day and other else None

    def _path_of(self, index: int) -> str:
        return self._path_names[self._paths[index]]

    def _remember(
        self,
        doc_id: str,
        path: str,
        day: int,
        exact_key: np.ndarray,
        low: np.ndarray,
        keys: np.ndarray,
    ) -> None:
        index = len(self._ids)
        if index % _ROWS_PER_BLOCK == 0:
            self._blocks.append(np.empty((_ROWS_PER_BLOCK, self.num_perm), dtype=np.uint16))
        self._blocks[-1][index % _ROWS_PER_BLOCK] = low
        self._ids.append(doc_id)
        if path not in self._path_numbers:
            self._path_numbers[path] = len(self._path_names)
            self._path_names.append(path)
        self._paths.append(self._path_numbers[path])
        self._days.append(day)
        self._exact.add(exact_key, index)
        self._bands.add(keys, index)
