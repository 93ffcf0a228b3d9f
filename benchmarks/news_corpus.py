"""News-like corpora sampled offline from a known LDA model, for the scale benchmark.

The vocabulary is real English from the Lee corpus that gensim ships (its common words,
and as names its words never written in lower case and its runs of capitalised words such
as "New South Wales"), widened by made-up words and names so that the vocabulary keeps
growing with the corpus as a news archive's does. Each of ``N_TOPICS`` topics ranks the
real words in its own random order, then the made-up ones, with Zipf-shaped weights; every
word of a document is drawn either from the background (the Lee corpus's common words at
their own frequencies, function words included) or from one of the document's topics
(shares ~ Dirichlet(alpha)). Words are cut
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
    """The Lee corpus's common words (lower-cased) with their frequencies, and its names:
    words never written in lower case, and runs of capitalised words inside a sentence."""
    text = Path(datapath("lee_background.cor")).read_text(encoding="latin-1")
    written = Counter(WORD.findall(text))
    lower = {word for word in written if word.islower()}
    counts: Counter[str] = Counter()
    names = {run for line in text.splitlines() for run in NAME_RUN.findall(line)}
    for word, n in written.items():
        if word.lower() in lower:
            counts[word.lower()] += n
        else:
            names.add(word)
    words = sorted(counts)
    return words, np.array([counts[w] for w in words], dtype=np.float64), sorted(names)


def made_up_words(rng: np.random.Generator, n: int) -> tuple[list[str], list[str]]:
    """``n`` distinct made-up words of 2 to 4 syllables: two thirds lower-case words, one
    third names (one or two capitalised words)."""
    seen: dict[str, None] = {}
    names: dict[str, None] = {}
    while len(seen) + len(names) < n:
        word = "".join(rng.choice(SYLLABLES, size=rng.integers(2, 5)))
        if (len(seen) + len(names)) % 3:
            seen.setdefault(word, None)
        else:
            other = "".join(rng.choice(SYLLABLES, size=rng.integers(2, 4))).capitalize()
            name = word.capitalize() + (f" {other}" if rng.random() < 0.5 else "")
            names.setdefault(name, None)
    return list(seen), list(names)


class NewsModel:
    """The known LDA model: a vocabulary, a background distribution and topic rankings.

    Names (capitalised entries, some of several words) are never drawn next to each other:
    in news two names rarely meet by chance, and runs of capitalised words are names.
    """

    def __init__(self, seed: int = 0):
        rng = np.random.default_rng(seed)
        lee, frequencies, lee_names = lee_vocabulary()
        extra_words, extra_names = made_up_words(rng, MADE_UP_WORDS)
        real = lee + lee_names
        self.vocabulary = np.array(real + extra_words + extra_names, dtype=object)
        size = len(self.vocabulary)
        self.is_name = np.zeros(size, dtype=bool)
        self.is_name[len(lee) : len(real)] = True
        self.is_name[len(real) + len(extra_words) :] = True
        background = np.zeros(size)
        background[: len(lee)] = frequencies
        self.background = np.cumsum(background / background.sum())
        weights = 1.0 / (np.arange(size) + 10.0) ** 1.1
        self.topics = np.empty((N_TOPICS, size))
        for k in range(N_TOPICS):
            # Real words take a topic's head, the made-up ones its tail: rare terms and names.
            order = np.concatenate(
                [rng.permutation(len(real)), len(real) + rng.permutation(size - len(real))]
            )
            phi = np.empty(size)
            phi[order] = weights
            self.topics[k] = np.cumsum(phi / phi.sum())

    def _background(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.minimum(np.searchsorted(self.background, rng.random(n)), len(self.vocabulary) - 1)

    def document(self, rng: np.random.Generator) -> str:
        """One document's text: sentences of sampled words."""
        length = max(20, int(rng.poisson(MEAN_WORDS)))
        n_background = rng.binomial(length, BACKGROUND_SHARE)
        shares = rng.dirichlet(np.full(N_TOPICS, ALPHA))
        per_topic = rng.multinomial(length - n_background, shares)
        ids = [self._background(rng, n_background)]
        for k in np.flatnonzero(per_topic):
            ids.append(np.searchsorted(self.topics[k], rng.random(per_topic[k])))
        drawn = np.minimum(rng.permutation(np.concatenate(ids)), len(self.vocabulary) - 1)
        named = self.is_name[drawn]
        meet = np.flatnonzero(named[1:] & named[:-1]) + 1
        drawn[meet] = self._background(rng, len(meet))
        words = self.vocabulary[drawn]
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
