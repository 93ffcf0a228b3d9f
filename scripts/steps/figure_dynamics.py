"""Snakemake adapter: term trajectories per topic and the topic × period prevalence heatmap.

When the dynamic model could not be fitted (its tables hold only a ``note``), each figure
says why instead of failing the run.
"""

import pandas as pd

from topicpipe.logsetup import get_logger
from topicpipe.plots.period_heatmap import plot_period_heatmap
from topicpipe.plots.style import placeholder_figure, save_figure
from topicpipe.plots.term_trajectories import plot_term_trajectories

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_dynamics", smk.log[0])
dpi = smk.params.dpi

terms = pd.read_csv(smk.input.terms, dtype={"period": str}, keep_default_na=False)
prevalence = pd.read_csv(
    smk.input.prevalence, dtype={"period": str}, keep_default_na=False, na_values=[""]
)
if "note" in terms.columns:
    note = terms["note"].iloc[0]
    log.warning("no dynamic model: %s", note)
    trajectories = placeholder_figure("Term trajectories: not available", note)
    heatmap = placeholder_figure("Topic prevalence per period: not available", note)
else:
    periods = pd.read_csv(smk.input.periods, dtype={"period": str}, keep_default_na=False)
    trajectories = plot_term_trajectories(
        terms, periods, smk.params.trajectory_terms, smk.params.min_documents
    )
    heatmap = plot_period_heatmap(prevalence, smk.params.period, smk.params.min_documents)
save_figure(trajectories, smk.output.trajectories, dpi)
save_figure(heatmap, smk.output.heatmap, dpi)
log.info("wrote %s and %s", smk.output.trajectories, smk.output.heatmap)
