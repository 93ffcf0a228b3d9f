"""gensim's online variational-Bayes LDA (``LdaModel``) as a ``TopicEngine``.

``LdaModel`` (not ``LdaMulticore``) is used because it is deterministic for a
fixed ``random_state``, which reproducible results need.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from gensim.models import LdaModel

from topicpipe.engines.base import Bow, TopicEngine, normalise_rows

MODEL_FILE = "lda.gensim"


class GensimLda(TopicEngine):
    """LDA trained with gensim's ``LdaModel``."""

    name = "gensim"

    def __init__(self, model: LdaModel, params: dict[str, Any]):
        super().__init__(params)
        self.model = model

    @classmethod
    def train(cls, corpus: Iterable[Bow], num_terms: int, params: dict[str, Any]) -> GensimLda:
        """Train ``LdaModel``; ``params`` holds num_topics, passes, iterations, alpha, eta,
        random_state, chunksize and eval_every (all with defaults)."""
        # gensim logs per-chunk progress (and perplexity when eval_every is set) at INFO.
        logging.getLogger("gensim.models.ldamodel").setLevel(logging.INFO)
        model = LdaModel(
            corpus=corpus,
            num_topics=int(params["num_topics"]),
            id2word={i: str(i) for i in range(num_terms)},
            passes=int(params.get("passes", 10)),
            iterations=int(params.get("iterations", 400)),
            alpha=params.get("alpha", "symmetric"),
            eta=params.get("eta", "symmetric"),
            random_state=int(params.get("random_state", 0)),
            chunksize=int(params.get("chunksize", 2000)),
            eval_every=params.get("eval_every"),
            minimum_probability=0.0,
        )
        return cls(model, params)

    @property
    def num_topics(self) -> int:
        return int(self.model.num_topics)

    def topic_term_matrix(self) -> np.ndarray:
        return normalise_rows(self.model.get_topics())

    def infer(self, bows: Iterable[Bow]) -> np.ndarray:
        rows = []
        for bow in bows:
            shares = np.zeros(self.num_topics)
            for topic, share in self.model.get_document_topics(
                bow, minimum_probability=0.0, minimum_phi_value=0.0
            ):
                shares[topic] = share
            rows.append(shares)
        if not rows:
            return np.zeros((0, self.num_topics))
        return normalise_rows(np.vstack(rows))

    def _save_state(self, directory: Path) -> None:
        self.model.save(str(directory / MODEL_FILE))

    @classmethod
    def _load_state(cls, directory: Path, params: dict[str, Any]) -> GensimLda:
        return cls(LdaModel.load(str(directory / MODEL_FILE)), params)
