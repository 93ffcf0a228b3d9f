"""Score every model of a sweep: the per-model table and the per-topic table.

Reference co-occurrences are counted once (``reference_counts``) for the union
of all models' top terms and shared by every model (``score_sweep``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from topicpipe.engines import load_model
from topicpipe.evaluate import coherence
from topicpipe.evaluate.cooccurrence import CooccurrenceCounts, count_documents, count_windows
from topicpipe.evaluate.diagnostics import topic_diagnostics
from topicpipe.evaluate.diversity import topic_diversity
from topicpipe.evaluate.exclusivity import exclusivity
from topicpipe.evaluate.stability import seed_stability
from topicpipe.files import read_json


@dataclass
class FittedModel:
    """What the sweep's training job left for one (K, seed) model."""

    name: str
    k: int
    seed: int
    phi: np.ndarray
    theta: np.ndarray
    fit: dict[str, Any] = field(default_factory=dict)


def load_fitted_models(
    model_dirs: Sequence[str | Path],
    doc_topic_paths: Sequence[str | Path],
    fit_paths: Sequence[str | Path],
) -> list[FittedModel]:
    """What the training jobs of the sweep left, one ``FittedModel`` per trained model
    (models whose ``fit.json`` says they were skipped are left out)."""
    models = []
    for directory, theta_path, fit_path in zip(model_dirs, doc_topic_paths, fit_paths, strict=True):
        fit = read_json(fit_path)
        if fit.get("skipped"):
            continue
        phi = load_model(directory).topic_term_matrix()
        models.append(
            FittedModel(fit["model"], fit["k"], fit["seed"], phi, np.load(theta_path), fit)
        )
    return models


def model_topics(topic_metrics: pd.DataFrame, model: str) -> pd.DataFrame:
    """The rows of ``topic_metrics.csv`` of one model, in topic order."""
    return topic_metrics[topic_metrics["model"] == model].sort_values("topic")


def top_term_ids(phi: np.ndarray, top_n: int) -> np.ndarray:
    """(K, N) ids of each topic's ``top_n`` most probable terms, most probable first."""
    order = np.argsort(-np.asarray(phi), axis=1, kind="stable")
    return order[:, : min(top_n, phi.shape[1])]


def reference_counts(
    texts: Callable[[], Iterable[Sequence[str]]],
    bows: Callable[[], Iterable[Sequence[tuple[int, float]]]],
    token2id: dict[str, int],
    word_ids: Iterable[int],
    settings: dict[str, Any],
) -> dict[str, CooccurrenceCounts]:
    """Counts for each coherence measure, over ``word_ids`` (a fresh stream per pass)."""
    word_ids = sorted(set(int(w) for w in word_ids))
    method = settings["window_counting"]
    return {
        "npmi": count_windows(texts(), token2id, word_ids, settings["npmi_window"], method),
        "c_v": count_windows(texts(), token2id, word_ids, settings["cv_window"], method),
        "u_mass": count_documents(bows(), word_ids),
    }


