"""Attrition: documents, tokens and vocabulary after each tokenising step.

Shards count separately (``StepCounts``); their tallies merge by adding counts and
uniting vocabularies, so the report is the same for any shard count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from topicpipe.tokenise.scan import KEPT, STOPPED

STEPS = {
    "raw": "every word the tokeniser found (lowercased)",
    "stopwords": "built-in, news and user stopwords removed",
    "filters": "short words and numbers removed; lemmas (or stems) of common words",
    "phrases": "names and phrases joined into one token each",
    "corpus stopwords": "terms in more than tokenise.corpus_stopwords_above of documents removed",
    "pruning": "dictionary pruning (no_below, no_above, keep_n)",
}


class StepCounts:
    """Per step: documents with at least one token, tokens, and the set of distinct tokens."""

    def __init__(self) -> None:
        self.documents: dict[str, int] = {}
        self.tokens: dict[str, int] = {}
        self.vocabulary: dict[str, set[str]] = {}
        # Word fates are counted as they come and turned into step counts when asked.
        self._fates: Counter[tuple[str, str, int]] = Counter()

    def add(self, step: str, tokens: Iterable[str]) -> None:
        """Count one document's ``tokens`` after ``step``."""
        tokens = list(tokens)
        self.documents[step] = self.documents.get(step, 0) + bool(tokens)
        self.tokens[step] = self.tokens.get(step, 0) + len(tokens)
        self.vocabulary.setdefault(step, set()).update(tokens)

    def add_fates(self, fates: Iterable[tuple[str, str, int]]) -> None:
        """Count one document's first three steps from its words' fates (see ``scan``)."""
        fates = list(fates)
        documents = self.documents
        documents["raw"] = documents.get("raw", 0) + bool(fates)
        documents["stopwords"] = documents.get("stopwords", 0) + any(
            fate != STOPPED for _, _, fate in fates
        )
        documents["filters"] = documents.get("filters", 0) + any(
            fate == KEPT for _, _, fate in fates
        )
        self._fates.update(fates)

    def _fold_fates(self) -> None:
        """Add the counted fates to the first three steps' tokens and vocabularies."""
        if "raw" not in self.documents:
            return
        steps = {step: (0, set()) for step in ("raw", "stopwords", "filters")}
        for (raw, token, fate), n in self._fates.items():
            lower = raw.lower()
            counted = [("raw", lower)]
            if fate != STOPPED:
                counted.append(("stopwords", lower))
            if fate == KEPT:
                counted.append(("filters", token))
            for step, form in counted:
                tokens, vocabulary = steps[step]
                vocabulary.add(form)
                steps[step] = (tokens + n, vocabulary)
        for step, (tokens, vocabulary) in steps.items():
            self.tokens[step] = self.tokens.get(step, 0) + tokens
            self.vocabulary.setdefault(step, set()).update(vocabulary)
        self._fates.clear()

    def counts(self) -> dict[str, dict[str, int]]:
        """Per step: documents, tokens and vocabulary size."""
        self._fold_fates()
        return {
            step: {
                "documents": self.documents[step],
                "tokens": self.tokens[step],
                "vocabulary": len(self.vocabulary[step]),
            }
            for step in self.tokens
        }

    def merge(self, other: StepCounts) -> None:
        """Add ``other``'s counts to these."""
        self._fold_fates()
        other._fold_fates()
        for step in other.tokens:
            self.documents[step] = self.documents.get(step, 0) + other.documents[step]
            self.tokens[step] = self.tokens.get(step, 0) + other.tokens[step]
            self.vocabulary.setdefault(step, set()).update(other.vocabulary[step])

    def to_dict(self) -> dict[str, Any]:
        self._fold_fates()
        return {
            step: {
                "documents": self.documents[step],
                "tokens": self.tokens[step],
                "vocabulary": sorted(self.vocabulary[step]),
            }
            for step in self.tokens
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StepCounts:
        tally = cls()
        for step, counts in data.items():
            tally.documents[step] = counts["documents"]
            tally.tokens[step] = counts["tokens"]
            tally.vocabulary[step] = set(counts["vocabulary"])
        return tally


def attrition_rows(
    counts: dict[str, dict[str, int]], n_documents: int, pruning: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """One row per step in pipeline order: documents, tokens, vocabulary and what each lost.

    ``counts`` is ``StepCounts.counts()``; ``pruning`` the corpus stage's summary.
    """
    steps = {step: counts[step] for step in STEPS if step in counts}
    if pruning is not None:
        steps["pruning"] = pruning
    rows = []
    previous = None
    for step, measures in steps.items():
        documents, tokens = measures["documents"], measures["tokens"]
        vocabulary = measures["vocabulary"]
        rows.append(
            {
                "step": step,
                "documents": documents,
                "empty_documents": n_documents - documents,
                "tokens": tokens,
                "vocabulary": vocabulary,
                "tokens_removed": 0 if previous is None else previous[1] - tokens,
                "vocabulary_change": 0 if previous is None else vocabulary - previous[2],
                "description": STEPS[step],
            }
        )
        previous = (documents, tokens, vocabulary)
    return rows
