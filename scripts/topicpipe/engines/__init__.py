"""Topic-model engines behind one small interface (see ``base.TopicEngine``)."""

from __future__ import annotations

import json
from pathlib import Path

from topicpipe.engines.base import TopicEngine
from topicpipe.engines.gensim_lda import GensimLda
from topicpipe.engines.tomotopy_lda import TomotopyLda

ENGINES: dict[str, type[TopicEngine]] = {engine.name: engine for engine in (GensimLda, TomotopyLda)}


def get_engine(name: str) -> type[TopicEngine]:
    """Return the engine class registered under ``name``."""
    try:
        return ENGINES[name]
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise ValueError(f"model.engine: unknown engine {name!r}; choose one of: {known}") from None


def load_model(directory: str | Path) -> TopicEngine:
    """Load a model saved by any engine's ``save`` (``engine.json`` names the engine)."""
    meta = json.loads((Path(directory) / "engine.json").read_text(encoding="utf-8"))
    return get_engine(meta["engine"]).load(directory)


__all__ = ["ENGINES", "TopicEngine", "get_engine", "load_model"]
