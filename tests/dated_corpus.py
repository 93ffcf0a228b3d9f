"""A dated, news-like synthetic corpus whose topics change over time by design.

Used by the dynamics tests and by ``benchmarks/bench_dynamics.py`` (which puts ``tests/``
on ``sys.path``); it is not part of the pipeline. Six topics, written for topicpipe:

- ``energy``, ``harvest`` and ``football`` keep their share and their words;
- ``sanctions`` **rises** (mean share 5% in the first period, 45% in the last);
- ``election`` **falls** (45% to 5%);
- ``nuclear`` keeps its share but its **words shift**: besides its core words (reactor,
  uranium, ...), the words of negotiation (talk, negotiator, round, ...) fade out and the
  words of a treaty (treaty, ratification, inspection, ...) fade in.

One period in the middle holds no document at all (a gap), and a few documents carry no
date. Articles have a title, a date, an outlet and sentences in which invented capitalised
names (``Velmar``, ``Korvania``) sit among lower-case words and stopwords, so the real
tokeniser sees what it sees in news. Every topic also has a long tail of rarer invented
words, so that the vocabulary grows with the corpus as a real one does.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

# name: (key words, names). Key words are in lemma form, so the tokeniser keeps them as is.
TOPICS: dict[str, tuple[str, str]] = {
    "energy": (
        "pipeline gas oil refinery tanker barrel export cargo terminal fuel",
        "Velmar Ostrane",
    ),
    "harvest": (
        "drought harvest wheat grain farmer irrigation rainfall crop fertiliser livestock",
        "Dalvia Mernholt",
    ),
    "football": (
        "football match league goal striker coach stadium trophy referee midfielder",
        "Brannic Tovel",
    ),
    "sanctions": (
        "sanction embargo penalty blacklist asset tariff customs exemption smuggling waiver",
        "Korvania Halstrem",
    ),
    "election": (
        "election ballot candidate campaign voter poll turnout parliament coalition debate",
        "Talvent Irrena",
    ),
    "nuclear": ("nuclear reactor uranium enrichment centrifuge", "Ulmark Serevo"),
}
# The shifting topic: words that fade out and words that fade in over the periods.
SHIFTING = "nuclear"
EARLY_WORDS = ("talk", "negotiator", "round", "proposal", "draft")
LATE_WORDS = ("treaty", "ratification", "implementation", "inspection", "inspector")
RISING, FALLING = "sanctions", "election"
# Designed mean shares in the first and last period; the others share the rest equally.
RISE_FROM_TO = (0.05, 0.45)
FALL_FROM_TO = (0.45, 0.05)

OUTLETS = ["Northern Courier", "Daily Meridian", "Harbour Gazette", "Continental Wire"]
# Stopwords between content words; none of them joins two names ("of", "for", "and" would).
CONNECTORS = ["the", "in", "with", "to", "on", "at", "by", "from", "after", "over"]
# Share of a topic's tokens drawn from its key words and names (the rest: its rare tail).
KEY_SHARE = 0.75
NAME_SHARE = 0.1


@dataclass(frozen=True)
class DatedDesign:
    """What the corpus was built to show."""

    periods: list[str]  # every month from the first to the last, the empty one included
    empty_period: str
    topics: list[str]  # topic names, in the column order of ``prevalence``
    prevalence: np.ndarray  # (T, K) designed mean topic share per period (NaN when empty)
    vocabulary: list[str]  # lower-case tokens
    phi: np.ndarray  # (T, K, V) designed word distribution of each topic per period
    n_undated: int


def _invented_words(count: int, rng: np.random.Generator) -> list[str]:
    """``count`` distinct pronounceable invented words (two or three syllables)."""
    onsets = list("bdfgklmnprstvz") + ["br", "dr", "gl", "kr", "pl", "st", "tr", "sk"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    codas = ["", "", "n", "r", "l", "m", "k", "t"]
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.integers(2, 4)
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
        )
        if not word.endswith("s"):
            words[word] = None
    return list(words)


def _zipf(n: int, exponent: float = 1.1) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def _design(n_periods: int, tail_size: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Vocabulary, (T, K) prevalence and (T, K, V) topic-word distributions."""
    names = list(TOPICS)
    rng = np.random.default_rng(20240501)  # fixed: the vocabulary does not depend on the seed
    tails = _invented_words(tail_size * len(names), rng)
    vocabulary: list[str] = []
    for words, people in TOPICS.values():
        vocabulary += words.split() + people.lower().split()
    vocabulary += list(EARLY_WORDS) + list(LATE_WORDS) + tails
    index = {word: i for i, word in enumerate(vocabulary)}
    fraction = np.linspace(0.0, 1.0, n_periods)
    prevalence = np.zeros((n_periods, len(names)))
    phi = np.zeros((n_periods, len(names), len(vocabulary)))
    for k, name in enumerate(names):
        words, people = TOPICS[name]
        key = [index[w] for w in words.split()]
        tail = [index[w] for w in tails[k * tail_size : (k + 1) * tail_size]]
        for t, f in enumerate(fraction):
            weights = np.zeros(len(vocabulary))
            if name == SHIFTING:
                # Half of the key mass on the core; the other half moves from early to late.
                weights[key] = 0.5 / len(key)
                weights[[index[w] for w in EARLY_WORDS]] = 0.5 * (1 - f) / len(EARLY_WORDS)
                weights[[index[w] for w in LATE_WORDS]] = 0.5 * f / len(LATE_WORDS)
                weights *= KEY_SHARE
            else:
                weights[key] = KEY_SHARE * _zipf(len(key), 0.5)
            weights[[index[p.lower()] for p in people.split()]] = NAME_SHARE / 2
            weights[tail] = (1 - KEY_SHARE - NAME_SHARE) * _zipf(tail_size)
            phi[t, k] = weights / weights.sum()
    rise = RISE_FROM_TO[0] + (RISE_FROM_TO[1] - RISE_FROM_TO[0]) * fraction
    fall = FALL_FROM_TO[0] + (FALL_FROM_TO[1] - FALL_FROM_TO[0]) * fraction
    steady = (1.0 - rise - fall) / (len(names) - 2)
    for k, name in enumerate(names):
        prevalence[:, k] = {RISING: rise, FALLING: fall}.get(name, steady)
    return vocabulary, prevalence, phi


