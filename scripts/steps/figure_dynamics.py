"""Rule figure_dynamics: term trajectories per topic and the topic × period prevalence
heatmap, or figures that say why there is no dynamic model."""

from topicpipe.dynamics.tables import read_period_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.dynamics_figures import dynamics_figures
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_dynamics", smk.log[0])
width = figure_width(smk.params.width)
figures, notes = dynamics_figures(
    read_period_table(smk.input.terms),
    read_period_table(smk.input.prevalence),
    read_period_table(smk.input.periods),
    smk.params.options,
    width,
)
for note in notes:
    log.warning(note)
for name, figure in figures.items():
    save_for_print(figure, smk.output[name], smk.params.dpi, width, log)
log.info("wrote %s and %s", smk.output.trajectories, smk.output.heatmap)
