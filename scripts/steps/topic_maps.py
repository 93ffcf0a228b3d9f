"""Rule topic_maps: intertopic distances and map coordinates, and topic correlations (left
out, with a note, when there are too few documents)."""

from topicpipe.engines import load_model
from topicpipe.interpret.distances import correlation_output, distance_table, intertopic_table
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.interpret.tables import read_doc_topics
from topicpipe.logsetup import get_logger
from topicpipe.notes import log_notes, write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("topic_maps", smk.log[0])
phi = load_model(smk.input.model).topic_term_matrix()
_, theta = read_doc_topics(smk.input.article_topics)
summary = read_topic_table(smk.input.summary)
correlation, notes = correlation_output(theta, smk.params.correlation_min_documents)
for table, path in [
    (intertopic_table(phi, summary["prevalence"].to_numpy(), label_map(summary)), "intertopic"),
    (distance_table(phi), "distances"),
    (correlation, "correlation"),
]:
    table.to_csv(smk.output[path], index=False, float_format="%.6g")
log_notes(log, notes)
write_notes(smk.output.notes, notes)
log.info("wrote map, distances and correlations of %d topics", len(phi))
