"""Between-topic geometry: Jensen–Shannon distances, a 2-D map, and share correlations."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon

from topicpipe.interpret.guardrails import correlation_note
from topicpipe.interpret.prevalence import placeholder
from topicpipe.notes import Note


def js_distances(phi: np.ndarray) -> np.ndarray:
    """K × K Jensen–Shannon distances (base 2, so between 0 and 1) between topic rows."""
    k = len(phi)
    distances = np.zeros((k, k))
    for i in range(k):
        for j in range(i + 1, k):
            distances[i, j] = distances[j, i] = jensenshannon(phi[i], phi[j], base=2)
    return np.nan_to_num(distances)


def classical_mds(distances: np.ndarray, dimensions: int = 2) -> np.ndarray:
    """Classical MDS / principal coordinates (Torgerson): K × ``dimensions`` coordinates
    whose Euclidean distances best preserve ``distances``.

    Signs are fixed (largest absolute loading positive) so the map is reproducible.
    """
    k = len(distances)
    centre = np.eye(k) - np.full((k, k), 1.0 / k)
    gram = -0.5 * centre @ (distances**2) @ centre
    values, vectors = np.linalg.eigh(gram)
    order = np.argsort(values)[::-1][:dimensions]
    coords = vectors[:, order] * np.sqrt(np.clip(values[order], 0.0, None))
    for d in range(coords.shape[1]):
        if coords[np.argmax(np.abs(coords[:, d])), d] < 0:
            coords[:, d] *= -1
    if coords.shape[1] < dimensions:
        coords = np.hstack([coords, np.zeros((k, dimensions - coords.shape[1]))])
    return coords


def intertopic_table(
    phi: np.ndarray, prevalence: np.ndarray, labels: Mapping[int, str]
) -> pd.DataFrame:
    """One row per topic: topic, label, x, y (MDS of JS distances), prevalence."""
    coords = classical_mds(js_distances(phi))
    return pd.DataFrame(
        {
            "topic": np.arange(1, len(phi) + 1),
            "label": [labels[k + 1] for k in range(len(phi))],
            "x": coords[:, 0],
            "y": coords[:, 1],
            "prevalence": prevalence,
        }
    )


def distance_table(phi: np.ndarray) -> pd.DataFrame:
    """Tidy pairwise JS distances: topic_a, topic_b, js_distance (a < b)."""
    distances = js_distances(phi)
    a, b = np.triu_indices(len(phi), k=1)
    return pd.DataFrame({"topic_a": a + 1, "topic_b": b + 1, "js_distance": distances[a, b]})


def topic_correlations(theta: np.ndarray) -> np.ndarray:
    """K × K Pearson correlations of topic shares across documents (0 where undefined)."""
    if len(theta) < 2:
        return np.eye(theta.shape[1])
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(theta, rowvar=False)
    corr = np.nan_to_num(np.atleast_2d(corr))
    np.fill_diagonal(corr, 1.0)
    return corr


def correlation_table(corr: np.ndarray) -> pd.DataFrame:
    """Tidy: topic_a, topic_b, correlation for every ordered pair (the full matrix)."""
    k = len(corr)
    a, b = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    return pd.DataFrame(
        {"topic_a": a.ravel() + 1, "topic_b": b.ravel() + 1, "correlation": corr.ravel()}
    )


def correlation_output(theta: np.ndarray, min_documents: int) -> tuple[pd.DataFrame, list[Note]]:
    """``topic_correlation.csv`` for the topic shares ``theta``, and its notes: a
    ``placeholder`` that says why, instead of correlations, when there are fewer than
    ``min_documents`` documents (``guardrails.correlation_note``)."""
    note = correlation_note(len(theta), min_documents)
    if note is not None:
        return placeholder(note.message), [note]
    return correlation_table(topic_correlations(theta)), []


def correlation_matrix(table: pd.DataFrame) -> np.ndarray:
    """The K × K matrix of a ``correlation_table``."""
    k = int(table["topic_a"].max())
    corr = np.zeros((k, k))
    corr[table["topic_a"] - 1, table["topic_b"] - 1] = table["correlation"]
    return corr
