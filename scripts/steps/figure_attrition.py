"""Rule figure_attrition: documents, tokens and vocabulary after each step, as a figure."""

from topicpipe.files import read_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.attrition import plot_attrition
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_attrition", smk.log[0])
save_figure(plot_attrition(read_table(smk.input.table)), smk.output.png, dpi=smk.params.dpi)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
