"""The interface every topic-model engine implements.

Downstream stages use only these methods, so a new engine (a Gibbs sampler,
say) plugs in by subclassing ``TopicEngine`` and registering it in
``topicpipe.engines.ENGINES``.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

Bow = list[tuple[int, float]]


def packed(bow: Bow) -> np.ndarray:
    """A bag of words with integer counts as an (n, 2) array of term ids and counts: a
    fraction of the memory of a list of tuples, for bags held by the thousand."""
    return np.array(bow, dtype=np.int32).reshape(-1, 2)


def unpacked(pairs: np.ndarray) -> Bow:
    """The bag of words that ``packed`` packed."""
    return [(term, count) for term, count in pairs.tolist()]


# Called after every training pass with the pass number (from 1) and the model so far.
PassHook = Callable[[int, "TopicEngine"], None]


class TopicEngine(ABC):
    """A trained topic model: K topics over a vocabulary of V terms."""

    name: str = ""

    def __init__(self, params: dict[str, Any]):
        self.params = dict(params)
        # How training went, for engines that decide it while training (e.g. the sweeps
        # run and why training stopped); saved in engine.json and copied to fit.json.
        self.training: dict[str, Any] = {}

    @classmethod
    @abstractmethod
    def train(
        cls,
        corpus: Iterable[Bow],
        num_terms: int,
        params: dict[str, Any],
        on_pass: PassHook | None = None,
    ) -> TopicEngine:
        """Fit a model on a re-iterable bag-of-words corpus with term ids below ``num_terms``.

        ``on_pass``, if given, is called after each pass over the corpus (to follow
        convergence); it must not change the model, and it does not change the result.
        """

    @property
    @abstractmethod
    def num_topics(self) -> int:
        """Number of topics K."""

    @abstractmethod
    def topic_term_matrix(self) -> np.ndarray:
        """(K, V) array; row k is topic k's distribution over terms (sums to 1)."""

    @abstractmethod
    def infer(self, bows: Iterable[Bow]) -> np.ndarray:
        """(D, K) array of topic shares for new documents; each row sums to 1."""

    def doc_topic_matrix(self, corpus: Iterable[Bow]) -> np.ndarray:
        """(D, K) topic shares of the given documents (rows sum to 1)."""
        return self.infer(corpus)

    @abstractmethod
    def _save_state(self, directory: Path) -> None:
        """Write the engine's own files into ``directory``."""

    @classmethod
    @abstractmethod
    def _load_state(cls, directory: Path, params: dict[str, Any]) -> TopicEngine:
        """Read what ``_save_state`` wrote."""

    def save(self, directory: str | Path) -> None:
        """Save the model into ``directory`` (created if missing), with ``engine.json``."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self._save_state(directory)
        meta = {"engine": self.name, "num_topics": self.num_topics, "params": self.params}
        if self.training:
            meta["training"] = self.training
        (directory / "engine.json").write_text(
            json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, directory: str | Path) -> TopicEngine:
        """Load a model saved with ``save``."""
        directory = Path(directory)
        meta = json.loads((directory / "engine.json").read_text(encoding="utf-8"))
        if meta["engine"] != cls.name:
            raise ValueError(f"{directory} holds a {meta['engine']!r} model, not {cls.name!r}")
        model = cls._load_state(directory, meta["params"])
        model.training = meta.get("training", {})
        return model


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Scale each row to sum to 1 (rows of zeros become uniform)."""
    matrix = np.asarray(matrix, dtype=np.float64)
    sums = matrix.sum(axis=1, keepdims=True)
    uniform = np.full_like(matrix, 1.0 / matrix.shape[1])
    return np.where(sums > 0, matrix / np.where(sums > 0, sums, 1.0), uniform)
