"""Topic labels: an automatic one from the top FREX terms, overridden by the user's own.

Every table and figure names topic ``k`` with ``display_label(k, label)``, so a label
set in ``config.yaml`` (``topic_labels: {3: "Sanctions"}``) shows up everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from topicpipe.interpret.term_rankings import top_by


class LabelError(ValueError):
    """A ``topic_labels`` entry names a topic that does not exist or has an empty label."""


def check_human_labels(labels: Mapping[object, str] | None, num_topics: int) -> dict[int, str]:
    """Validate ``topic_labels`` from the config: keys are topic numbers 1..K (int or str)."""
    checked: dict[int, str] = {}
    for key, label in (labels or {}).items():
        try:
            topic = int(key)
        except (TypeError, ValueError):
            raise LabelError(
                f"topic_labels: key {key!r} is not a topic number; use e.g. {{3: 'Sanctions'}}"
            ) from None
        if not 1 <= topic <= num_topics:
            raise LabelError(
                f"topic_labels: topic {topic} does not exist; the model has topics 1 to "
                f"{num_topics} (see results/topics/topics.md). Remove its label, or fix a K "
                f"that has it: selection: {{rule: fixed, k: {topic}}} with {topic} in model.k"
            )
        if not str(label).strip():
            raise LabelError(f"topic_labels: the label of topic {topic} is empty")
        checked[topic] = " ".join(str(label).split())
    return checked


def automatic_labels(terms: pd.DataFrame, num_terms: int) -> dict[int, str]:
    """Each topic's top ``num_terms`` FREX terms joined by commas (e.g. "iran, nuclear, deal")."""
    return {
        int(topic): ", ".join(top_by(terms, int(topic), "rank_frex", num_terms))
        for topic in sorted(terms["topic"].unique())
    }


def label_table(terms: pd.DataFrame, human: Mapping[int, str], num_terms: int) -> pd.DataFrame:
    """One row per topic: topic, label (human if given, else automatic), auto_label, human."""
    auto = automatic_labels(terms, num_terms)
    rows = [
        {
            "topic": topic,
            "label": human.get(topic, auto[topic]),
            "auto_label": auto[topic],
            "human_label": human.get(topic, ""),
        }
        for topic in sorted(auto)
    ]
    return pd.DataFrame(rows, columns=["topic", "label", "auto_label", "human_label"])


def display_label(topic: int, label: str) -> str:
    """How topic ``topic`` is named in figures and pages: "3 · Sanctions"."""
    return f"{topic} · {label}" if label else f"Topic {topic}"


def label_map(labels: pd.DataFrame) -> dict[int, str]:
    """Topic number → label, from a table with ``topic`` and ``label`` columns
    (``label_table``, or ``topics.csv``)."""
    return {
        int(topic): label for topic, label in zip(labels["topic"], labels["label"], strict=True)
    }


def display_labels(labels: pd.DataFrame) -> list[str]:
    """``display_label`` of every topic, in topic order."""
    return [display_label(topic, label) for topic, label in sorted(label_map(labels).items())]


def read_topic_table(path: str | Path) -> pd.DataFrame:
    """A table with one row per topic (``topics.csv``, ``intertopic.csv``) as written:
    labels stay text, never "NaN"."""
    return pd.read_csv(path, keep_default_na=False)
