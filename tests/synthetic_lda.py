"""Corpora sampled from a known LDA model, to check that the sweep recovers it (tests only).

The generative process of Blei, Ng & Jordan (2003): topics phi_k ~ Dirichlet(eta),
document shares theta_d ~ Dirichlet(alpha), and for every token a topic
z ~ theta_d and a word w ~ phi_z. Document lengths are Poisson.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SyntheticCorpus:
    """Sampled texts with the true topics (K, V) and document shares (D, K)."""

    texts: list[list[str]]
    vocabulary: list[str]
    phi: np.ndarray
    theta: np.ndarray


def sample_lda_corpus(
    n_docs: int,
    n_topics: int,
    vocab_size: int,
    mean_length: int = 50,
    alpha: float = 0.1,
    eta: float = 0.05,
    seed: int = 0,
) -> SyntheticCorpus:
    """Sample ``n_docs`` documents (at least 2 tokens each) from an LDA model."""
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{i:04d}" for i in range(vocab_size)]
    phi = rng.dirichlet(np.full(vocab_size, eta), size=n_topics)
    theta = rng.dirichlet(np.full(n_topics, alpha), size=n_docs)
    texts = []
    for shares in theta:
        length = max(2, rng.poisson(mean_length))
        per_topic = rng.multinomial(length, shares)
        words = np.concatenate(
            [rng.choice(vocab_size, size=n, p=phi[z]) for z, n in enumerate(per_topic) if n]
        )
        texts.append([vocabulary[w] for w in rng.permutation(words)])
    return SyntheticCorpus(texts, vocabulary, phi, theta)


def bags_of_words(corpus: SyntheticCorpus) -> list[list[tuple[int, int]]]:
    """The sampled texts as bags of words over the vocabulary's order."""
    ids = {word: i for i, word in enumerate(corpus.vocabulary)}
    bows = []
    for text in corpus.texts:
        terms, counts = np.unique([ids[w] for w in text], return_counts=True)
        bows.append([(int(t), int(c)) for t, c in zip(terms, counts, strict=True)])
    return bows
