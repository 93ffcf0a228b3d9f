"""News-like corpora sampled offline from a known LDA model, for the scale benchmark.

The vocabulary is real English from the Lee corpus that gensim ships (its words as
written, and its runs of capitalised words such as "New South Wales" as single names),
widened by made-up surnames and place names so that the vocabulary keeps growing with
the corpus as a news archive's does. Each of ``N_TOPICS`` topics ranks the real words in
its own random order, then the made-up ones, with Zipf-shaped weights; every word of a document is
drawn either from the background (the Lee corpus's own word frequencies, function words
included) or from one of the document's topics (shares ~ Dirichlet(alpha)). Words are cut
into sentences of 8 to 24 words with a capital and a full stop. Each record has an id, a
title, a date (2015-2022) and a source (one of ``OUTLETS``).

    python benchmarks/news_corpus.py 10000 /tmp/news_10k.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from gensim.test.utils import datapath

N_TOPICS = 40
ALPHA = 0.1
BACKGROUND_SHARE = 0.45
MEAN_WORDS = 250
MADE_UP_WORDS = 30_000
OUTLETS = [
    "Tehran Times",
    "TASS",
    "Reuters",
    "Al Jazeera",
    "Press TV",
    "Interfax",
    "The Moscow Times",
    "IRNA",
    "Asia Times",
    "Mehr News",
    "RIA Novosti",
    "Financial Tribune",
]
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "ne", "dri", "pa", "gol", "ish", "an", "te"]
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
NAME_RUN = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+(?: [A-Z][a-z]+)+")
START = date(2015, 1, 1)
DAYS = (date(2022, 12, 31) - START).days + 1


def lee_vocabulary() -> tuple[list[str], np.ndarray, list[str]]:
    """The Lee corpus's words with their frequencies, and its multi-word names."""
    text = Path(datapath("lee_background.cor")).read_text(encoding="latin-1")
    counts = Counter(WORD.findall(text))
    names = sorted({run for line in text.splitlines() for run in NAME_RUN.findall(line)})
    words = sorted(counts)
    return words, np.array([counts[w] for w in words], dtype=np.float64), names


def made_up_words(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct made-up words of 2 to 4 syllables; every third one a capitalised name."""
    seen: dict[str, None] = {}
    while len(seen) < n:
        word = "".join(rng.choice(SYLLABLES, size=rng.integers(2, 5)))
        seen.setdefault(word.capitalize() if len(seen) % 3 == 0 else word, None)
    return list(seen)


class NewsModel:
    """The known LDA model: a vocabulary, a background distribution and topic rankings."""

    def __init__(self, seed: int = 0):
        rng = np.random.default_rng(seed)
        lee, frequencies, names = lee_vocabulary()
        extra = made_up_words(rng, MADE_UP_WORDS)
        self.vocabulary = np.array(lee + names + extra, dtype=object)
        size = len(self.vocabulary)
        background = np.zeros(size)
        background[: len(lee)] = frequencies
        self.background = np.cumsum(background / background.sum())
        weights = 1.0 / (np.arange(size) + 10.0) ** 1.1
        self.topics = np.empty((N_TOPICS, size))
        real = len(lee) + len(names)
        for k in range(N_TOPICS):
            # Real words take a topic's head, the made-up ones its tail: rare names.
            order = np.concatenate([rng.permutation(real), real + rng.permutation(size - real)])
            phi = np.empty(size)
            phi[order] = weights
            self.topics[k] = np.cumsum(phi / phi.sum())

    def document(self, rng: np.random.Generator) -> str:
        """One document's text: sentences of sampled words."""
        length = max(20, int(rng.poisson(MEAN_WORDS)))
        n_background = rng.binomial(length, BACKGROUND_SHARE)
        shares = rng.dirichlet(np.full(N_TOPICS, ALPHA))
        per_topic = rng.multinomial(length - n_background, shares)
        ids = [np.searchsorted(self.background, rng.random(n_background))]
        for k in np.flatnonzero(per_topic):
            ids.append(np.searchsorted(self.topics[k], rng.random(per_topic[k])))
        words = self.vocabulary[
            np.minimum(rng.permutation(np.concatenate(ids)), len(self.vocabulary) - 1)
        ]
        sentences, at = [], 0
        while at < len(words):
            n = int(rng.integers(8, 25))
            sentence = " ".join(words[at : at + n])
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            at += n
        return " ".join(sentences)


def write_news_corpus(path: Path, n_docs: int, seed: int = 0) -> Path:
    """Write ``n_docs`` sampled articles to ``path`` (JSON Lines); return the path."""
    model = NewsModel(seed)
    rng = np.random.default_rng(seed + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for number in range(n_docs):
            text = model.document(rng)
            record = {
                "id": f"news-{number:06d}",
                "title": " ".join(text.split()[:8]).rstrip("."),
                "text": text,
                "date": (START + timedelta(days=int(rng.integers(DAYS)))).isoformat(),
                "source": OUTLETS[int(rng.integers(len(OUTLETS)))],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(path)
    return path


if __name__ == "__main__":
    write_news_corpus(Path(sys.argv[2]), int(sys.argv[1]))
