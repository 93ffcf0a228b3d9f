"""Tidy tables of a fitted model: top terms per topic and topic shares per document."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def topic_label(topic: int) -> str:
    """The column name / label used for topic number ``topic`` everywhere (1-based)."""
    return f"topic_{topic + 1:02d}"


def top_terms(phi: np.ndarray, terms: Sequence[str], top_n: int) -> pd.DataFrame:
    """Top ``top_n`` terms of each topic by probability: columns topic, rank, term, weight.

    Ties in weight are broken by term so that the table is stable.
    """
    rows = []
    for k, weights in enumerate(phi):
        order = sorted(range(len(terms)), key=lambda i: (-weights[i], terms[i]))[:top_n]
        for rank, i in enumerate(order, start=1):
            rows.append({"topic": k + 1, "rank": rank, "term": terms[i], "weight": weights[i]})
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])


def doc_topic_table(ids: Sequence[str], titles: Sequence[str], theta: np.ndarray) -> pd.DataFrame:
    """One row per document: id, title, dominant topic, then one share column per topic."""
    table = pd.DataFrame({"id": list(ids), "title": list(titles)})
    table["dominant_topic"] = theta.argmax(axis=1) + 1 if len(theta) else []
    for k in range(theta.shape[1]):
        table[topic_label(k)] = theta[:, k]
    return table


def topics_markdown(terms: pd.DataFrame, theta: np.ndarray, top_n: int = 10) -> str:
    """A readable page: each topic's prevalence and its top terms."""
    prevalence = theta.mean(axis=0) if len(theta) else np.zeros(terms["topic"].nunique())
    lines = [
        "# Topics",
        "",
        f"Top {top_n} terms per topic by probability; prevalence is the "
        "mean topic share over documents.",
        "",
        "| topic | prevalence | top terms |",
        "|---:|---:|---|",
    ]
    for topic, group in terms.groupby("topic", sort=True):
        words = ", ".join(group.sort_values("rank")["term"].head(top_n))
        lines.append(f"| {topic} | {prevalence[topic - 1]:.1%} | {words} |")
    return "\n".join(lines) + "\n"
