"""Topic-model engines behind one small interface (see ``base.TopicEngine``)."""

from __future__ import annotations

import json
from pathlib import Path

from topicpipe.engines.base import TopicEngine
from topicpipe.engines.gensim_lda import GensimLda
from topicpipe.engines.tomotopy_lda import TomotopyLda

ENGINES: dict[str, type[TopicEngine]] = {engine.name: engine for engine in (GensimLda, TomotopyLda)}
# A model bundle (``results/model``, see ``topicpipe.apply.bundle``) keeps its topic model
# in this sub-folder; ``load_model`` takes the bundle's folder too.
BUNDLE_MODEL_DIR = "topic_model"


def get_engine(name: str) -> type[TopicEngine]:
    """Return the engine class registered under ``name``."""
    try:
        return ENGINES[name]
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise ValueError(f"model.engine: unknown engine {name!r}; choose one of: {known}") from None


def load_model(directory: str | Path) -> TopicEngine:
    """Load a model saved by any engine's ``save`` (``engine.json`` names the engine), from
    its own folder or from the folder of a model bundle that holds it."""
    directory = Path(directory)
    if not (directory / "engine.json").exists() and (directory / BUNDLE_MODEL_DIR).is_dir():
        directory = directory / BUNDLE_MODEL_DIR
    meta = json.loads((directory / "engine.json").read_text(encoding="utf-8"))
    return get_engine(meta["engine"]).load(directory)


__all__ = ["BUNDLE_MODEL_DIR", "ENGINES", "TopicEngine", "get_engine", "load_model"]
