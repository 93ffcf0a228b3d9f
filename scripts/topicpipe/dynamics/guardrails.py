"""What a reader of the dynamics results should know first: the stage's run notes.

The dynamics rules leave documents and periods out for reasons of their own (no date, a
period too thin to model, no model at all) and can match a dynamic topic only loosely to its
static topic. Each such case is a warning note (``topicpipe.notes``), written to
``results/notes/dynamics_fit.json`` or ``dynamics_tables.json`` and gathered into
``run_notes.md`` with every other rule's notes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from topicpipe.dynamics.periods import EMPTY, LONGER_PERIODS
from topicpipe.interpret.prevalence import GIVE_DATES
from topicpipe.notes import Note, count, warning

FIT_RULE = "dynamics_fit"
TABLES_RULE = "dynamics_tables"
# Most gap periods named in a note; the rest are counted (all are in periods.csv).
LISTED_PERIODS = 6


def fit_notes(summary: Mapping[str, Any]) -> list[Note]:
    """The notes of rule ``dynamics_fit`` from its ``fit.json`` ``summary``: why there is no
    model, or the undated documents and the gap periods the model leaves out."""
    n_undated, n_documents = summary["n_undated"], summary["n_documents"]
    if "note" in summary:
        fix = GIVE_DATES if n_undated == n_documents else LONGER_PERIODS
        # The summary's note ends with the fix; the run note gives it once, as the override.
        message = summary["note"].removesuffix(f" {fix}.")
        return [warning(FIT_RULE, "dynamics_no_model", "no dynamic model", message, fix)]
    notes = []
    if n_undated:
        notes.append(
            warning(
                FIT_RULE,
                "dynamics_undated",
                count(n_undated, "document"),
                f"{n_undated} of the {n_documents} documents have no date: the dynamic model, "
                "its tables and figures leave them out (every other table has them; "
                "dynamics/documents.csv marks them undated)",
                GIVE_DATES,
            )
        )
    gaps = summary["gaps"]
    if gaps:
        notes.append(gap_note(gaps, summary))
    return notes


def gap_note(gaps: Sequence[Mapping[str, Any]], summary: Mapping[str, Any]) -> Note:
    """The warning that names the gap periods (``fit.json``'s ``gaps``): not modelled, not
    interpolated, and the dated documents in thin periods left out."""
    names = [str(gap["period"]) for gap in gaps]
    listed = ", ".join(names[:LISTED_PERIODS])
    if len(names) > LISTED_PERIODS:
        listed += f" and {len(names) - LISTED_PERIODS} more"
    empty = sum(1 for gap in gaps if gap["status"] == EMPTY)
    thin = len(gaps) - empty
    kinds = []
    if empty:
        kinds.append(f"{empty} without documents")
    if thin:
        kinds.append(
            f"{thin} with fewer than dynamics.min_documents ({summary['min_documents']}), "
            f"whose {count(summary['n_left_out'], 'dated document')} are left out"
        )
    return warning(
        FIT_RULE,
        "dynamics_gaps",
        f"{count(len(gaps), summary['period'] + ' period')}: {listed}",
        f"{len(gaps)} of the {summary['periods']} {summary['period']} periods "
        f"{'is a gap' if len(gaps) == 1 else 'are gaps'} ({'; '.join(kinds)}): not modelled, "
        "and nothing is interpolated across them; tables leave their values empty and figures "
        "mark them",
        LONGER_PERIODS,
    )


def link_notes(links: pd.DataFrame, min_cosine: float) -> list[Note]:
    """A warning naming the topics whose matched dynamic topic is not close
    (``topic_links.csv`` rows with ``linked`` false)."""
    loose = links[~links["linked"]]
    if loose.empty:
        return []
    topics = ", ".join(f"{row.topic} (cosine {row.cosine:.2f})" for row in loose.itertuples())
    return [
        warning(
            TABLES_RULE,
            "dynamics_loose_link",
            f"topic{'s' * (len(loose) > 1)} {', '.join(str(t) for t in loose['topic'])}",
            f"the dynamic topic matched to topic {topics} is less close to it than "
            f"dynamics.min_link_cosine ({min_cosine:g}): its words over time may follow "
            "another theme; read its trajectories and term changes with care "
            "(dynamics/topic_links.csv)",
            "compare its terms by period (dynamics/topic_terms_by_period.csv) with topics.md "
            "before relying on it; dynamics.min_link_cosine sets how close a match must be",
        )
    ]
