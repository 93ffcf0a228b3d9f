"""Rule figure_dynamics: term trajectories per topic and the topic × period prevalence
heatmap, or figures that say why there is no dynamic model."""

from topicpipe.dynamics.tables import read_period_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.dynamics_figures import dynamics_figures
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_dynamics", smk.log[0])
figures, notes = dynamics_figures(
    read_period_table(smk.input.terms),
    read_period_table(smk.input.prevalence, empty_is_missing=True),
    read_period_table(smk.input.periods),
    smk.params.options,
)
for note in notes:
    log.warning(note)
for name, figure in figures.items():
    save_figure(figure, smk.output[name], smk.params.dpi)
log.info("wrote %s and %s", smk.output.trajectories, smk.output.heatmap)
