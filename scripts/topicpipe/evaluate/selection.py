"""The rule that picks the number of topics K and the seed of the final model.

Rules (``selection.rule``):

- ``stable_best``: among the K whose stability (mean match cosine across seeds)
  is at least ``min_stability``, take the one with the best mean ``metric`` over
  seeds; K whose mean is within ``tolerance`` of the best count as tied and the
  smallest of them wins. With a single seed stability is unknown and every K
  is eligible; if no K is stable enough, every K is eligible and the
  selection says so.
- ``fixed``: the user's ``k``.

Within the chosen K, the seed is the user's ``seed`` if given, else the most
representative model: the one whose topics best match the other seeds'
(highest stability), ties broken by the metric, then by the smaller seed.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

RULES = ("stable_best", "fixed")
# Metrics a rule may maximise; each is "higher is better" as stored in metrics.csv.
METRICS = ("npmi", "c_v", "u_mass", "heldout_loglik", "diversity", "exclusivity")


def _finite(value: float) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def by_k(metrics: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Mean of ``metric`` and of ``stability`` over seeds, one row per K."""
    table = metrics.groupby("k", as_index=False).agg(
        metric_mean=(metric, "mean"),
        metric_sd=(metric, "std"),
        stability=("stability", "mean"),
        n_seeds=("seed", "count"),
    )
    return table.sort_values("k", ignore_index=True)


def choose_k(metrics: pd.DataFrame, settings: dict[str, Any]) -> tuple[int, pd.DataFrame, str]:
    """Apply the rule to the per-model ``metrics``; return K, the per-K table and a note."""
    rule, metric = settings["rule"], settings["metric"]
    if rule not in RULES:
        raise ValueError(f"selection.rule: unknown rule {rule!r}; choose one of {RULES}")
    if metric not in METRICS:
        raise ValueError(f"selection.metric: unknown metric {metric!r}; choose one of {METRICS}")
    table = by_k(metrics, metric)
    if rule == "fixed":
        k = settings.get("k")
        if k is None or int(k) not in set(table["k"]):
            raise ValueError(
                f"selection.k: rule 'fixed' needs one of the trained K {list(table['k'])}, got {k}"
            )
        table["eligible"] = table["k"] == int(k)
        return int(k), table, f"K fixed by the user at {k}"
    note = ""
    if table["stability"].isna().all():
        table["eligible"] = True
        note = "one seed per K, so stability is unknown and every K was eligible; "
    else:
        table["eligible"] = table["stability"] >= settings["min_stability"]
        if not table["eligible"].any():
            table["eligible"] = True
            note = f"no K reached stability {settings['min_stability']}, so every K was eligible; "
    eligible = table[table["eligible"]]
    best = eligible["metric_mean"].max()
    tied = eligible[eligible["metric_mean"] >= best - settings["tolerance"]]
    k = int(tied["k"].min())
    note += (
        f"best mean {metric} among eligible K is {best:.4f}; "
        f"K within {settings['tolerance']} of it: {list(tied['k'])}; smallest is {k}"
    )
    return k, table, note


def choose_seed(metrics: pd.DataFrame, k: int, settings: dict[str, Any]) -> tuple[int, str]:
    """The seed of the final model among the models with ``k`` topics."""
    models = metrics[metrics["k"] == k]
    seed = settings.get("seed")
    if seed is not None:
        if int(seed) not in set(models["seed"]):
            raise ValueError(f"selection.seed: {seed} was not trained for K={k}")
        return int(seed), "seed fixed by the user"
    ranked = models.assign(
        _stab=models["stability"].fillna(0.0), _metric=models[settings["metric"]]
    ).sort_values(["_stab", "_metric", "seed"], ascending=[False, False, True])
    return int(ranked["seed"].iloc[0]), (
        "most representative seed: highest stability, then best "
        f"{settings['metric']}, then smallest seed"
    )


def select_model(metrics: pd.DataFrame, settings: dict[str, Any]) -> dict[str, Any]:
    """The selection as a JSON-ready dict: rule, K, seed, and the numbers that decided."""
    k, table, note = choose_k(metrics, settings)
    seed, seed_note = choose_seed(metrics, k, settings)
    chosen = metrics[(metrics["k"] == k) & (metrics["seed"] == seed)].iloc[0]
    candidates = [
        {key: _finite(value) for key, value in row.items()}
        for row in table.astype(object).to_dict(orient="records")
    ]
    return {
        "rule": dict(settings),
        "k": k,
        "seed": seed,
        "model": str(chosen["model"]),
        "why_k": note,
        "why_seed": seed_note,
        "by_k": candidates,
        "chosen_model_metrics": {
            key: _finite(value)
            for key, value in chosen.astype(object).to_dict().items()
            if key not in ("model",)
        },
    }
