"""Rule figure_evaluation: figures of the sweep (metrics by K, coherence against exclusivity,
convergence) and the chosen model's per-topic diagnostics."""

import pandas as pd

from topicpipe.adapt import skipped_footnote
from topicpipe.engines.training import sweep_convergence
from topicpipe.evaluate.scoring import model_topics
from topicpipe.files import read_json
from topicpipe.interpret.labels import display_labels, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.diagnostics import plot_topic_diagnostics
from topicpipe.plots.guarded import with_footnote
from topicpipe.plots.metrics import plot_coherence_exclusivity, plot_convergence, plot_metrics_by_k
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_evaluation", smk.log[0])
out, dpi = smk.output, smk.params.dpi
metrics = pd.read_csv(smk.input.metrics)
selected = read_json(smk.input.selected)
fits = [read_json(path) for path in smk.input.fits]
convergence = sweep_convergence([pd.read_csv(path) for path in smk.input.convergence], fits)
if convergence.empty:
    log.warning("no held-out documents, so no convergence curve")
chosen = model_topics(pd.read_csv(smk.input.topics), selected["model"])
# The same topic names as every other figure and table (human label or top FREX terms).
labels = display_labels(read_topic_table(smk.input.labels))
save_figure(
    with_footnote(plot_metrics_by_k(metrics, selected["k"]), skipped_footnote(fits)),
    out.metrics,
    dpi,
)
save_figure(plot_coherence_exclusivity(metrics, selected["model"]), out.scatter, dpi)
save_figure(plot_convergence(convergence), out.convergence, dpi)
save_figure(plot_topic_diagnostics(chosen, labels), out.diagnostics, dpi)
log.info("wrote the evaluation figures for %d models", len(metrics))
