"""Document metadata for interpretation: titles, dates, sources, authors and other fields, no
text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

BASE_FIELDS = ["id", "parent_id", "title", "date", "source", "author"]


def document_metadata(records: Iterable[Mapping[str, Any]], wanted: set[str]) -> pd.DataFrame:
    """One row per record whose id is in ``wanted``: the base fields plus every ``meta`` key.

    Text is dropped so that large corpora stay small in memory. Missing fields become "";
    a ``meta`` key that clashes with a base field is kept as ``meta_<key>``.
    """
    rows = []
    for record in records:
        if record.get("id") not in wanted:
            continue
        row = {name: _text(record.get(name)) for name in BASE_FIELDS}
        row["parent_id"] = row["parent_id"] or row["id"]
        for key, value in (record.get("meta") or {}).items():
            row[f"meta_{key}" if key in row else key] = _text(value)
        rows.append(row)
    table = pd.DataFrame(rows)
    for name in BASE_FIELDS:
        if name not in table:
            table[name] = pd.Series(dtype=object)
    return table.fillna("")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def texts_of(records: Iterable[Mapping[str, Any]], wanted: set[str]) -> dict[str, str]:
    """The text of each record whose id is in ``wanted`` (one streamed pass)."""
    return {r["id"]: r.get("text", "") for r in records if r.get("id") in wanted}


def modelled_units(rows: pd.DataFrame, records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The modelled documents (articles, or paragraphs) in corpus row order, with metadata.

    ``rows`` is the corpus stage's ``documents.csv`` (``id``, ``n_tokens``); ``records``
    the ingest stage's documents. Every unit names its article in ``parent_id`` (its own
    id for whole articles).
    """
    meta = document_metadata(records, set(rows["id"]))
    units = rows[["id", "n_tokens"]].merge(meta, on="id", how="left", validate="one_to_one")
    units = units.fillna("")
    units["parent_id"] = units["parent_id"].where(units["parent_id"] != "", units["id"])
    return units
