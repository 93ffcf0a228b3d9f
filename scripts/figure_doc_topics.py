"""Snakemake adapter: the documents × topics heatmap."""

import pandas as pd
from topicpipe.logsetup import get_logger
from topicpipe.plots.doc_topics import plot_doc_topics
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_doc_topics", smk.log[0])
table = pd.read_csv(smk.input.doc_topics, dtype={"id": str})
theta = table.filter(regex=r"^topic_\d+$").to_numpy()
save_figure(
    plot_doc_topics(theta, table["title"].fillna("").tolist()), smk.output.png, smk.params.dpi
)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
