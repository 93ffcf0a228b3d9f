"""A small synthetic explorer page shared by the explorer tests (no real article text)."""

from __future__ import annotations

import pandas as pd

from topicpipe.interpret.explorer import explorer_data, render_explorer
from topicpipe.notes import choice, warning

SCRIPT_TITLE = "<script>alert(1)</script>"
IMG_SNIPPET = 'Talks resumed <img src=x onerror="window.__xss=1"> & sanctions eased.'
# The run's notes: a warning (whose text must stay text) and an automatic choice.
NOTES = [
    warning("topics", "flat_topic", "topic 2", "near-uniform <b>terms</b>", "train fewer topics"),
    choice("ingest", "ingest.unit", "paragraph", "3 articles", "set ingest.unit"),
]

# Per topic: [term, log φ, log lift]. Topic 1 has a frequent, unspecific term ("said") and
# a rare, specific one ("enrichment"), so λ = 1 and λ = 0 rank them differently.
TERMS = [
    [
        ["said", -1.0, 0.1],
        ["nuclear", -1.5, 1.0],
        ["talks", -2.0, 0.8],
        ["enrichment", -4.0, 3.0],
    ],
    [["oil", -1.2, 1.1], ["price", -1.4, 0.9], ["barrel", -3.0, 2.5]],
]
BY_PROBABILITY = ["said", "nuclear", "talks", "enrichment"]
BY_LIFT = ["enrichment", "nuclear", "talks", "said"]


def page_data() -> dict:
    """Explorer data with two topics, three dated periods and a hostile document."""
    summary = pd.DataFrame(
        {
            "topic": [1, 2],
            "label": ["Nuclear talks", "oil, price, barrel"],
            "prevalence": [0.6, 0.4],
        }
    )
    representative = pd.DataFrame(
        {
            "topic": [1, 1, 2],
            "rank": [1, 2, 1],
            "title": [SCRIPT_TITLE, "Second article", "Oil article"],
            "date": ["2016-01-05", "", "2016-03-01"],
            "source": ["Outlet A", "Outlet B", "Outlet A"],
            "share": [0.9, 0.7, 0.8],
            "snippet": [IMG_SNIPPET, "A plain snippet.", "Prices fell."],
        }
    )
    rows = []
    for topic in (1, 2):
        for period, n, few in (("2016-01", 6, False), ("2016-02", 0, True), ("2016-03", 2, True)):
            mean = None if n == 0 else 0.3 * topic
            rows.append(
                {
                    "period": period,
                    "topic": topic,
                    "mean_share": mean if mean is not None else float("nan"),
                    "ci_low": (mean or float("nan")) - 0.1,
                    "ci_high": (mean or float("nan")) + 0.1,
                    "n_documents": n,
                    "few_documents": few,
                }
            )
    intertopic = pd.DataFrame({"topic": [1, 2], "x": [-0.2, 0.2], "y": [0.0, 0.1]})
    return explorer_data(
        summary,
        {1: "#0072B2", 2: "#E69F00"},
        TERMS,
        representative,
        pd.DataFrame(rows),
        intertopic,
        0.6,
        "month",
        NOTES,
    )


def page_html() -> str:
    return render_explorer(page_data(), "Test explorer <b>not bold</b>")