def score_model(
    model: FittedModel,
    counts: dict[str, CooccurrenceCounts],
    doc_lengths: np.ndarray,
    term_counts: np.ndarray,
    settings: dict[str, Any],
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Model-level metrics and the per-topic table of one model."""
    top = top_term_ids(model.phi, settings["top_n"])
    topics = topic_diagnostics(model.phi, model.theta, doc_lengths, term_counts)
    for measure, function in coherence.MEASURES.items():
        topics[measure] = function(counts[measure], top)
    topics["exclusivity"] = exclusivity(model.phi, top)
    topics.insert(0, "model", model.name)
    topics.insert(1, "k", model.k)
    topics.insert(2, "seed", model.seed)
    row = {
        "model": model.name,
        "k": model.k,
        "seed": model.seed,
        **{measure: float(topics[measure].mean()) for measure in coherence.MEASURES},
        "diversity": topic_diversity(top),
        "exclusivity": float(topics["exclusivity"].mean()),
        "heldout_loglik": model.fit.get("heldout_loglik", float("nan")),
        "perplexity": model.fit.get("perplexity", float("nan")),
        "last_pass_change": model.fit.get("last_pass_change", float("nan")),
    }
    return row, topics


def _count_not_recurring(recurs: pd.Series) -> float:
    """How many topics do not recur across seeds (NaN when stability is unknown)."""
    known = recurs.dropna()
    return float((~known.astype(bool)).sum()) if len(known) else float("nan")


def score_sweep(
    models: Sequence[FittedModel],
    counts: dict[str, CooccurrenceCounts],
    doc_lengths: np.ndarray,
    term_counts: np.ndarray,
    settings: dict[str, Any],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-model metrics (one row per model) and per-topic metrics, with stability."""
    rows, topic_tables = [], []
    for model in models:
        row, topics = score_model(model, counts, doc_lengths, term_counts, settings)
        rows.append(row)
        topic_tables.append(topics)
    metrics = pd.DataFrame(rows)
    topics = pd.concat(topic_tables, ignore_index=True)
    stability = pd.concat(
        [
            seed_stability(
                {m.seed: m.phi for m in models if m.k == k}, settings["stability_threshold"]
            ).assign(k=k)
            for k in sorted({m.k for m in models})
        ],
        ignore_index=True,
    )
    topics = topics.merge(stability, on=["k", "seed", "topic"], how="left")
    per_model = topics.groupby("model", sort=False).agg(
        stability=("match_mean", "mean"),
        unstable_topics=("recurs", _count_not_recurring),
    )
    metrics = metrics.merge(per_model, left_on="model", right_index=True, how="left")
    return metrics, topics


def evaluate_sweep(
    models: Sequence[FittedModel],
    texts: Callable[[], Iterable[Sequence[str]]],
    bows: Callable[[], Iterable[Sequence[tuple[int, float]]]],
    token2id: dict[str, int],
    doc_lengths: np.ndarray,
    term_counts: np.ndarray,
    settings: dict[str, Any],
    log: logging.Logger,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """Count co-occurrences once for every model's top terms, then score every model.

    Returns the per-model and per-topic tables and the seconds spent counting and scoring.
    """
    started = time.perf_counter()
    words = {int(w) for m in models for w in top_term_ids(m.phi, settings["top_n"]).ravel()}
    counts = reference_counts(texts, bows, token2id, words, settings)
    counting = time.perf_counter() - started
    log.info(
        "counted co-occurrences of %d top terms of %d models in %.2f s "
        "(%d windows of %d, %d windows of %d, %d documents)",
        len(words),
        len(models),
        counting,
        counts["npmi"].n_contexts,
        settings["npmi_window"],
        counts["c_v"].n_contexts,
        settings["cv_window"],
        counts["u_mass"].n_contexts,
    )
    started = time.perf_counter()
    metrics, topics = score_sweep(models, counts, doc_lengths, term_counts, settings)
    scoring = time.perf_counter() - started
    log.info("scored %d models in %.3f s", len(models), scoring)
    return metrics, topics, {"counting_cooccurrences_once": counting, "scoring_all_models": scoring}


def timing_record(models: Sequence[FittedModel], evaluation_seconds: dict[str, float]) -> dict:
    """``timing.json``: training time of the sweep against the time spent evaluating it
    (``evaluation_seconds`` by step; inferring topic shares is added from the fits)."""
    seconds = {
        "inferring_topic_shares": sum(m.fit["inference_seconds"] for m in models),
        **evaluation_seconds,
    }
    timing = {
        "models": len(models),
        "training_seconds": sum(m.fit["train_seconds"] for m in models),
        # Held-out likelihood after every pass, computed inside the training jobs.
        "convergence_and_heldout_seconds": sum(m.fit["convergence_seconds"] for m in models),
        "evaluation_seconds": seconds,
        "evaluation_total_seconds": sum(seconds.values()),
    }
    timing["evaluation_share_of_training"] = (
        timing["evaluation_total_seconds"] / timing["training_seconds"]
    )
    return timing
