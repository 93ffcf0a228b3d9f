"""Rule figure_topic_maps: the intertopic distance map and the topic correlation heatmap
(a placeholder when there were too few documents for correlations)."""

import pandas as pd

from topicpipe.interpret.guardrails import figure_footnote
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.guarded import correlation_figure, with_footnote
from topicpipe.plots.style import save_figure
from topicpipe.plots.topic_maps import plot_intertopic_map

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_topic_maps", smk.log[0])
intertopic = read_topic_table(smk.input.intertopic)
flags = read_topic_table(smk.input.summary).set_index("topic")["flags"].to_dict()
figure = with_footnote(plot_intertopic_map(intertopic), figure_footnote(flags))
save_figure(figure, smk.output.intertopic, smk.params.dpi)
figure = correlation_figure(pd.read_csv(smk.input.correlation), label_map(intertopic))
save_figure(figure, smk.output.correlation, smk.params.dpi)
log.info("wrote %s and %s", smk.output.intertopic, smk.output.correlation)
