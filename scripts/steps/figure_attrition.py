"""Rule figure_attrition: documents, tokens and vocabulary after each step, as a figure."""

from topicpipe.files import read_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.attrition import plot_attrition
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_attrition", smk.log[0])
width = figure_width(smk.params.width)
figure = plot_attrition(read_table(smk.input.table), width)
save_for_print(figure, smk.output.png, smk.params.dpi, width, log)
log.info("wrote %s and %s (%g in wide)", smk.output.png, smk.output.svg, width)
