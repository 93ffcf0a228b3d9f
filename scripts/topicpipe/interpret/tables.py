"""Tidy tables of a fitted model: topic shares per document and a summary per topic."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from topicpipe.files import read_table
from topicpipe.interpret.guardrails import MEANINGS
from topicpipe.interpret.labels import display_label
from topicpipe.interpret.term_rankings import top_by


def topic_label(topic: int) -> str:
    """The column name used for topic number ``topic`` (0-based index) everywhere."""
    return f"topic_{topic + 1:02d}"


def topic_columns(table: pd.DataFrame) -> list[str]:
    """The ``topic_NN`` share columns of a document table, in topic order."""
    return [c for c in table.columns if c.startswith("topic_") and c[6:].isdigit()]


def read_doc_topics(path: str | Path) -> tuple[pd.DataFrame, np.ndarray]:
    """A document table written by ``doc_topic_table`` (every column as text, as written)
    and its topic shares as a (D, K) array."""
    table = read_table(path, text=None)
    return table, table[topic_columns(table)].astype(float).to_numpy()


def doc_topic_table(
    ids: Sequence[str],
    titles: Sequence[str],
    theta: np.ndarray,
    extra: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per document: id, title, any ``extra`` columns, dominant topic, then one
    share column per topic."""
    table = pd.DataFrame({"id": list(ids), "title": list(titles)})
    if extra is not None:
        for column in extra.columns:
            table[column] = extra[column].to_numpy()
    table["dominant_topic"] = theta.argmax(axis=1) + 1 if len(theta) else []
    for k in range(theta.shape[1]):
        table[topic_label(k)] = theta[:, k]
    return table


# The metadata columns of ``doc_topics.csv``, between the title and the dominant topic.
UNIT_COLUMNS = ["parent_id", "date", "source", "author"]


def unit_topic_table(units: pd.DataFrame, theta: np.ndarray) -> pd.DataFrame:
    """``doc_topics.csv``: the modelled ``units`` (``documents.modelled_units``, in the rows
    of ``theta``) with their metadata and topic shares."""
    return doc_topic_table(units["id"], units["title"], theta, units[UNIT_COLUMNS])


def topic_summary(
    labels: pd.DataFrame, terms: pd.DataFrame, theta: np.ndarray, top_n: int
) -> pd.DataFrame:
    """One row per topic: labels, prevalence (mean share over documents), documents it
    dominates, and its top terms by probability and by FREX."""
    k = len(labels)
    prevalence = theta.mean(axis=0) if len(theta) else np.zeros(k)
    dominant = np.bincount(theta.argmax(axis=1), minlength=k) if len(theta) else np.zeros(k)
    table = labels.copy()
    table["prevalence"] = prevalence
    table["n_dominant"] = dominant.astype(int)
    table["top_terms"] = [", ".join(top_by(terms, t, "rank", top_n)) for t in table["topic"]]
    table["top_frex"] = [", ".join(top_by(terms, t, "rank_frex", top_n)) for t in table["topic"]]
    return table


def topics_markdown(summary: pd.DataFrame, terms: pd.DataFrame, top_n: int) -> str:
    """A readable page: per topic its label, prevalence and top terms under each ranking."""
    lines = [
        "# Topics",
        "",
        "Prevalence is the mean topic share over documents. Terms are ranked four ways: "
        "**probability** (frequent in the topic), **FREX** (frequent and exclusive to the "
        "topic), **lift** (much more frequent in the topic than in the corpus; favours rare "
        "terms) and **relevance** (LDAvis, a mix of probability and lift).",
        "",
        "| topic | label | prevalence | documents dominated | top terms (probability) |",
        "|---:|---|---:|---:|---|",
    ]
    for row in summary.itertuples():
        lines.append(
            f"| {row.topic} | {_cell(row.label)} | {row.prevalence:.1%} | {row.n_dominant} "
            f"| {_cell(row.top_terms)} |"
        )
    for row in summary.itertuples():
        lines += ["", f"## {_cell(display_label(row.topic, row.label))}", ""]
        lines.append(
            f"Prevalence {row.prevalence:.1%}; dominant topic of {row.n_dominant} documents."
        )
        flags = getattr(row, "flags", "")
        if flags:
            meanings = "; ".join(MEANINGS.get(flag, flag) for flag in flags.split("; "))
            lines += ["", f"**Warning**: {_cell(meanings)} (see results/run_notes.md)."]
        lines.append("")
        for name, column in (
            ("Probability", "rank"),
            ("FREX", "rank_frex"),
            ("Lift", "rank_lift"),
            ("Relevance", "rank_relevance"),
        ):
            lines.append(
                f"- **{name}**: {_cell(', '.join(top_by(terms, row.topic, column, top_n)))}"
            )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell and free of raw HTML."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
    )
