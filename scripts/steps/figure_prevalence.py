"""Rule figure_prevalence: prevalence over time (stacked area, small multiples) and by group;
flagged topics are starred and explained in a footnote."""

from topicpipe.interpret.guardrails import flagged_topics
from topicpipe.interpret.labels import read_topic_table
from topicpipe.interpret.prevalence import read_prevalence
from topicpipe.logsetup import get_logger
from topicpipe.plots.layout import figure_width
from topicpipe.plots.prevalence_figures import prevalence_figures
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_prevalence", smk.log[0])
width = figure_width(smk.params.width)
figures, notes = prevalence_figures(
    read_prevalence(smk.input.over_time),
    read_prevalence(smk.input.by_group),
    smk.params.options,
    width,
    flagged_topics(read_topic_table(smk.input.summary)),
)
for note in notes:
    log.warning(note)
for name, figure in figures.items():
    save_for_print(figure, smk.output[name], smk.params.dpi, width, log)
log.info("wrote prevalence figures")
