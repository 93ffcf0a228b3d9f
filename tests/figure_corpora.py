"""Corpora for checking figures and the explorer: many topics, or dates with empty periods.

Texts are sampled from a known LDA model over made-up words, so nothing real is copied;
each topic's words share a first syllable (topic 3's words all start "ki"), so a reader
can tell at a glance whether a figure keeps topics apart.

    python tests/figure_corpora.py topics OUT.csv [--topics 30]
    python tests/figure_corpora.py dated OUT.csv

Both write a CSV with ``id``, ``title``, ``text``, ``source`` (and ``date``) columns,
which ingest reads as one document per row.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

_ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"]
_VOWELS = ["a", "e", "i", "o", "u"]
OUTLETS = ["Harbour Post", "Valley Times", "Ridge Wire", "North Ledger", "Tiny Gazette"]


def topic_words(n_topics: int, per_topic: int, seed: int) -> list[list[str]]:
    """``per_topic`` distinct three-syllable words per topic; a topic's words share their
    first syllable, and no word belongs to two topics."""
    rng = np.random.default_rng(seed)
    syllables = [o + v for o in _ONSETS for v in _VOWELS]
    words: list[list[str]] = []
    used: set[str] = set()
    for k in range(n_topics):
        # A step coprime with the 70 syllables: every topic starts differently (up to 70).
        first = syllables[(k * 3) % len(syllables)]
        mine: list[str] = []
        while len(mine) < per_topic:
            word = first + "".join(rng.choice(syllables, size=2)) + rng.choice(["", "n", "r"])
            if word not in used:
                used.add(word)
                mine.append(word)
        words.append(mine)
    return words


def _sample_text(
    rng: np.random.Generator, shares: np.ndarray, words: list[list[str]], length: int
) -> str:
    """A text of about ``length`` words: sentences of 8–14 words drawn topic by topic."""
    counts = rng.multinomial(length, shares)
    tokens = []
    for k, n in enumerate(counts):
        # Zipf-like word frequencies inside a topic, so its top terms are clear.
        weights = 1.0 / np.arange(1, len(words[k]) + 1)
        tokens += list(rng.choice(words[k], size=n, p=weights / weights.sum()))
    order = rng.permutation(len(tokens))
    tokens = [tokens[i] for i in order]
    sentences, start = [], 0
    while start < len(tokens):
        size = int(rng.integers(8, 15))
        sentences.append(" ".join(tokens[start : start + size]) + ".")
        start += size
    return " ".join(sentences)


def topics_corpus(n_topics: int = 30, n_docs: int = 900, seed: int = 7) -> list[dict[str, str]]:
    """Rows of a corpus of ``n_docs`` documents over ``n_topics`` topics, from five
    outlets (one of them small), undated."""
    rng = np.random.default_rng(seed)
    words = topic_words(n_topics, 40, seed)
    # Unequal topic sizes, as in real corpora: some topics are rare.
    alpha = rng.dirichlet(np.full(n_topics, 2.0)) * n_topics * 0.08
    outlets = rng.choice(OUTLETS, size=n_docs, p=[0.3, 0.3, 0.2, 0.19, 0.01])
    rows = []
    for d in range(n_docs):
        shares = rng.dirichlet(alpha)
        text = _sample_text(rng, shares, words, int(rng.integers(60, 140)))
        rows.append(
            {
                "id": f"doc{d:04d}",
                "title": " ".join(text.split()[:6]).rstrip("."),
                "text": text,
                "source": str(outlets[d]),
            }
        )
    return rows


# Months of the dated corpus and how many documents each has: March, May and June are
# empty; July has two documents, both from one day.
DATED_MONTHS = {
    "2016-01": 60,
    "2016-02": 55,
    "2016-03": 0,
    "2016-04": 70,
    "2016-05": 0,
    "2016-06": 0,
    "2016-07": 2,
    "2016-08": 65,
}


def dated_corpus(n_topics: int = 6, seed: int = 11) -> list[dict[str, str]]:
    """Rows of a corpus dated over eight months with empty ones (``DATED_MONTHS``), in
    which topic 1 grows and topic 2 fades over time."""
    rng = np.random.default_rng(seed)
    words = topic_words(n_topics, 30, seed)
    rows = []
    for index, (month, n) in enumerate(DATED_MONTHS.items()):
        trend = index / (len(DATED_MONTHS) - 1)
        alpha = np.full(n_topics, 0.3)
        alpha[0] += 1.5 * trend
        alpha[1] += 1.5 * (1 - trend)
        days = [1] * n if n < 5 else rng.integers(1, 28, size=n)
        for d in range(n):
            text = _sample_text(rng, rng.dirichlet(alpha), words, int(rng.integers(60, 120)))
            rows.append(
                {
                    "id": f"{month}-{d:03d}",
                    "date": f"{month}-{int(days[d]):02d}",
                    "title": " ".join(text.split()[:6]).rstrip("."),
                    "text": text,
                    "source": str(rng.choice(OUTLETS[:4])),
                }
            )
    return rows


def write_csv(rows: list[dict[str, str]], path: Path) -> Path:
    """Write ``rows`` as a CSV file with a header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["topics", "dated"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--topics", type=int, default=30)
    args = parser.parse_args()
    rows = topics_corpus(args.topics) if args.kind == "topics" else dated_corpus()
    print(write_csv(rows, args.out), len(rows), "documents")


if __name__ == "__main__":
    main()
