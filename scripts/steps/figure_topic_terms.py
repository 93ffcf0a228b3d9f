"""Rule figure_topic_terms: the top-terms-per-topic bar chart grid (flagged topics starred,
with a footnote)."""

from topicpipe.files import read_table
from topicpipe.interpret.guardrails import flagged_topics
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print
from topicpipe.plots.topic_terms import plot_topic_terms

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_topic_terms", smk.log[0])
terms = read_table(smk.input.topic_terms, text=("term", "label"))
summary = read_topic_table(smk.input.summary)
width = figure_width(smk.params.width)
figure = plot_topic_terms(
    terms, smk.params.top_n, label_map(summary), smk.params.ranking, width, flagged_topics(summary)
)
save_for_print(figure, smk.output.png, smk.params.dpi, width, log)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
