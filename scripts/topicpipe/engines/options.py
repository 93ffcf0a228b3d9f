"""The config keys a training job uses, and where the keys of the old flat layout went.

Each engine reads its settings from its own section, ``model.<engine>``
(``model.gensim.passes``, ``model.tomotopy.iterations``), so that the settings of
one engine never change or retrain the models of another.
"""

from __future__ import annotations

from typing import Any

# Keys that sat directly under ``model`` before engines had their own sections.
MOVED_KEYS = ("passes", "iterations", "alpha", "eta", "chunksize")


def moved_keys_message(model_config: dict[str, Any]) -> str:
    """A message naming keys of the old flat ``model`` layout in use, or "" if none are."""
    moved = [key for key in MOVED_KEYS if key in model_config]
    if not moved:
        return ""
    old = ", ".join(f"model.{key}" for key in moved)
    new = ", ".join(f"model.gensim.{key}" for key in moved)
    return (
        f"{old}: engine settings now live under the engine's own key. For gensim write "
        f"{new}; tomotopy's settings are under model.tomotopy (see config.yaml)."
    )


def training_options(model_config: dict[str, Any]) -> dict[str, Any]:
    """What changes a trained model: the engine's name and its own section of ``model``.

    Without K, the seeds and the other engines' settings, so that adding a K or a seed,
    or tuning the engine not in use, retrains none of the models already there.
    """
    engine = model_config["engine"]
    return {"engine": engine, engine: dict(model_config.get(engine) or {})}


def training_threads(model_config: dict[str, Any]) -> int:
    """Cores one training job uses: the engine's ``workers`` (gensim's ``LdaModel`` uses one)."""
    section = model_config.get(model_config["engine"]) or {}
    return int(section.get("workers", 1))
