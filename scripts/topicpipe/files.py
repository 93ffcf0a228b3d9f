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
