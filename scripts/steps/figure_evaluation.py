"""Snakemake adapter: figures of the sweep (metrics by K, coherence vs exclusivity,
convergence) and the chosen model's per-topic diagnostics."""

import json
from pathlib import Path

import pandas as pd

from topicpipe.interpret.labels import display_label
from topicpipe.logsetup import get_logger
from topicpipe.plots.diagnostics import plot_topic_diagnostics
from topicpipe.plots.metrics import plot_coherence_exclusivity, plot_convergence, plot_metrics_by_k
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_evaluation", smk.log[0])
dpi = smk.params.dpi

metrics = pd.read_csv(smk.input.metrics)
topics = pd.read_csv(smk.input.topics)
selected = json.loads(Path(smk.input.selected).read_text(encoding="utf-8"))
save_figure(plot_metrics_by_k(metrics, selected["k"]), smk.output.metrics, dpi)
save_figure(plot_coherence_exclusivity(metrics, selected["model"]), smk.output.scatter, dpi)

convergence = pd.concat(
    [
        pd.read_csv(path).assign(k=fit["k"], seed=fit["seed"])
        for path, fit in zip(
            smk.input.convergence,
            (json.loads(Path(p).read_text(encoding="utf-8")) for p in smk.input.fits),
            strict=True,
        )
    ]
)
if convergence.empty:
    log.warning("no held-out documents, so no convergence curve")
save_figure(plot_convergence(convergence), smk.output.convergence, dpi)

# The same topic names as every other figure and table (human label or top FREX terms).
summary = pd.read_csv(smk.input.labels).sort_values("topic")
labels = [
    display_label(t, label) for t, label in zip(summary["topic"], summary["label"], strict=True)
]
chosen = topics[topics["model"] == selected["model"]].sort_values("topic")
save_figure(plot_topic_diagnostics(chosen, labels), smk.output.diagnostics, dpi)
log.info("wrote the evaluation figures for %d models", len(metrics))
