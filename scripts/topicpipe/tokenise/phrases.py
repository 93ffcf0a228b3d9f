"""Phrases: statistical collocations (gensim ``Phrases``, NPMI) and the user's own list.

Collocations are learnt in layers: the first joins pairs ("nuclear_program"),
the second runs over the first's output and so adds trigrams. Connector words
may sit inside a phrase but never start or end one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from gensim.models.phrases import FrozenPhrases, Phrases

from topicpipe.tokenise.names import JOINER
from topicpipe.tokenise.scan import PHRASE_CONNECTORS


@dataclass(frozen=True)
class PhraseSettings:
    """The ``tokenise.phrases`` section of the config."""

    collocations: bool = True
    min_count: int = 5
    threshold: float = 0.5
    trigrams: bool = True
    user: tuple[str, ...] = ()


def fit_layers(
    chunks: Callable[[], Iterable[list[str]]], settings: PhraseSettings
) -> list[FrozenPhrases]:
    """Learn the collocation layers from ``chunks()``, a stream read once per layer."""
    layers: list[FrozenPhrases] = []
    if not settings.collocations:
        return layers
    for _ in range(2 if settings.trigrams else 1):
        model = Phrases(
            min_count=settings.min_count,
            threshold=settings.threshold,
            scoring="npmi",
            connector_words=PHRASE_CONNECTORS,
            delimiter=JOINER,
            # Never prune counts mid-stream, so the result does not depend on document order.
            max_vocab_size=2**62,
        )
        model.add_vocab(apply_layers(layers, chunks()))
        layers.append(model.freeze())
    return layers


def apply_layers(layers: list[FrozenPhrases], chunks: Iterable[list[str]]) -> Iterator[list[str]]:
    """Each chunk with the phrases of every layer joined."""
    for chunk in chunks:
        for layer in layers:
            chunk = layer[chunk]
        yield chunk


def layer_scores(layers: list[FrozenPhrases]) -> dict[str, float]:
    """NPMI score of every phrase the layers join (the first layer's score wins)."""
    scores: dict[str, float] = {}
    for layer in layers:
        for phrase, score in layer.phrasegrams.items():
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
        if not self.by_first:
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
