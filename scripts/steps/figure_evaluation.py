"""Rule figure_evaluation: figures of the sweep (metrics by K, coherence against exclusivity,
convergence) and the chosen model's per-topic diagnostics."""

from topicpipe.adapt import skipped_footnote
from topicpipe.engines.training import sweep_convergence
from topicpipe.evaluate.scoring import model_topics
from topicpipe.files import read_json, read_table
from topicpipe.interpret.guardrails import flagged_topics
from topicpipe.interpret.labels import display_labels, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.diagnostics import plot_topic_diagnostics
from topicpipe.plots.layout import figure_width
from topicpipe.plots.metrics import plot_coherence_exclusivity, plot_convergence, plot_metrics_by_k
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_evaluation", smk.log[0])
out, dpi = smk.output, smk.params.dpi
width = figure_width(smk.params.width)
metrics = read_table(smk.input.metrics)
selected = read_json(smk.input.selected)
fits = [read_json(path) for path in smk.input.fits]
convergence = sweep_convergence([read_table(path) for path in smk.input.convergence], fits)
if convergence.empty:
    log.warning("no held-out documents, so no convergence curve")
if len(metrics) == 1:
    log.info("one model trained: the metrics figure lists its scores instead of comparing")
chosen = model_topics(read_table(smk.input.topics), selected["model"])
# The same topic names as every other figure and table (human label or top FREX terms).
summary = read_topic_table(smk.input.labels)
labels = display_labels(summary)
# K of the sweep that were not trained (too few documents for them) are named under the
# figures that compare the sweep's models.
skipped = skipped_footnote(fits)
for figure, path in [
    (plot_metrics_by_k(metrics, selected["k"], width, skipped, selected["model"]), out.metrics),
    (plot_coherence_exclusivity(metrics, selected["model"], chosen, width, skipped), out.scatter),
    (plot_convergence(convergence, width), out.convergence),
    (plot_topic_diagnostics(chosen, labels, width, flagged_topics(summary)), out.diagnostics),
]:
    save_for_print(figure, path, dpi, width, log)
log.info("wrote the evaluation figures for %d models", len(metrics))
