"""Train one model of the sweep on the training documents, following its convergence.

Engine-independent: any ``TopicEngine`` calls ``on_pass`` after each pass, and the
held-out log-likelihood per word is computed from its ``infer`` and
``topic_term_matrix`` alone (``evaluate.heldout``), so every engine is followed and
scored the same way.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from topicpipe.engines import get_engine, load_model
from topicpipe.engines.base import Bow, TopicEngine, packed, unpacked
from topicpipe.engines.sweep import model_name
from topicpipe.evaluate.heldout import HeldoutScore, completion_halves, completion_score

CONVERGENCE_COLUMNS = ["pass", "heldout_loglik", "tokens", "perplexity"]
# Held-out documents followed during training (convergence.csv): at most this many, evenly
# spaced over the held-out set; the final held-out score (fit.json) uses all of them.
FOLLOWED_DOCUMENTS = 1000


class Rows:
    """The corpus rows in ``keep``, re-iterable without loading the corpus in memory."""

    def __init__(self, corpus: Sequence[Bow], keep: np.ndarray):
        self.corpus, self.keep = corpus, keep

    def __iter__(self) -> Iterator[Bow]:
        return (bow for bow, kept in zip(self.corpus, self.keep, strict=True) if kept)

    def __len__(self) -> int:
        return int(self.keep.sum())


def followed_rows(n_docs: int, cap: int = FOLLOWED_DOCUMENTS) -> np.ndarray:
    """Which of ``n_docs`` held-out documents are followed during training: all of them, or
    ``cap`` evenly spaced ones (fixed, so the same for every model and run)."""
    if n_docs <= cap:
        return np.arange(n_docs)
    return np.unique(np.linspace(0, n_docs - 1, cap).round().astype(np.int64))


class ConvergenceHook:
    """An ``on_pass`` hook: the held-out log-likelihood per word after each pass.

    Held-out documents are split into halves once (seeded); after each pass the model
    infers topic shares from the first halves of the followed documents
    (``followed_rows``) and scores their second halves. ``final`` scores every held-out
    document once, after training. ``seconds`` is the time the hook took, so that it can
    be told apart from training.
    """

    def __init__(
        self, heldout: Rows, seed: int, log: logging.Logger, cap: int = FOLLOWED_DOCUMENTS
    ):
        # Halves as compact (terms, counts) arrays: at 10,000 held-out documents, lists of
        # tuples took 170 MB.
        halves = [
            (packed(first), packed(second)) for first, second in completion_halves(heldout, seed)
        ]
        self.observed = [first for first, _ in halves]
        self.evaluated = [second for _, second in halves]
        self.followed = followed_rows(len(self.evaluated), cap)
        self.log = log
        self.history: list[dict[str, Any]] = []
        self.last: HeldoutScore | None = None
        self.seconds = 0.0

    def __bool__(self) -> bool:
        return bool(self.evaluated)

    def score(self, model: TopicEngine, rows: np.ndarray) -> HeldoutScore:
        """The held-out score of ``model`` on the documents ``rows`` (timed in ``seconds``)."""
        started = time.perf_counter()
        theta = model.infer(unpacked(self.observed[i]) for i in rows)
        score = completion_score(
            model.topic_term_matrix(), theta, [unpacked(self.evaluated[i]) for i in rows]
        )
        self.seconds += time.perf_counter() - started
        return score

    def __call__(self, n_pass: int, model: TopicEngine) -> None:
        score = self.last = self.score(model, self.followed)
        self.history.append(
            {"pass": n_pass, "heldout_loglik": score.per_word, "tokens": score.n_tokens}
        )
        self.log.info("pass %d: held-out log-likelihood per word %.4f", n_pass, score.per_word)

    def final(self, model: TopicEngine) -> HeldoutScore | None:
        """The trained model's score on every held-out document (None without any); the
        last followed score when every document was followed."""
        if not self:
            return None
        if len(self.followed) == len(self.evaluated) and self.last:
            return self.last
        return self.score(model, np.arange(len(self.evaluated)))

    def table(self) -> pd.DataFrame:
        """One row per pass: ``CONVERGENCE_COLUMNS``."""
        table = pd.DataFrame(self.history, columns=CONVERGENCE_COLUMNS[:3])
        table["perplexity"] = np.exp(-table["heldout_loglik"])
        return table


def sweep_convergence(
    tables: Sequence[pd.DataFrame], fits: Sequence[dict[str, Any]]
) -> pd.DataFrame:
    """The convergence tables of the sweep's models in one, with each model's ``k`` and
    ``seed`` (from its ``fit.json``)."""
    return pd.concat(
        [
            table.assign(k=fit["k"], seed=fit["seed"])
            for table, fit in zip(tables, fits, strict=True)
        ]
    )


@dataclass
class TrainedModel:
    """One trained model of the sweep and what its training job writes beside it
    (``model`` is None for a model that was not trained, see ``skipped_sweep_model``)."""

    model: TopicEngine | None
    doc_topics: np.ndarray
    convergence: pd.DataFrame
    fit: dict[str, Any]


def fit_record(
    name: str,
    params: dict[str, Any],
    heldout: np.ndarray,
    convergence: pd.DataFrame,
    final: HeldoutScore | None,
    seconds: dict[str, float],
    training: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """``fit.json``: sizes, the final held-out score (``final``, on every held-out
    document), how training went (the engine's ``training``), and where the time went."""
    last = convergence["heldout_loglik"].to_numpy()
    return {
        "model": name,
        "k": params["num_topics"],
        "seed": params["random_state"],
        "train_documents": int(len(heldout) - heldout.sum()),
        "heldout_documents": int(heldout.sum()),
        "heldout_tokens": final.n_tokens if final else 0,
        "heldout_loglik": final.per_word if final else None,
        "perplexity": final.perplexity if final else None,
        # Relative change of the followed held-out log-likelihood over the last pass
        # (convergence.csv): near 0 = converged.
        "last_pass_change": (
            float(abs(last[-1] - last[-2]) / abs(last[-2])) if len(last) > 1 else None
        ),
        **(training or {}),
        "train_seconds": seconds["train"],
        # Held-out likelihood after every pass; its last value is the model's held-out score.
        "convergence_seconds": seconds["convergence"],
        # Topic shares of every document, for the per-topic diagnostics.
        "inference_seconds": seconds["inference"],
    }


# Written into the model folder of a (K, seed) model that was not trained.
SKIPPED_FILE = "skipped.json"


def skipped_sweep_model(
    k: int, seed: int, heldout: np.ndarray, reason: str, model_dir: str | Path
) -> TrainedModel:
    """What the training job of a model that is not trained leaves: its folder with
    ``SKIPPED_FILE`` saying why, no topic shares (a (D, 0) array), no convergence, and a
    ``fit.json`` whose ``skipped`` holds the reason (the evaluation leaves such models out)."""
    name = model_name(k, seed)
    Path(model_dir).mkdir(parents=True, exist_ok=True)
    (Path(model_dir) / SKIPPED_FILE).write_text(
        json.dumps({"model": name, "skipped": reason}, indent=2) + "\n", encoding="utf-8"
    )
    fit = {
        "model": name,
        "k": int(k),
        "seed": int(seed),
        "skipped": reason,
        "train_documents": int(len(heldout) - heldout.sum()),
        "heldout_documents": int(heldout.sum()),
        "train_seconds": 0.0,
        "convergence_seconds": 0.0,
        "inference_seconds": 0.0,
    }
    return TrainedModel(
        None, np.zeros((len(heldout), 0)), pd.DataFrame(columns=CONVERGENCE_COLUMNS), fit
    )


def train_sweep_model(
    corpus: Sequence[Bow],
    num_terms: int,
    heldout: np.ndarray,
    params: dict[str, Any],
    heldout_seed: int,
    model_dir: str | Path,
    log: logging.Logger,
) -> TrainedModel:
    """Train on the rows not ``heldout``, follow convergence on the held-out rows, save the
    model to ``model_dir``, and infer the topic shares of every row (held-out ones too).

    The model is saved before inferring, and the shares are inferred by the saved model
    read back: inference may draw from the model's random state, the saved model should be
    the one training left, and the shares must be those the saved model gives (``apply``).
    """
    name = model_name(params["num_topics"], params["random_state"])
    hook = ConvergenceHook(Rows(corpus, heldout), heldout_seed, log)
    log.info(
        "training %s: K=%d, seed %d, %d training and %d held-out documents, %d terms",
        params["engine"],
        params["num_topics"],
        params["random_state"],
        len(corpus) - heldout.sum(),
        heldout.sum(),
        num_terms,
    )
    started = time.perf_counter()
    model = get_engine(params["engine"]).train(
        Rows(corpus, ~heldout), num_terms, params, hook if hook else None
    )
    seconds = {"train": time.perf_counter() - started - hook.seconds}
    if model.training:
        log.info(
            "%s: %d sweeps, stopped at %s",
            name,
            model.training["sweeps"],
            model.training["stopped"],
        )
    model.save(model_dir)
    # The saved model without the training documents (tomotopy keeps them, with their topic
    # assignments: 230 MB at 90,000 documents) infers the same shares in less memory.
    model = load_model(model_dir)
    final = hook.final(model)
    seconds["convergence"] = hook.seconds
    started = time.perf_counter()
    doc_topics = model.doc_topic_matrix(corpus)
    seconds["inference"] = time.perf_counter() - started
    convergence = hook.table()
    log.info(
        "trained %s in %.2f s (+ %.2f s following convergence, %.2f s inferring topic shares)",
        name,
        seconds["train"],
        seconds["convergence"],
        seconds["inference"],
    )
    return TrainedModel(
        model,
        doc_topics,
        convergence,
        fit_record(name, params, heldout, convergence, final, seconds, model.training),
    )
