"""Topic-model engines behind one small interface (see ``base.TopicEngine``)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from topicpipe.engines.base import TopicEngine

# Each engine's class by its import path. It is imported only when the engine is used, so
# that the workflow, which parses ``engines.sweep`` on every snakemake call, does not pay
# for importing gensim and tomotopy.
ENGINES: dict[str, str] = {
    "gensim": "topicpipe.engines.gensim_lda.GensimLda",
    "tomotopy": "topicpipe.engines.tomotopy_lda.TomotopyLda",
}


def get_engine(name: str) -> type[TopicEngine]:
    """Return the engine class registered under ``name``."""
    try:
        module, _, cls = ENGINES[name].rpartition(".")
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise ValueError(f"model.engine: unknown engine {name!r}; choose one of: {known}") from None
    return getattr(importlib.import_module(module), cls)


def load_model(directory: str | Path) -> TopicEngine:
    """Load a model saved by any engine's ``save`` (``engine.json`` names the engine)."""
    meta = json.loads((Path(directory) / "engine.json").read_text(encoding="utf-8"))
    return get_engine(meta["engine"]).load(directory)


__all__ = ["ENGINES", "TopicEngine", "get_engine", "load_model"]
