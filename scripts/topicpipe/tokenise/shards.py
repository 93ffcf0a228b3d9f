"""Shards: document *i* goes to shard *i* mod *n*; merging takes one line from each in turn.

Every step applied to a document depends only on that document and on models
fitted to the whole corpus, so the merged output is the same for any shard count.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any


def shard_records(path: str | Path, shard: int, n_shards: int) -> Iterator[dict[str, Any]]:
    """The JSON Lines records of ``path`` that belong to ``shard`` (others are not decoded)."""
    with open(path, encoding="utf-8") as handle:
        index = 0
        for line in handle:
            if not line.strip():
                continue
            if index % n_shards == shard:
                yield json.loads(line)
            index += 1


def interleave(paths: list[str | Path]) -> Iterator[str]:
    """Lines of the shard files in document order: one from each shard in turn."""
    with ExitStack() as stack:
        handles = [stack.enter_context(open(p, encoding="utf-8")) for p in paths]
        while True:
            for number, handle in enumerate(handles):
                line = handle.readline()
                if not line:
                    for rest in handles[number + 1 :] + handles[:number]:
                        if rest.readline():
                            raise ValueError(f"shard {paths[number]} ended before the others")
                    return
                yield line
