"""The K x seed sweep: which models are trained, where each one lives, what it is trained with.

This module owns the convention: every (K, seed) model is a folder ``k{K}_seed{S}``
(``MODEL_DIR``) under ``results/models/`` holding ``SWEEP_FILES``; the rules, the
training step and the copy of the selected model all build or read paths here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# One model of the sweep; "{k}" and "{seed}" are the rule's wildcards.
MODEL_DIR = "k{k}_seed{seed}"
# What the training job of one model writes into its folder.
SWEEP_FILES = ("model", "doc_topics.npy", "convergence.csv", "fit.json")
# Keys of the ``model`` section that make the grid, not one model's training options:
# adding a K or a seed must not retrain the models already there.
GRID_KEYS = ("k", "seeds")
# Keys that sat directly under ``model`` before each engine had its own section.
MOVED_KEYS = ("passes", "iterations", "alpha", "eta", "chunksize")
# Keys of an engine's section that other keys replaced, with what to write instead.
REPLACED_KEYS = {
    ("tomotopy", "infer_iterations"): (
        "tomotopy's topic shares are now inferred by EM fold-in with the topics fixed, not by "
        "Gibbs sweeps: write model.tomotopy.infer_tolerance (stop once no share moves by this "
        "much) and model.tomotopy.infer_max_iterations instead (see config.yaml)"
    ),
}


class SweepError(ValueError):
    """The sweep cannot be trained on this corpus (the message names the setting to change)."""


def k_values(spec: int | list[int] | dict[str, int]) -> list[int]:
    """The K values of ``model.k``: one integer, a list, or ``{from, to, by}`` (``to`` included)."""
    if isinstance(spec, bool):
        raise ValueError("model.k: expected an integer, a list or {from, to, by}")
    if isinstance(spec, int):
        values = [spec]
    elif isinstance(spec, dict):
        start, stop, step = int(spec["from"]), int(spec["to"]), int(spec.get("by", 1))
        if step < 1 or stop < start:
            raise ValueError(f"model.k: empty range {spec}; need from <= to and by >= 1")
        values = list(range(start, stop + 1, step))
    else:
        values = [int(k) for k in spec]
    if len(set(values)) != len(values):
        raise ValueError(f"model.k: repeated values in {values}")
    if not values or min(values) < 2:
        raise ValueError(f"model.k: every K must be at least 2, got {values}")
    return sorted(values)


def seed_values(seeds: int | list[int]) -> list[int]:
    """The seeds of ``model.seeds`` (one integer or a list of distinct integers)."""
    values = [seeds] if isinstance(seeds, int) else [int(s) for s in seeds]
    if not values or len(set(values)) != len(values):
        raise ValueError(f"model.seeds: need one or more distinct seeds, got {seeds}")
    return values


def trains(k: int, max_k: int, smallest: bool) -> bool:
    """Whether the sweep trains K: every K up to ``max_k``, and its smallest K even above it
    (so that every run has a model)."""
    return k <= max_k or smallest


def trained_k(ks: Sequence[int], max_k: int) -> list[int]:
    """The K of the sweep ``ks`` that are trained under ``max_k`` (see ``trains``)."""
    return [k for k in ks if trains(k, max_k, k == min(ks))]


def sweep_fit(ks: Sequence[int], sets: Sequence[str], max_k: int) -> dict[str, Any]:
    """What the sweep is trained on: K values (all, trained and skipped under ``max_k``)
    and documents by set (``heldout_split.csv``'s ``set`` column).

    Raises ``SweepError`` when ``max_k`` lets through a K larger than the training
    documents: such a model has more topics than documents to tell them apart, so it is
    refused before any model trains. (With ``model.max_k: auto`` the cap is below the
    documents, so such a K is skipped instead; the smallest K trained above the cap is
    flagged by the sweep's notes.)"""
    n_train = sum(1 for name in sets if name == "train")
    n_heldout = len(sets) - n_train
    too_large = [k for k in ks if n_train < k <= max_k]
    if too_large:
        listed = ", ".join(str(k) for k in too_large)
        fitting = [k for k in ks if k <= n_train]
        example = f" (e.g. --config 'model={{\"k\": {fitting}}}')" if fitting else ""
        more = "give more documents (ingest.unit: paragraph models each article's paragraphs)"
        fix = f"Use K of at most {n_train}{example}, or {more}" if n_train >= 2 else more
        raise SweepError(
            f"model.k: K = {listed} is more than the {n_train} documents the models are "
            f"trained on ({len(sets)} modelled, {n_heldout} held out; see "
            f"results/corpus/documents.csv and results/evaluation/heldout_split.csv), and "
            f"model.max_k ({max_k}) lets it train. {fix[0].upper()}{fix[1:]}; or set "
            "model.max_k: auto, which skips the K the documents cannot support."
        )
    trained = trained_k(ks, max_k)
    return {
        "k": list(ks),
        "trained": trained,
        "skipped": [k for k in ks if k not in trained],
        "max_k": max_k,
        "documents": len(sets),
        "train": n_train,
        "heldout": n_heldout,
    }


def model_name(k: int, seed: int) -> str:
    """The folder name of one model of the sweep, e.g. ``k10_seed42``."""
    return MODEL_DIR.format(k=k, seed=seed)


def sweep_grid(model_config: Mapping[str, Any]) -> list[tuple[int, int]]:
    """All (K, seed) pairs of the sweep, K ascending then seeds in config order."""
    return [(k, s) for k in k_values(model_config["k"]) for s in seed_values(model_config["seeds"])]


def sweep_paths(root: str, model_config: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each file of every model of the sweep under ``root``, e.g. ``paths["fit.json"]``."""
    return {
        name: [f"{root}/{model_name(k, seed)}/{name}" for k, seed in sweep_grid(model_config)]
        for name in SWEEP_FILES
    }


def training_options(model_config: Mapping[str, Any]) -> dict[str, Any]:
    """What changes a trained model: the engine's name and its own section of ``model``.

    Without the grid (K, seeds) and the other engines' settings, so that adding a K or a
    seed, or tuning the engine not in use, retrains none of the models already there.
    """
    engine = model_config["engine"]
    return {"engine": engine, engine: dict(model_config.get(engine) or {})}


def training_threads(model_config: Mapping[str, Any]) -> int:
    """Cores one training job uses: the engine's ``workers`` (gensim's ``LdaModel`` uses one)."""
    section = model_config.get(model_config["engine"]) or {}
    return int(section.get("workers", 1))


def engine_params(options: Mapping[str, Any], k: int, seed: int) -> dict[str, Any]:
    """The engine's training parameters for one (K, seed) model of the sweep: the engine's
    own section of ``training_options`` (``model.<engine>``), flat, with K and the seed."""
    engine = options["engine"]
    return {
        "engine": engine,
        **(options.get(engine) or {}),
        "num_topics": int(k),
        "random_state": int(seed),
    }


def moved_keys_message(model_config: Mapping[str, Any]) -> str:
    """A message naming keys of the old flat ``model`` layout, or replaced keys of an
    engine's section (``REPLACED_KEYS``), in use; "" if none are."""
    messages = [
        f"model.{engine}.{key}: {instead}"
        for (engine, key), instead in REPLACED_KEYS.items()
        if isinstance(model_config.get(engine), Mapping) and key in model_config[engine]
    ]
    moved = [key for key in MOVED_KEYS if key in model_config]
    if moved:
        old = ", ".join(f"model.{key}" for key in moved)
        new = ", ".join(f"model.gensim.{key}" for key in moved)
        messages.insert(
            0,
            f"{old}: engine settings now live under the engine's own key. For gensim write "
            f"{new}; tomotopy's settings are under model.tomotopy (see config.yaml).",
        )
    return " ".join(messages)


def selected_path(paths: Sequence[str], selected: Mapping[str, Any]) -> str:
    """Of the sweep's ``paths`` to one kind of file, the selected model's.

    ``selected`` is ``selected.json`` (its ``k`` and ``seed``).
    """
    name = model_name(selected["k"], selected["seed"])
    for path in paths:
        if name in Path(path).parts:
            return path
    raise ValueError(
        f"the selected model {name} is not in the sweep of model.k and model.seeds; "
        "check selection.k and selection.seed in config.yaml"
    )
