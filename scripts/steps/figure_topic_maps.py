"""Snakemake adapter: the intertopic distance map and the topic correlation heatmap."""

import numpy as np
import pandas as pd

from topicpipe.logsetup import get_logger
from topicpipe.plots.style import save_figure
from topicpipe.plots.topic_maps import plot_intertopic_map, plot_topic_correlation

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_topic_maps", smk.log[0])
intertopic = pd.read_csv(smk.input.intertopic, keep_default_na=False)
save_figure(plot_intertopic_map(intertopic), smk.output.intertopic, smk.params.dpi)
pairs = pd.read_csv(smk.input.correlation)
k = int(pairs["topic_a"].max())
corr = np.zeros((k, k))
corr[pairs["topic_a"] - 1, pairs["topic_b"] - 1] = pairs["correlation"]
labels = dict(zip(intertopic["topic"], intertopic["label"], strict=True))
save_figure(plot_topic_correlation(corr, labels), smk.output.correlation, smk.params.dpi)
log.info("wrote %s and %s", smk.output.intertopic, smk.output.correlation)
