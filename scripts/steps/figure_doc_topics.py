"""Rule figure_doc_topics: the documents × topics heatmap (articles, after any roll-up)."""

from topicpipe.interpret.labels import display_labels, read_topic_table
from topicpipe.interpret.tables import read_doc_topics
from topicpipe.logsetup import get_logger
from topicpipe.plots.doc_topics import plot_doc_topics
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_doc_topics", smk.log[0])
articles, theta = read_doc_topics(smk.input.article_topics)
names = display_labels(read_topic_table(smk.input.summary))
width = figure_width(smk.params.width)
figure = plot_doc_topics(theta, articles["title"].tolist(), names, articles["date"].tolist(), width)
save_for_print(figure, smk.output.png, smk.params.dpi, width, log)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