def _sentence(tokens: list[str], display: dict[str, str], rng: np.random.Generator) -> str:
    """Content tokens joined by stopwords; names capitalised, a full stop at the end."""
    parts = ["The"]
    for i, token in enumerate(tokens):
        if i:
            parts.append(CONNECTORS[rng.integers(len(CONNECTORS))])
        parts.append(display.get(token, token))
    return " ".join(parts) + "."


def dated_news_corpus(
    n_docs: int = 320,
    n_periods: int = 9,
    empty_period: int | None = 4,
    n_undated: int = 3,
    mean_length: int = 70,
    concentration: float = 2.0,
    tail_size: int = 400,
    start: str = "2019-01",
    seed: int = 0,
) -> tuple[pd.DataFrame, DatedDesign]:
    """``n_docs`` dated articles over ``n_periods`` months (one empty), plus undated ones.

    Returns a table with columns ``id, title, date, source, text, tokens`` (``tokens``: the
    content words of the text in lower case, for code that needs no tokeniser) and the
    design. A document's topic shares are drawn from Dirichlet(``concentration`` × the
    period's designed prevalence), each word from the topic of the period's distribution.
    """
    rng = np.random.default_rng(seed)
    vocabulary, prevalence, phi = _design(n_periods, tail_size)
    topics = list(TOPICS)
    display = {p.lower(): p for _, people in TOPICS.values() for p in people.split()}
    periods = [str(p) for p in pd.period_range(start, periods=n_periods, freq="M")]
    filled = [t for t in range(n_periods) if t != empty_period]
    when = np.sort(rng.choice(filled, size=n_docs)) if n_docs else np.array([], dtype=int)
    undated_at = rng.choice(filled, size=n_undated)
    rows = []
    for i, t in enumerate([*when, *undated_at]):
        shares = rng.dirichlet(concentration * prevalence[t])
        counts = rng.multinomial(max(8, rng.poisson(mean_length)), shares)
        drawn = [rng.choice(len(vocabulary), size=n, p=phi[t, k]) for k, n in enumerate(counts)]
        words = [vocabulary[w] for w in rng.permutation(np.concatenate(drawn))]
        sentences = [_sentence(words[j : j + 8], display, rng) for j in range(0, len(words), 8)]
        dominant = topics[int(counts.argmax())]
        key_words, people = TOPICS[dominant]
        title = " ".join(rng.choice(key_words.split(), size=3, replace=False)).capitalize()
        day = pd.Period(periods[t], freq="M").start_time + pd.Timedelta(days=int(rng.integers(28)))
        rows.append(
            {
                "id": f"article-{i + 1:05d}",
                "title": f"{title} in {people.split()[0]}",
                "date": day.strftime("%Y-%m-%d") if i < n_docs else "",
                "source": OUTLETS[rng.integers(len(OUTLETS))],
                "text": " ".join(sentences),
                "tokens": words,
            }
        )
    if empty_period is not None:
        prevalence = prevalence.copy()
        prevalence[empty_period] = np.nan
    design = DatedDesign(
        periods=periods,
        empty_period=periods[empty_period] if empty_period is not None else "",
        topics=topics,
        prevalence=prevalence,
        vocabulary=vocabulary,
        phi=phi,
        n_undated=n_undated,
    )
    return pd.DataFrame(rows), design


def write_table(articles: pd.DataFrame, path: Path) -> Path:
    """Write the articles as a CSV corpus (``id, title, date, source, text``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    articles[["id", "title", "date", "source", "text"]].to_csv(
        path, index=False, quoting=csv.QUOTE_MINIMAL
    )
    return path


def bag_of_words(
    token_lists: list[list[str]], no_below: int = 5, no_above: float = 0.5
) -> tuple[list[str], sp.csr_matrix]:
    """Vocabulary (sorted) and (D, V) counts of ``token_lists``, pruned like the
    ``dictionary`` stage: a term must be in ``no_below`` documents and at most a share
    ``no_above`` of them."""
    frequency = Counter(term for tokens in token_lists for term in set(tokens))
    limit = no_above * len(token_lists)
    vocabulary = sorted(t for t, df in frequency.items() if no_below <= df <= limit)
    index = {term: i for i, term in enumerate(vocabulary)}
    rows, columns = [], []
    for d, tokens in enumerate(token_lists):
        kept = [index[t] for t in tokens if t in index]
        rows += [d] * len(kept)
        columns += kept
    counts = sp.csr_matrix(
        (np.ones(len(rows)), (rows, columns)), shape=(len(token_lists), len(vocabulary))
    )
    counts.sum_duplicates()
    return vocabulary, counts


def design_phi(design: DatedDesign, vocabulary: list[str], periods: list[str]) -> np.ndarray:
    """The designed (T, K, V) topic-word distributions over ``vocabulary`` in ``periods``."""
    columns = [design.vocabulary.index(term) for term in vocabulary]
    rows = [design.periods.index(period) for period in periods]
    return design.phi[rows][:, :, columns]
