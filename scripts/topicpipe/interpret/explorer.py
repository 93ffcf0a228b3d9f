"""The offline HTML explorer: one self-contained file (inline CSS, JS and data; no network).

Every piece of document text travels as JSON inside a ``<script type="application/json">``
element, with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., and the page's script puts
it on screen with ``textContent`` only, so a document that contains markup shows as text.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from topicpipe.interpret.distances import correlation_matrix, distance_matrix
from topicpipe.interpret.prevalence import is_placeholder
from topicpipe.interpret.term_rankings import relevance
from topicpipe.notes import Note
from topicpipe.plots.palette import ink_for

# The page's HTML template, style sheet and script, inlined into every explorer.
ASSETS = Path(__file__).with_name("explorer_assets")
# Terms kept per topic: the top ones by relevance at every λ on this grid, so that the
# page can re-rank them for any λ without the whole vocabulary.
LAMBDA_GRID = [i / 10 for i in range(11)]
# Besides every topic's candidate terms, the page knows this many of the corpus's most
# frequent terms (for search and for their spread over topics); the rest is left out to
# keep the file small.
SEARCH_TERMS = 5000
# A term's share of a topic is kept, in per mille, when at least this large (the map
# shows the rest as 0); whole per mille keep the page small.
MIN_TERM_PERMILLE = 10


def candidate_term_ids(
    phi: np.ndarray, p_term: np.ndarray, per_lambda: int = 30
) -> list[list[int]]:
    """Per topic, the ids of every term in its top ``per_lambda`` at any λ of
    ``LAMBDA_GRID``, most probable first."""
    result = []
    for k in range(len(phi)):
        keep: set[int] = set()
        for lam in LAMBDA_GRID:
            scores = relevance(phi[k : k + 1], p_term, lam)[0]
            keep.update(np.argsort(-scores, kind="stable")[:per_lambda].tolist())
        result.append(sorted(keep, key=lambda i, k=k: (-phi[k, i], i)))
    return result


def topic_tokens(theta: np.ndarray, n_tokens: Sequence[float]) -> np.ndarray:
    """How many tokens the model gives each topic: Σ over documents of length × share."""
    return np.asarray(n_tokens, dtype=float) @ theta


def term_topic_shares(phi: np.ndarray, tokens: np.ndarray) -> np.ndarray:
    """(V, K): how each term's occurrences spread over topics, p(k | w) ∝ φ_kw · tokens_k."""
    joint = phi.T * tokens[np.newaxis, :]
    total = joint.sum(axis=1, keepdims=True)
    return np.divide(joint, total, out=np.zeros_like(joint), where=total > 0)


def term_data(
    phi: np.ndarray,
    counts: np.ndarray,
    tokens: np.ndarray,
    terms: Sequence[str],
    candidates: list[list[int]],
) -> tuple[dict[str, list[list[Any]]], dict[str, list[Any]]]:
    """Per topic its candidate terms as [term, φ]; and per term of the page (candidates
    and the ``SEARCH_TERMS`` most frequent) [corpus count, [[topic, p(k | w) in ‰], …]]."""
    permille = np.rint(1000 * term_topic_shares(phi, tokens))
    frequent = np.argsort(-counts, kind="stable")[:SEARCH_TERMS]
    known = sorted({*frequent.tolist(), *(i for ids in candidates for i in ids)})
    vocabulary = {}
    for i in known:
        spread = [
            [int(k) + 1, int(permille[i, k])]
            for k in np.flatnonzero(permille[i] >= MIN_TERM_PERMILLE)
        ]
        vocabulary[terms[i]] = [int(counts[i]), spread]
    per_topic = {
        str(k + 1): [[terms[i], float(f"{phi[k, i]:.4g}")] for i in ids]
        for k, ids in enumerate(candidates)
    }
    return per_topic, vocabulary


