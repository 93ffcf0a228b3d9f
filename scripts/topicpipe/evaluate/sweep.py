"""The grid of models a sweep trains: every number of topics K with every seed."""

from __future__ import annotations

from typing import Any


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


def model_name(k: int, seed: int) -> str:
    """The folder name of one model of the sweep, e.g. ``k10_seed42``."""
    return f"k{k}_seed{seed}"


def sweep_grid(model_config: dict[str, Any]) -> list[tuple[int, int]]:
    """All (K, seed) pairs of the sweep, K ascending then seeds in config order."""
    return [(k, s) for k in k_values(model_config["k"]) for s in seed_values(model_config["seeds"])]


def engine_params(options: dict[str, Any], k: int, seed: int) -> dict[str, Any]:
    """The engine's training parameters for one (K, seed) model of the sweep: the engine's
    own section of ``model`` (``model.<engine>``), flat, with K and the seed."""
    engine = options["engine"]
    params = {"engine": engine, **(options.get(engine) or {})}
    params.update(num_topics=int(k), random_state=int(seed))
    return params
