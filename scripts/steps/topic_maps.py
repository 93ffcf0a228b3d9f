"""Rule topic_maps: intertopic distances and map coordinates, and topic correlations."""

from topicpipe.engines import load_model
from topicpipe.interpret.distances import (
    correlation_table,
    distance_table,
    intertopic_table,
    topic_correlations,
)
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.interpret.tables import read_doc_topics
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("topic_maps", smk.log[0])
phi = load_model(smk.input.model).topic_term_matrix()
_, theta = read_doc_topics(smk.input.article_topics)
summary = read_topic_table(smk.input.summary)
for table, path in [
    (intertopic_table(phi, summary["prevalence"].to_numpy(), label_map(summary)), "intertopic"),
    (distance_table(phi), "distances"),
    (correlation_table(topic_correlations(theta)), "correlation"),
]:
    table.to_csv(smk.output[path], index=False, float_format="%.6g")
log.info("wrote map, distances and correlations of %d topics", len(phi))
