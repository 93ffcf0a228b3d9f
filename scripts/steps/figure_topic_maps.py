"""Rule figure_topic_maps: the intertopic distance map and the topic correlation heatmap."""

from topicpipe.files import read_table
from topicpipe.interpret.distances import correlation_matrix
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.style import save_figure
from topicpipe.plots.topic_maps import plot_intertopic_map, plot_topic_correlation

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_topic_maps", smk.log[0])
intertopic = read_topic_table(smk.input.intertopic)
save_figure(plot_intertopic_map(intertopic), smk.output.intertopic, smk.params.dpi)
corr = correlation_matrix(read_table(smk.input.correlation))
figure = plot_topic_correlation(corr, label_map(intertopic))
save_figure(figure, smk.output.correlation, smk.params.dpi)
log.info("wrote %s and %s", smk.output.intertopic, smk.output.correlation)
