"""Topic labels: an automatic one from the top FREX terms, overridden by the user's own.

An automatic label takes a topic's best FREX terms (frequent in the topic and exclusive to
it), leaving out numbers, unit and table words (``topics.label_exclude``), terms rarer in
the corpus than ``topics.label_min_count`` where others exist, and terms that repeat a word
already in the label; labels are distinct across topics, and a flat topic is called one.

Every table and figure names topic ``k`` with ``display_label(k, label)``, so a label
set in ``config.yaml`` (``topic_labels: {3: "Sanctions"}``) shows up everywhere.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


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
                f"{num_topics} (see results/topics/topics.md)"
            )
        if not str(label).strip():
            raise LabelError(f"topic_labels: the label of topic {topic} is empty")
        checked[topic] = " ".join(str(label).split())
    return checked


# The automatic label of a topic whose term distribution is near-uniform (see
# ``interpret.guardrails``): its top terms are ties, so no term would say what it is about.
FLAT_LABEL = "flat topic"
# Words of a joined term (a name or phrase).
_JOINER = "_"


@dataclass(frozen=True)
class LabelSettings:
    """How automatic labels are made (the ``topics`` section of the config)."""

    num_terms: int
    min_count: int
    exclude: frozenset[str]

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> LabelSettings:
        """Settings from the ``topics`` section (``label_terms``, ``label_min_count``,
        ``label_exclude``)."""
        return cls(
            section["label_terms"],
            section["label_min_count"],
            frozenset(word.lower() for word in section["label_exclude"]),
        )


def _parts(term: str) -> set[str]:
    return {part for part in term.lower().split(_JOINER) if part}


def _usable(term: str, settings: LabelSettings) -> bool:
    """Whether a term may stand in a label: no digits, and no word of it a unit or table
    word (``mln``, ``pct``, ``versus``: ``mln_versus`` says nothing about a topic)."""
    return not any(c.isdigit() for c in term) and settings.exclude.isdisjoint(_parts(term))


def candidate_order(rows: pd.DataFrame, counts: Mapping[str, float]) -> pd.DataFrame:
    """One topic's rows of the terms table, best label candidates first: by FREX score, and
    among equal scores the term more frequent in the corpus (never the alphabet alone)."""
    ordered = rows.assign(_count=[counts.get(term, 0) for term in rows["term"]])
    ordered = ordered.sort_values(["frex", "_count", "term"], ascending=[False, False, True])
    return ordered.drop(columns="_count")


def tied_terms(rows: pd.DataFrame, counts: Mapping[str, float]) -> set[str]:
    """Terms of one topic's rows that equal another term in FREX score and in corpus count:
    nothing but the alphabet would say which of them a label shows."""
    scores = rows["frex"].to_numpy()
    seen = np.array([counts.get(term, 0) for term in rows["term"]], dtype=np.float64)
    same = np.isclose(scores[:, None], scores[None, :], rtol=1e-9, atol=0.0)
    same &= seen[:, None] == seen[None, :]
    return set(rows["term"][same.sum(axis=1) > 1])


def label_terms(
    candidates: Sequence[str],
    counts: Mapping[str, float],
    settings: LabelSettings,
    tied: Collection[str] = (),
) -> list[str]:
    """The terms of one label, from ``candidates`` (best FREX first): usable terms, not
    ``tied``, seen at least ``min_count`` times in the corpus, none sharing a word with a
    term already taken (not ``versus`` and ``mln_versus``); rarer terms only fill what is
    left; the untied candidates themselves when no term is usable (none when all are
    tied)."""
    usable = [term for term in candidates if _usable(term, settings) and term not in tied]
    chosen: list[str] = []
    for frequent_only in (True, False):
        for term in usable:
            if len(chosen) == settings.num_terms:
                return chosen
            if frequent_only and counts.get(term, 0) < settings.min_count:
                continue
            if term not in chosen and all(_parts(term).isdisjoint(_parts(t)) for t in chosen):
                chosen.append(term)
    return chosen or [term for term in candidates if term not in tied][: settings.num_terms]


def automatic_labels(
    terms: pd.DataFrame,
    counts: Mapping[str, float],
    flat: Collection[int],
    settings: LabelSettings,
) -> dict[int, str]:
    """Each topic's label: its best FREX terms (``label_terms``, in ``candidate_order``)
    joined by commas ("iran, nuclear, deal"), never terms tied with others in every respect
    (``tied_terms``), so fewer terms where only ties are left; ``FLAT_LABEL`` for the
    ``flat`` topics and for a topic with nothing but ties. Labels are distinct: a label
    already given to an earlier topic takes the topic's next candidate term in place of its
    last one (and, with none left, the topic number)."""
    labels: dict[int, str] = {}
    taken: set[str] = set()
    for topic in sorted(int(t) for t in terms["topic"].unique()):
        if topic in flat:
            labels[topic] = FLAT_LABEL
            continue
        rows = candidate_order(terms[terms["topic"] == topic], counts)
        candidates = rows["term"].tolist()
        tied = tied_terms(rows, counts)
        chosen = label_terms(candidates, counts, settings, tied)
        if not chosen:
            labels[topic] = FLAT_LABEL
            continue
        label = ", ".join(chosen)
        spare = [
            term
            for term in candidates
            if term not in chosen and term not in tied and _usable(term, settings)
        ]
        while label in taken and spare:
            chosen[-1] = spare.pop(0)
            label = ", ".join(chosen)
        if label in taken:
            label = f"{label} (topic {topic})"
        labels[topic] = label
        taken.add(label)
    return labels


def label_table(
    terms: pd.DataFrame,
    human: Mapping[int, str],
    counts: Mapping[str, float],
    flat: Collection[int],
    settings: LabelSettings,
) -> pd.DataFrame:
    """One row per topic: topic, label (human if given, else automatic), auto_label, human.

    ``counts`` is each term's count in the corpus, ``flat`` the flat topics (``guardrails``).
    """
    auto = automatic_labels(terms, counts, flat, settings)
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
