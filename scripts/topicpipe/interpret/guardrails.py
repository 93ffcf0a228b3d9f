"""Guardrails: topics, and whole results, that should not be read at face value.

Each check is a small function on the model's matrices; ``topic_flags`` runs the per-topic
checks and gives every topic its flags (the ``flags`` column of ``topics.csv``), and
``topic_notes`` turns them into run notes (``topicpipe.notes``) with what a reader should do.

- **flat**: the topic's term distribution is near-uniform (its normalised entropy is at
  least ``guardrails.flat_entropy``, or its ten most probable terms are equally probable):
  the model put (almost) no words in it, its top terms are ties, and its label says
  ``flat topic``.
- **empty**: its prevalence is below ``guardrails.empty_share`` of an even share (1/K).
- **one_document**: one document holds ``guardrails.single_document_share`` or more of the
  topic's words: the topic describes that document, not a theme.
- **same_label**: two topics carry the same label (the user's labels; automatic ones are
  distinct).

Beside them: K close to or above the number of documents (``k_documents_notes``) and
correlations of topic shares over too few documents (``correlation_note``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from topicpipe.interpret.labels import FLAT_LABEL
from topicpipe.notes import Note, count, warning

FLAT, EMPTY, ONE_DOCUMENT, SAME_LABEL = "flat", "empty", "one_document", "same_label"
# What each flag means, for notes and figure footnotes.
MEANINGS = {
    FLAT: "flat: no term stands out (near-uniform or tied terms), so terms and label mean nothing",
    EMPTY: "nearly empty: a tiny share of the documents' words",
    ONE_DOCUMENT: "carried by one document: describes that document rather than a theme",
    SAME_LABEL: "sharing a label with another topic",
}


@dataclass(frozen=True)
class GuardrailSettings:
    """Thresholds of the checks (the ``guardrails`` section, and
    ``adapt.documents_per_topic``)."""

    flat_entropy: float
    empty_share: float
    single_document_share: float
    correlation_min_documents: int
    documents_per_topic: int

    @classmethod
    def from_config(
        cls, guardrails: Mapping[str, Any], adapt: Mapping[str, Any]
    ) -> GuardrailSettings:
        """Settings from the ``guardrails`` and ``adapt`` sections of the config."""
        return cls(
            guardrails["flat_entropy"],
            guardrails["empty_share"],
            guardrails["single_document_share"],
            guardrails["correlation_min_documents"],
            adapt["documents_per_topic"],
        )


def normalised_entropy(phi: np.ndarray) -> np.ndarray:
    """Entropy of each topic's term distribution divided by its maximum, log V: 1 for a
    uniform distribution, lower the more a few terms stand out."""
    phi = np.asarray(phi, dtype=np.float64)
    if phi.shape[1] < 2:
        return np.zeros(len(phi))
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(phi > 0, np.log(phi), 0.0)
    return -(phi * logs).sum(axis=1) / np.log(phi.shape[1])


# A topic whose this many most probable terms are all equally probable is flat too.
TIED_TOP = 10


def flat_topics(phi: np.ndarray, threshold: float) -> list[int]:
    """The topics (1-based) whose normalised entropy is at least ``threshold``, or whose
    ``TIED_TOP`` most probable terms are equally probable (no term stands out)."""
    phi = np.asarray(phi, dtype=np.float64)
    top = -np.sort(-phi, axis=1)[:, : min(TIED_TOP, phi.shape[1])]
    tied = np.isclose(top[:, 0], top[:, -1], rtol=1e-9, atol=0.0)
    return [int(k) + 1 for k in np.flatnonzero((normalised_entropy(phi) >= threshold) | tied)]


def empty_topics(prevalence: Sequence[float], share: float) -> list[int]:
    """The topics (1-based) whose prevalence is below ``share`` of an even share (1/K)."""
    prevalence = np.asarray(prevalence, dtype=np.float64)
    return [int(k) + 1 for k in np.flatnonzero(prevalence < share / max(len(prevalence), 1))]


def one_document_topics(
    theta: np.ndarray, lengths: Sequence[float], share: float
) -> dict[int, tuple[int, float]]:
    """Topics (1-based) that take at least ``share`` of their words from one document:
    topic → (row of that document, its share of the topic's words). A topic's words in a
    document are the document's length times its share of the topic."""
    words = np.asarray(theta, dtype=np.float64) * np.asarray(lengths, dtype=np.float64)[:, None]
    totals = words.sum(axis=0)
    carried = {}
    for k in np.flatnonzero(totals > 0):
        row = int(np.argmax(words[:, k]))
        part = float(words[row, k] / totals[k])
        if part >= share:
            carried[int(k) + 1] = (row, part)
    return carried


def same_labels(labels: Mapping[int, str], skip: Sequence[int] = ()) -> list[list[int]]:
    """Groups of topics (two or more) with the same label, ignoring case and the ``skip``
    topics (flat ones, already flagged)."""
    groups: dict[str, list[int]] = {}
    for topic, label in sorted(labels.items()):
        if topic not in skip:
            groups.setdefault(" ".join(label.lower().split()), []).append(topic)
    return [topics for topics in groups.values() if len(topics) > 1]


def topic_flags(
    flat: Sequence[int],
    empty: Sequence[int],
    one_document: Mapping[int, tuple[int, float]],
    labels: Mapping[int, str],
) -> dict[int, list[str]]:
    """Every topic's flags, in a fixed order (``flat``, ``empty``, ``one_document``,
    ``same_label``)."""
    duplicated = {t for group in same_labels(labels, skip=flat) for t in group}
    return {
        topic: [
            flag
            for flag, topics in (
                (FLAT, flat),
                (EMPTY, empty),
                (ONE_DOCUMENT, one_document),
                (SAME_LABEL, duplicated),
            )
            if topic in topics
        ]
        for topic in sorted(labels)
    }


def flags_column(flags: Mapping[int, Sequence[str]]) -> list[str]:
    """The ``flags`` column of ``topics.csv``: each topic's flags joined by "; " ("" if none)."""
    return ["; ".join(flags[topic]) for topic in sorted(flags)]


def _topics(topics: Sequence[int]) -> str:
    return ("topic " if len(topics) == 1 else "topics ") + ", ".join(map(str, topics))


def topic_notes(
    flags: Mapping[int, Sequence[str]],
    one_document: Mapping[int, tuple[int, float]],
    document_ids: Sequence[str],
    settings: GuardrailSettings,
) -> list[Note]:
    """One warning per flag that fired, naming the topics, the rule and what to do."""
    by_flag: dict[str, list[int]] = {}
    for topic, topic_flags_ in sorted(flags.items()):
        for flag in topic_flags_:
            by_flag.setdefault(flag, []).append(topic)
    notes = []
    if FLAT in by_flag:
        notes.append(
            warning(
                "topics",
                "flat_topic",
                _topics(by_flag[FLAT]),
                f"near-uniform term distribution (normalised entropy at least "
                f"guardrails.flat_entropy, {settings.flat_entropy:g}, or no term standing out "
                f"from ties): the model gave these topics (almost) no words, so their terms "
                f"are ties and they are labelled '{FLAT_LABEL}'; their prevalence is mostly "
                "the prior's",
                "train fewer topics (model.k, model.max_k) or add documents",
            )
        )
    if EMPTY in by_flag:
        notes.append(
            warning(
                "topics",
                "empty_topic",
                _topics(by_flag[EMPTY]),
                f"prevalence below guardrails.empty_share ({settings.empty_share:g}) of an "
                "even share of the documents: too little text to say what the topic is about",
                "train fewer topics (model.k)",
            )
        )
    if ONE_DOCUMENT in by_flag:
        which = "; ".join(
            f"topic {t}: {one_document[t][1]:.0%} from {document_ids[one_document[t][0]]}"
            for t in by_flag[ONE_DOCUMENT]
        )
        notes.append(
            warning(
                "topics",
                "one_document_topic",
                _topics(by_flag[ONE_DOCUMENT]),
                f"one document holds at least guardrails.single_document_share "
                f"({settings.single_document_share:g}) of the topic's words ({which}): the "
                "topic describes that document, not a theme of the corpus",
                "read the document; add documents or train fewer topics",
            )
        )
    if SAME_LABEL in by_flag:
        notes.append(
            warning(
                "topics",
                "same_label",
                _topics(by_flag[SAME_LABEL]),
                "two or more topics carry the same label, so tables and figures cannot tell "
                "them apart by name",
                "give them different names in topic_labels",
            )
        )
    return notes


def k_documents_notes(k: int, n_documents: int, documents_per_topic: int) -> list[Note]:
    """A warning when the model has fewer than ``documents_per_topic`` documents per topic
    (K close to or above the number of documents)."""
    if n_documents >= documents_per_topic * k:
        return []
    return [
        warning(
            "topics",
            "k_close_to_documents",
            f"K={k}, {n_documents} documents",
            f"fewer than adapt.documents_per_topic ({documents_per_topic}) documents per "
            "topic: topics cannot recur across documents, so they mostly split single "
            "documents into parts",
            "add documents, use paragraphs as documents (ingest.unit), or train fewer topics",
        )
    ]


def correlation_note(n_documents: int, min_documents: int) -> Note | None:
    """A warning (and the reason the correlation table and figure are left out) when
    correlations of topic shares would come from fewer than ``min_documents`` documents."""
    if n_documents >= min_documents:
        return None
    return warning(
        "topic_maps",
        "correlation_too_few_documents",
        count(n_documents, "document"),
        f"topic correlations need at least guardrails.correlation_min_documents "
        f"({min_documents}) documents; from {n_documents} they are close to ±1 by chance, "
        "so the correlation table and heatmap are left out",
        "add documents, or lower guardrails.correlation_min_documents",
    )


def figure_footnote(topics: Mapping[int, str]) -> str:
    """A footnote for a figure that draws flagged topics: what each flag that fired means and
    its topics ("" when no topic is flagged). ``topics`` maps topic → its ``flags`` cell."""
    by_flag: dict[str, list[int]] = {}
    for topic, cell in sorted(topics.items()):
        for flag in filter(None, str(cell).split("; ")):
            by_flag.setdefault(flag, []).append(int(topic))
    parts = [
        f"{_topics(found).capitalize()} {MEANINGS.get(flag, flag)}"
        for flag, found in by_flag.items()
    ]
    return ("Warning - " + " | ".join(parts) + ".") if parts else ""
