"""Rule figure_topic_maps: the intertopic distance map and the topic correlation heatmap
(a placeholder when there were too few documents for correlations); flagged topics are
starred and explained in a footnote."""

from topicpipe.files import read_table
from topicpipe.interpret.guardrails import flagged_topics
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.guarded import correlation_figure
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print
from topicpipe.plots.topic_maps import plot_intertopic_map

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_topic_maps", smk.log[0])
width = figure_width(smk.params.width)
intertopic = read_topic_table(smk.input.intertopic)
flags = flagged_topics(read_topic_table(smk.input.summary))
correlation = read_table(smk.input.correlation)
for figure, path in [
    (plot_intertopic_map(intertopic, width, flags), smk.output.intertopic),
    (correlation_figure(correlation, label_map(intertopic), width, flags), smk.output.correlation),
]:
    save_for_print(figure, path, smk.params.dpi, width, log)
log.info("wrote %s and %s", smk.output.intertopic, smk.output.correlation)
