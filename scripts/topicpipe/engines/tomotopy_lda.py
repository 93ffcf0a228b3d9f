"""tomotopy's collapsed Gibbs sampler for LDA (``tomotopy.LDAModel``) as a ``TopicEngine``.

tomotopy keeps its own vocabulary. Each document is given to it as our term ids
written as strings, every id repeated by its count, in term-id order, so the model
depends on the bag of words only (tomotopy numbers terms in the order it first
meets them, and a different word order gives a different, equally valid chain).
The topic-term matrix is mapped back to our term ids; terms that no training
document holds get the prior's share ``eta`` in every topic, as the posterior mean
over the full vocabulary gives them.

Determinism (measured, see README "Choosing an engine"): for a fixed seed and
number of workers, training with ``ParallelScheme.PARTITION`` (each worker owns a
slice of the vocabulary and its own random stream) is repeatable; the default
scheme for LDA is the same, while ``COPY_MERGE`` is not repeatable and never used.

Topic shares are not inferred by tomotopy's own ``infer`` (a Gibbs chain per document that
copies and scores the K x V counts for each: 3.4 ms of CPU a document at 35,000 terms) but
by EM fold-in with the topics fixed (``engines.fold_in``), vectorised over documents:
deterministic, with each document's shares independent of the other documents, their order
and the number of workers, bit for bit.

Number of sweeps (``iterations: auto``, see ``sweeps_converged``): training reads
tomotopy's log-likelihood per word of the training documents every ``CHECK_EVERY``
sweeps (cheap: no inference) and stops once its mean over the last ``WINDOW``
readings after burn-in has differed from the mean over the ``WINDOW`` readings before
by less than ``tolerance`` (relative) at ``WINDOW`` readings in a row, or at
``max_iterations``. The readings come from
the deterministic chain, so the stopping point is as repeatable as the chain.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import tomotopy as tp

from topicpipe.config import AUTO
from topicpipe.engines import fold_in
from topicpipe.engines.base import Bow, PassHook, TopicEngine, normalise_rows

MODEL_FILE = "lda.tomotopy"
# Defaults for calls without a config (tests, benchmarks); config.yaml sets them for runs.
DEFAULTS = {
    "iterations": AUTO,
    "max_iterations": 1000,
    "tolerance": 0.003,
    "burn_in": 100,
    "optim_interval": 10,
    "alpha": 0.1,
    "eta": 0.1,
    "workers": 2,
    "infer_tolerance": fold_in.TOLERANCE,
    "infer_max_iterations": fold_in.MAX_ITERATIONS,
    "convergence_every": 50,
}
# How topic shares are inferred, recorded in the model's params (engine.json, fit.json).
INFERENCE = "em_fold_in"
SCHEME = tp.ParallelScheme.PARTITION
# iterations: auto reads the training log-likelihood per word every CHECK_EVERY sweeps and
# compares the means of two successive windows of WINDOW readings (50 sweeps each).
CHECK_EVERY = 10
WINDOW = 5


def bow_words(bow: Bow) -> list[str]:
    """A bag of words as tomotopy's word list: term ids as strings, repeated by count."""
    return [str(int(term)) for term, count in sorted(bow) for _ in range(int(count))]


def window_change(readings: Sequence[float], window: int = WINDOW) -> float | None:
    """Relative change between the mean of the last ``window`` readings and the mean of the
    ``window`` before them (None until there are two full windows)."""
    if len(readings) < 2 * window:
        return None
    last = float(np.mean(readings[-window:]))
    before = float(np.mean(readings[-2 * window : -window]))
    return abs(last - before) / abs(before)


def sweeps_converged(readings: Sequence[float], tolerance: float) -> float | None:
    """The window change of the readings taken after burn-in if it has been below
    ``tolerance`` at each of the last ``WINDOW`` readings (training has converged and
    stops), else None. One reading below is not enough: where the likelihood dips after
    burn-in and recovers, two successive windows can have equal means on the way."""
    changes = [window_change(readings[: len(readings) - back]) for back in range(WINDOW)]
    if all(change is not None and change < tolerance for change in changes):
        return changes[0]
    return None


