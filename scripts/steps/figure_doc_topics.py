"""Snakemake adapter: the documents × topics heatmap (articles, after any paragraph roll-up)."""

import pandas as pd

from topicpipe.interpret.labels import display_label
from topicpipe.interpret.tables import topic_columns
from topicpipe.logsetup import get_logger
from topicpipe.plots.doc_topics import plot_doc_topics
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_doc_topics", smk.log[0])
table = pd.read_csv(smk.input.article_topics, dtype=str, keep_default_na=False)
summary = pd.read_csv(smk.input.summary, keep_default_na=False)
theta = table[topic_columns(table)].astype(float).to_numpy()
names = [
    display_label(t, label) for t, label in zip(summary["topic"], summary["label"], strict=True)
]
figure = plot_doc_topics(theta, table["title"].tolist(), names, table["date"].tolist())
save_figure(figure, smk.output.png, smk.params.dpi)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
