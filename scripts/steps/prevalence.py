"""Rule prevalence: topic prevalence per period and per group, with bootstrap intervals.

A table that cannot be computed (no dates, no group values) holds a ``note`` instead, so
that the run goes on and the report says why.
"""

from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.interpret.prevalence import by_group_table, is_placeholder, over_time_table
from topicpipe.interpret.tables import read_doc_topics, topic_columns
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("prevalence", smk.log[0])
opts = smk.params.options
articles, theta = read_doc_topics(smk.input.article_topics)
labels = label_map(read_topic_table(smk.input.summary))
over_time, over_time_message = over_time_table(articles, theta, labels, opts)
by_group, by_group_message = by_group_table(articles, theta, labels, topic_columns(articles), opts)
for table, message, path in [
    (over_time, over_time_message, smk.output.over_time),
    (by_group, by_group_message, smk.output.by_group),
]:
    (log.warning if is_placeholder(table) else log.info)(message)
    table.to_csv(path, index=False, float_format="%.6g")
