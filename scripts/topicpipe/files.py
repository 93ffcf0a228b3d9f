"""Small file helpers shared by the stages: CSV rows and tables, JSON documents, UTF-8."""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

# Columns that hold document ids: always read as the strings written ("NA", "nan", "null",
# "None" and "007" are ids like any other).
ID_COLUMNS = ("id", "parent_id")


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write ``header`` and ``rows`` as a CSV file."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def read_json(path: str | Path) -> Any:
    """The JSON document in ``path``."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def write_json(path: str | Path, data: Any, newline: bool = False, **dump_options: Any) -> None:
    """Write ``data`` as JSON (``json.dump`` options as given), with a final newline if asked."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, **dump_options)
        if newline:
            handle.write("\n")


def read_table(path: str | Path, text: Collection[str] | None = ()) -> pd.DataFrame:
    """A CSV table written by the pipeline, with nothing read as missing that was written.

    Id columns (``ID_COLUMNS``) and the ``text`` columns (every column when ``text`` is
    None) are strings exactly as written, an empty cell as ""; in the other columns only
    an empty cell is missing (pandas would also turn "NA", "nan", "null" and "None" into
    NaN), and numbers are numbers. Every table of the pipeline is read through here.
    """
    # Imported here: the stages that only stream JSON Lines (ingest) need not load pandas.
    import pandas as pd

    header = list(pd.read_csv(path, nrows=0).columns)
    as_text = {c for c in header if text is None or c in text or c in ID_COLUMNS}
    return pd.read_csv(
        path,
        dtype=dict.fromkeys(as_text, str),
        keep_default_na=False,
        na_values={c: [""] for c in header if c not in as_text},
    )


def save_unstamped(saved: Any, path: str | Path, *parts: Any, **options: Any) -> None:
    """``saved.save(path, **options)`` for a gensim object (with ``parts``, objects its save
    writes too, such as an LDA model's state), without the record gensim otherwise writes
    into the file of the time, host and Python of every save (``lifecycle_events``), which
    would make two identical runs write different files and checksums."""
    for stamped in (saved, *parts):
        stamped.lifecycle_events = None
    saved.save(str(path), **options)
