"""Rule figure_doc_topics: the documents × topics heatmap (articles, after any roll-up);
flagged topics are starred and explained in a footnote."""

from topicpipe.interpret.guardrails import flagged_topics
from topicpipe.interpret.labels import display_labels, read_topic_table
from topicpipe.interpret.tables import read_doc_topics
from topicpipe.logsetup import get_logger
from topicpipe.plots.doc_topics import plot_doc_topics
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_doc_topics", smk.log[0])
articles, theta = read_doc_topics(smk.input.article_topics)
summary = read_topic_table(smk.input.summary)
width = figure_width(smk.params.width)
figure = plot_doc_topics(
    theta,
    articles["title"].tolist(),
    display_labels(summary),
    articles["date"].tolist(),
    width,
    flagged_topics(summary),
)
save_for_print(figure, smk.output.png, smk.params.dpi, width, log)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