def _clean(value: Any) -> Any:
    """JSON-safe scalars: NaN becomes null, numpy numbers become Python numbers."""
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else round(float(value), 6)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def _prevalence(over_time: pd.DataFrame, topics: Sequence[int]) -> dict[str, Any]:
    """The over-time table as the page draws it: periods once, and per topic its points."""
    if "note" in over_time.columns:
        return {
            "prevalence": None,
            "periods": [],
            "prevalence_note": str(over_time["note"].iloc[0]),
        }
    periods = over_time.drop_duplicates("period").sort_values("period_start")
    points: dict[str, list[list[Any]]] = {str(t): [] for t in topics}
    for row in over_time.sort_values(["topic", "period_start"]).itertuples():
        points[str(row.topic)].append(
            [_clean(row.mean_share), _clean(row.ci_low), _clean(row.ci_high)]
        )
    return {
        "prevalence": points,
        "periods": [
            {"period": str(r.period), "n": int(r.n_documents), "few": bool(r.few_documents)}
            for r in periods.itertuples()
        ],
        "prevalence_note": "",
    }


def pair_matrices(
    distances: pd.DataFrame, correlations: pd.DataFrame, k: int
) -> tuple[np.ndarray, np.ndarray | None]:
    """The K × K matrices of ``topic_distances.csv`` and ``topic_correlation.csv``; the
    correlations are ``None`` when that table holds only a note (too few documents)."""
    return (
        distance_matrix(distances, k),
        None if is_placeholder(correlations) else correlation_matrix(correlations),
    )


def explorer_data(
    summary: pd.DataFrame,
    colours: Mapping[int, str],
    term_lists: Mapping[str, list[list[Any]]],
    vocabulary: Mapping[str, list[Any]],
    tokens: np.ndarray,
    documents: tuple[Mapping[str, Any], Mapping[str, list[list[Any]]]],
    over_time: pd.DataFrame,
    intertopic: pd.DataFrame,
    pairs: tuple[np.ndarray, np.ndarray | None],
    options: Mapping[str, Any],
    notes: Sequence[Note] = (),
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data keyed by topic number, with the
    run's ``notes`` (automatic choices and warnings, ``run_notes.json``).

    ``term_lists`` and ``vocabulary`` come from ``term_data``, ``tokens`` from
    ``topic_tokens``, ``documents`` from ``explorer_documents.explorer_documents``;
    ``pairs`` are the K × K Jensen–Shannon distances and share correlations (``None`` when
    there were too few documents for them, ``pair_matrices``); ``options``
    holds ``lambda``, ``period``, ``shown_documents`` and ``text_chars``.
    """
    coords = intertopic.set_index("topic")
    topics = [
        {
            "topic": int(row.topic),
            "label": str(row.label),
            # Guardrail flags of topics.csv ("flat; empty"), "" when none fired.
            "flags": str(getattr(row, "flags", "") or ""),
            "colour": colours[int(row.topic)],
            "ink": ink_for(colours[int(row.topic)]),
            "prevalence": _clean(row.prevalence),
            "tokens": round(float(tokens[int(row.topic) - 1]), 1),
            "x": _clean(coords.loc[row.topic, "x"]),
            "y": _clean(coords.loc[row.topic, "y"]),
        }
        for row in summary.itertuples()
    ]
    distances, correlations = pairs
    docs, per_topic = documents
    return {
        "topics": topics,
        "terms": dict(term_lists),
        "vocabulary": dict(vocabulary),
        "total_tokens": int(round(float(np.sum(tokens)))),
        "documents": dict(docs),
        "topic_documents": dict(per_topic),
        "distances": np.round(distances, 3).tolist(),
        "correlations": None if correlations is None else np.round(correlations, 3).tolist(),
        **_prevalence(over_time, [t["topic"] for t in topics]),
        "lambda": options["lambda"],
        "period": options["period"],
        "shown_documents": options["shown_documents"],
        "text_chars": options["text_chars"],
        "notes": [
            {key: getattr(note, key) for key in ("kind", "subject", "value", "message", "override")}
            for note in notes
        ],
    }


def embed_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no "<", ">" or "&" characters."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_explorer(data: dict[str, Any], title: str) -> str:
    """The complete HTML page: the template with style, script and data inlined."""
    parts = {
        "TITLE": html.escape(title),
        "STYLE": (ASSETS / "explorer.css").read_text(encoding="utf-8"),
        "SCRIPT": (ASSETS / "explorer.js").read_text(encoding="utf-8"),
        "DATA": embed_json(data),
    }
    template = (ASSETS / "page.html").read_text(encoding="utf-8")
    # One pass, so that text put in cannot itself be taken for a placeholder.
    return re.sub(r"__(TITLE|STYLE|SCRIPT|DATA)__", lambda m: parts[m.group(1)], template)
