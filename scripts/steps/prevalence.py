"""Rule prevalence: topic prevalence per period and per group, with bootstrap intervals.

A table that cannot be computed (no dates, no group values) holds a ``note`` instead, so
that the run goes on and the report says why.
"""

from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.interpret.prevalence import (
    by_group_table,
    is_placeholder,
    over_time_table,
    prevalence_notes,
)
from topicpipe.interpret.tables import read_doc_topics, topic_columns
from topicpipe.logsetup import get_logger
from topicpipe.notes import write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("prevalence", smk.log[0])
opts = smk.params.options
articles, theta = read_doc_topics(smk.input.article_topics)
labels = label_map(read_topic_table(smk.input.summary))
tables = {
    "over_time": over_time_table(articles, theta, labels, opts),
    "by_group": by_group_table(articles, theta, labels, topic_columns(articles), opts),
}
for name, (table, message) in tables.items():
    (log.warning if is_placeholder(table) else log.info)(message)
    table.to_csv(smk.output[name], index=False, float_format="%.6g")
write_notes(smk.output.notes, prevalence_notes(tables))
