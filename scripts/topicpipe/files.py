"""Small file helpers shared by the stages: CSV rows and JSON documents, UTF-8."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


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


def save_unstamped(saved: Any, path: str | Path, *parts: Any, **options: Any) -> None:
    """``saved.save(path, **options)`` for a gensim object (with ``parts``, objects its save
    writes too, such as an LDA model's state), without the record gensim otherwise writes
    into the file of the time, host and Python of every save (``lifecycle_events``), which
    would make two identical runs write different files and checksums."""
    for stamped in (saved, *parts):
        stamped.lifecycle_events = None
    saved.save(str(path), **options)
