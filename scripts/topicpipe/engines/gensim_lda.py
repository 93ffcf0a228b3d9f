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
from gensim.models.callbacks import Metric

from topicpipe.engines.base import Bow, PassHook, TopicEngine, normalise_rows
from topicpipe.files import save_unstamped

MODEL_FILE = "lda.gensim"


class GensimLda(TopicEngine):
    """LDA trained with gensim's ``LdaModel``."""

    name = "gensim"

    def __init__(self, model: LdaModel, params: dict[str, Any]):
        super().__init__(params)
        self.model = model

    @classmethod
    def train(
        cls,
        corpus: Iterable[Bow],
        num_terms: int,
        params: dict[str, Any],
        on_pass: PassHook | None = None,
    ) -> GensimLda:
        """Train ``LdaModel``; ``params`` holds num_topics, random_state and the options of
        the ``model`` section (passes, iterations, alpha, eta, chunksize)."""
        # gensim logs per-chunk progress at INFO.
        logging.getLogger("gensim.models.ldamodel").setLevel(logging.INFO)
        model = LdaModel(
            corpus=corpus,
            num_topics=int(params["num_topics"]),
            id2word={i: str(i) for i in range(num_terms)},
            passes=int(params["passes"]),
            iterations=int(params["iterations"]),
            alpha=params["alpha"],
            eta=params["eta"],
            random_state=int(params["random_state"]),
            chunksize=int(params["chunksize"]),
            # Convergence is followed on held-out documents by ``on_pass``, not by gensim.
            eval_every=None,
            minimum_probability=0.0,
            callbacks=[_PassCallback(cls, params, on_pass)] if on_pass else None,
        )
        # The hook is not part of the model (and a closure cannot be pickled by ``save``).
        model.callbacks = None
        return cls(model, params)

    @property
    def num_topics(self) -> int:
        return int(self.model.num_topics)

    def topic_term_matrix(self) -> np.ndarray:
        return normalise_rows(self.model.get_topics())

    def infer(self, bows: Iterable[Bow]) -> np.ndarray:
        """Topic shares of each document, each inferred from the same seeded starting point
        (the model's ``random_state``), so a document's shares depend only on the model and
        its words: not on the documents inferred before it, nor on training's random state,
        which is left as it was."""
        model = self.model
        training_state = model.random_state
        seed = int(self.params["random_state"])
        rows = []
        try:
            for bow in bows:
                model.random_state = np.random.RandomState(seed)
                shares = np.zeros(self.num_topics)
                for topic, share in model.get_document_topics(
                    bow, minimum_probability=0.0, minimum_phi_value=0.0
                ):
                    shares[topic] = share
                rows.append(shares)
        finally:
            model.random_state = training_state
        if not rows:
            return np.zeros((0, self.num_topics))
        return normalise_rows(np.vstack(rows))

    def _save_state(self, directory: Path) -> None:
        # With no ``ignore`` gensim lists the attributes it leaves out in a fixed order (its
        # own union of sets would follow the process's string hashing); the term ids then go
        # to their own small file.
        save_unstamped(self.model, directory / MODEL_FILE, self.model.state, ignore=())

    @classmethod
    def _load_state(cls, directory: Path, params: dict[str, Any]) -> GensimLda:
        return cls(LdaModel.load(str(directory / MODEL_FILE)), params)


class _PassCallback(Metric):
    """gensim calls ``get_value`` at the end of every pass; we forward it to the hook."""

    def __init__(self, engine: type[GensimLda], params: dict[str, Any], hook: PassHook):
        self.engine, self.params, self.hook = engine, params, hook
        self.logger, self.title, self.passes_done = None, "pass_hook", 0

    def get_value(self, **kwargs: Any) -> float:
        self.passes_done += 1
        # ``infer`` leaves the training random state alone, so training does not depend on
        # whether a hook ran.
        self.hook(self.passes_done, self.engine(kwargs["model"], self.params))
        return float(self.passes_done)
