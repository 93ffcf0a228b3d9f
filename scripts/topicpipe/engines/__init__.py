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
# A model bundle (``results/model``, see ``topicpipe.apply.bundle``) keeps its topic model
# in this sub-folder; ``load_model`` takes the bundle's folder too.
BUNDLE_MODEL_DIR = "topic_model"


def get_engine(name: str) -> type[TopicEngine]:
    """Return the engine class registered under ``name``."""
    try:
        module, _, cls = ENGINES[name].rpartition(".")
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise ValueError(f"model.engine: unknown engine {name!r}; choose one of: {known}") from None
    return getattr(importlib.import_module(module), cls)


def load_model(directory: str | Path) -> TopicEngine:
    """Load a model saved by any engine's ``save`` (``engine.json`` names the engine), from
    its own folder or from the folder of a model bundle that holds it."""
    directory = Path(directory)
    if not (directory / "engine.json").exists() and (directory / BUNDLE_MODEL_DIR).is_dir():
        directory = directory / BUNDLE_MODEL_DIR
    meta = json.loads((directory / "engine.json").read_text(encoding="utf-8"))
    return get_engine(meta["engine"]).load(directory)


__all__ = ["BUNDLE_MODEL_DIR", "ENGINES", "TopicEngine", "get_engine", "load_model"]
