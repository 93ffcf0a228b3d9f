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

from topicpipe.interpret.term_rankings import relevance
from topicpipe.notes import Note

# The page's HTML template, style sheet and script, inlined into every explorer.
ASSETS = Path(__file__).with_name("explorer_assets")
# Terms kept per topic: the top ones by relevance at every λ on this grid, so that the
# page can re-rank them for any λ without the whole vocabulary.
LAMBDA_GRID = [i / 10 for i in range(11)]


def candidate_terms(
    phi: np.ndarray, p_term: np.ndarray, terms: Sequence[str], per_lambda: int = 30
) -> list[list[list[Any]]]:
    """Per topic, [term, log φ, log lift] of every term in the top ``per_lambda`` at any λ."""
    eps = 1e-12
    log_phi = np.log(phi + eps)
    log_lift = log_phi - np.log(p_term[np.newaxis, :] + eps)
    result = []
    for k in range(len(phi)):
        keep: set[int] = set()
        for lam in LAMBDA_GRID:
            scores = relevance(phi[k : k + 1], p_term, lam)[0]
            keep.update(np.argsort(-scores, kind="stable")[:per_lambda].tolist())
        rows = sorted(keep, key=lambda i, k=k: (-phi[k, i], terms[i]))
        result.append(
            [
                [terms[i], round(float(log_phi[k, i]), 5), round(float(log_lift[k, i]), 5)]
                for i in rows
            ]
        )
    return result


def _clean(value: Any) -> Any:
    """JSON-safe scalars: NaN becomes null, numpy numbers become Python numbers."""
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else round(float(value), 6)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def explorer_data(
    summary: pd.DataFrame,
    colours: Mapping[int, str],
    terms: list[list[list[Any]]],
    representative: pd.DataFrame,
    over_time: pd.DataFrame,
    intertopic: pd.DataFrame,
    default_lambda: float,
    period: str,
    notes: Sequence[Note] = (),
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data keyed by topic number, with the
    run's ``notes`` (automatic choices and warnings, ``run_notes.json``)."""
    topics = []
    coords = intertopic.set_index("topic")
    for row in summary.itertuples():
        topics.append(
            {
                "topic": int(row.topic),
                "label": str(row.label),
                "colour": colours[int(row.topic)],
                "prevalence": _clean(row.prevalence),
                "x": _clean(coords.loc[row.topic, "x"]),
                "y": _clean(coords.loc[row.topic, "y"]),
            }
        )
    documents: dict[str, list[dict[str, Any]]] = {str(t["topic"]): [] for t in topics}
    for row in representative.sort_values(["topic", "rank"]).itertuples():
        documents[str(row.topic)].append(
            {
                "title": str(row.title),
                "date": str(row.date),
                "source": str(row.source),
                "share": _clean(row.share),
                "snippet": str(row.snippet),
            }
        )
    prevalence: dict[str, list[dict[str, Any]]] | None = None
    note = ""
    if "note" in over_time.columns:
        note = str(over_time["note"].iloc[0])
    else:
        prevalence = {str(t["topic"]): [] for t in topics}
        for row in over_time.itertuples():
            prevalence[str(row.topic)].append(
                {
                    "period": str(row.period),
                    "mean": _clean(row.mean_share),
                    "low": _clean(row.ci_low),
                    "high": _clean(row.ci_high),
                    "n": _clean(row.n_documents),
                    "few": bool(row.few_documents),
                }
            )
    return {
        "topics": topics,
        "terms": {str(t["topic"]): terms[t["topic"] - 1] for t in topics},
        "documents": documents,
        "prevalence": prevalence,
        "prevalence_note": note,
        "lambda": default_lambda,
        "period": period,
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
