"""A small synthetic explorer page shared by the explorer tests (no real article text)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from topicpipe.interpret.explorer import explorer_data, render_explorer, term_data
from topicpipe.interpret.explorer_documents import explorer_documents
from topicpipe.interpret.representative import keyword_matchers
from topicpipe.notes import choice, warning

SCRIPT_TITLE = "<script>alert(1)</script>"
IMG_TEXT = 'Talks resumed <img src=x onerror="window.__xss=1"> & sanctions eased.'
LONG_TERM = "organization_of_the_petroleum_exporting_countries"
# The run's notes: a warning (whose text must stay text) and an automatic choice.
NOTES = [
    warning("topics", "flat_topic", "topic 2", "near-uniform <b>terms</b>", "train fewer topics"),
    choice("ingest", "ingest.unit", "paragraph", "3 articles", "set ingest.unit"),
]

# Topic 1 has a frequent, unspecific term ("said") and a rare, specific one
# ("enrichment"), so λ = 1 and λ = 0 rank them differently; "oil" is in both topics.
TERMS = ["said", "nuclear", "talks", "enrichment", "oil", "price", "barrel", LONG_TERM]
COUNTS = np.array([500.0, 120.0, 80.0, 3.0, 150.0, 90.0, 20.0, 15.0])
PHI = np.array(
    [
        [0.40, 0.25, 0.15, 0.06, 0.10, 0.02, 0.01, 0.01],
        [0.20, 0.01, 0.01, 0.001, 0.36, 0.25, 0.10, 0.069],
    ]
)
TOKENS = np.array([600.0, 400.0])
BY_PROBABILITY = ["said", "nuclear", "talks", "oil", "enrichment"]
BY_LIFT = ["enrichment", "nuclear", "talks", "said", "oil"]
# Documents: topic 1 has 8 (so "show more" has something to show), topic 2 three.
N_DOCS = 11
TEXT_CHARS = 200


def documents() -> tuple[pd.DataFrame, np.ndarray, dict[str, dict[str, str]]]:
    """Article table, shares and texts: the first has a hostile title and text, the third
    a text longer than ``TEXT_CHARS``."""
    ids = [f"a{i:02d}" for i in range(N_DOCS)]
    theta = np.array([[0.95 - 0.05 * i, 0.05 + 0.05 * i] for i in range(8)] + [[0.1, 0.9]] * 3)
    articles = pd.DataFrame(
        {
            "id": ids,
            "title": [SCRIPT_TITLE, "Second article", "A long article"]
            + [f"Article {i}" for i in range(3, N_DOCS)],
            "date": ["2016-01-05", "", "2016-03-01"] + ["2016-01-10"] * (N_DOCS - 3),
            "source": ["Outlet A", "Outlet B"] * 5 + ["Outlet A"],
        }
    )
    records = {i: {"text": f"Text of {i} about oil and talks.", "author": ""} for i in ids}
    records["a00"] = {"text": IMG_TEXT, "author": "Anna Kessler"}
    records["a02"] = {"text": "Enrichment talks went on. " * 20, "author": ""}
    return articles, theta, records


NO_DATES = "None of the 11 documents has a date."


def page_data(dated: bool = True) -> dict:
    """Explorer data with two topics, three monthly periods (one empty, one with few
    documents) and a hostile document; undated, the prevalence table is only a note and
    there are no correlations (too few documents)."""
    summary = pd.DataFrame(
        {
            "topic": [1, 2],
            "label": ["Nuclear talks", "oil, price, barrel"],
            "prevalence": [0.6, 0.4],
            # As the run notes say: topic 2 is flat.
            "flags": ["", "flat"],
        }
    )
    term_lists, vocabulary = term_data(
        PHI, COUNTS, TOKENS, TERMS, [[0, 1, 2, 4, 3], [4, 5, 6, 7, 0]]
    )
    articles, theta, records = documents()
    keywords = {1: ["talks", "nuclear"], 2: ["oil"]}
    rows = []
    for topic in (1, 2):
        for period, n, few in (("2016-01", 6, False), ("2016-02", 0, True), ("2016-03", 2, True)):
            mean = float("nan") if n == 0 else 0.3 * topic
            rows.append(
                {
                    "period": period,
                    "period_start": f"{period}-01",
                    "topic": topic,
                    "mean_share": mean,
                    "ci_low": mean - 0.1,
                    "ci_high": mean + 0.1,
                    "n_documents": n,
                    "few_documents": few,
                }
            )
    intertopic = pd.DataFrame({"topic": [1, 2], "x": [-0.2, 0.2], "y": [0.0, 0.1]})
    return explorer_data(
        summary,
        {1: "#0072B2", 2: "#E69F00"},
        term_lists,
        vocabulary,
        TOKENS,
        explorer_documents(
            articles,
            theta,
            records,
            keyword_matchers(keywords, lambda word: (word.lower(),)),
            20,
            0.0,
            TEXT_CHARS,
            60,
        ),
        pd.DataFrame(rows) if dated else pd.DataFrame({"note": [NO_DATES]}),
        intertopic,
        # Undated stands for a small corpus too: too few documents for correlations.
        (
            np.array([[0.0, 0.7], [0.7, 0.0]]),
            np.array([[1.0, -0.8], [-0.8, 1.0]]) if dated else None,
        ),
        {"lambda": 0.6, "period": "month", "shown_documents": 5, "text_chars": TEXT_CHARS},
        NOTES,
    )


def page_html(dated: bool = True) -> str:
    return render_explorer(page_data(dated), "Test explorer <b>not bold</b>")