class TomotopyLda(TopicEngine):
    """LDA trained by collapsed Gibbs sampling with tomotopy."""

    name = "tomotopy"

    def __init__(self, model: tp.LDAModel, params: dict[str, Any]):
        super().__init__(params)
        self.model = model
        # Column of each tomotopy term in our (K, V) matrix.
        self.columns = np.array([int(term) for term in model.used_vocabs], dtype=np.int64)

    @classmethod
    def train(
        cls,
        corpus: Iterable[Bow],
        num_terms: int,
        params: dict[str, Any],
        on_pass: PassHook | None = None,
    ) -> TomotopyLda:
        """Train ``LDAModel``; ``params`` holds num_topics, random_state and the keys of
        ``DEFAULTS``. ``on_pass(sweeps, model)`` runs every ``convergence_every`` sweeps."""
        settings = {**DEFAULTS, **params, "num_terms": int(num_terms), "inference": INFERENCE}
        model = tp.LDAModel(
            k=int(settings["num_topics"]),
            alpha=float(settings["alpha"]),
            eta=float(settings["eta"]),
            seed=int(settings["random_state"]),
        )
        model.burn_in = int(settings["burn_in"])
        model.optim_interval = int(settings["optim_interval"])
        n_docs = 0
        for bow in corpus:
            if any(not 0 <= int(term) < num_terms for term, _ in bow):
                raise ValueError(f"a document holds a term id outside 0..{num_terms - 1}")
            words = bow_words(bow)
            # tomotopy aborts the process on an empty document; it carries no information.
            if words:
                model.add_doc(words)
                n_docs += 1
        if not n_docs:
            raise ValueError("tomotopy: no training document holds a term")
        auto = settings["iterations"] == AUTO
        total = int(settings["max_iterations"] if auto else settings["iterations"])
        every, burn_in = int(settings["convergence_every"]), int(settings["burn_in"])
        readings: list[float] = []
        stop = f"max_iterations ({total})" if auto else f"iterations ({total})"
        done = 0
        # Training in steps gives the same chain as one call (tested): the sweep
        # counter that schedules burn-in and optimisation lives in the model.
        while done < total:
            ahead = [total]
            if auto:
                ahead.append((done // CHECK_EVERY + 1) * CHECK_EVERY)
            if on_pass:
                ahead.append((done // every + 1) * every)
            sweeps = min(ahead) - done
            with warnings.catch_warnings():
                # tomotopy warns for any workers != 1; PARTITION is repeatable (tested).
                warnings.filterwarnings("ignore", "The training result may differ")
                model.train(sweeps, workers=int(settings["workers"]), parallel=SCHEME)
            done += sweeps
            change = None
            if auto and done % CHECK_EVERY == 0 and done > burn_in:
                readings.append(float(model.ll_per_word))
                change = sweeps_converged(readings, float(settings["tolerance"]))
                if change is not None:
                    stop = (
                        f"converged: the training log-likelihood per word changed by "
                        f"{change:.2g} (relative) between its last two {WINDOW * CHECK_EVERY}"
                        f"-sweep means, below the tolerance {settings['tolerance']} for "
                        f"{WINDOW * CHECK_EVERY} sweeps"
                    )
            if on_pass and (done % every == 0 or done == total or change is not None):
                on_pass(done, cls(model, settings))
            if change is not None:
                break
        engine = cls(model, settings)
        engine.training = {
            "iterations": settings["iterations"],
            "sweeps": done,
            "stopped": stop,
            "ll_per_word": float(model.ll_per_word),
            "inference": INFERENCE,
        }
        return engine

    @property
    def num_topics(self) -> int:
        return int(self.model.k)

    @property
    def num_terms(self) -> int:
        """Size V of the dictionary the model was trained against."""
        return int(self.params["num_terms"])

    def topic_term_matrix(self) -> np.ndarray:
        eta = float(self.model.eta)
        # Unnormalised rows are counts + eta (float32); recover the exact integer counts.
        raw = np.array(
            [self.model.get_topic_word_dist(k, normalize=False) for k in range(self.num_topics)],
            dtype=np.float64,
        )
        phi = np.full((self.num_topics, self.num_terms), eta)
        phi[:, self.columns] += np.rint(raw - eta)
        return normalise_rows(phi)

    def infer(self, bows: Iterable[Bow]) -> np.ndarray:
        """Topic shares by EM fold-in with the topics fixed (``fold_in.fold_in``): terms no
        training document held are left out, and a document with none of the others keeps
        the prior mean of the shares. Models saved before ``infer_tolerance`` and
        ``infer_max_iterations`` existed use their defaults."""
        known = np.zeros(self.num_terms, dtype=bool)
        known[self.columns] = True
        return fold_in.fold_in(
            bows,
            self.topic_term_matrix(),
            np.asarray(self.model.alpha, dtype=np.float64),
            known,
            tolerance=float(self.params.get("infer_tolerance", DEFAULTS["infer_tolerance"])),
            max_iterations=int(
                self.params.get("infer_max_iterations", DEFAULTS["infer_max_iterations"])
            ),
        )

    def _save_state(self, directory: Path) -> None:
        self.model.save(str(directory / MODEL_FILE), full=False)

    @classmethod
    def _load_state(cls, directory: Path, params: dict[str, Any]) -> TomotopyLda:
        return cls(tp.LDAModel.load(str(directory / MODEL_FILE)), params)
