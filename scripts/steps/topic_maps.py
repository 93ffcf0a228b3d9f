"""Snakemake adapter: intertopic distances and map coordinates, and topic correlations."""

import pandas as pd

from topicpipe.engines import load_model
from topicpipe.interpret.distances import (
    correlation_table,
    distance_table,
    intertopic_table,
    topic_correlations,
)
from topicpipe.interpret.tables import topic_columns
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("topic_maps", smk.log[0])

phi = load_model(smk.input.model).topic_term_matrix()
articles = pd.read_csv(smk.input.article_topics, dtype={"id": str}, keep_default_na=False)
theta = articles[topic_columns(articles)].to_numpy(dtype=float)
summary = pd.read_csv(smk.input.summary, keep_default_na=False)
labels = dict(zip(summary["topic"], summary["label"], strict=True))

intertopic_table(phi, summary["prevalence"].to_numpy(), labels).to_csv(
    smk.output.intertopic, index=False, float_format="%.6g"
)
distance_table(phi).to_csv(smk.output.distances, index=False, float_format="%.6g")
correlation_table(topic_correlations(theta)).to_csv(
    smk.output.correlation, index=False, float_format="%.6g"
)
log.info("wrote map, distances and correlations of %d topics", len(phi))
