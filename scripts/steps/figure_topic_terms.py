"""Rule figure_topic_terms: the top-terms-per-topic bar chart grid (flagged topics named in
a footnote)."""

import pandas as pd

from topicpipe.interpret.guardrails import figure_footnote
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.logsetup import get_logger
from topicpipe.plots.guarded import with_footnote
from topicpipe.plots.style import save_figure
from topicpipe.plots.topic_terms import plot_topic_terms

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_topic_terms", smk.log[0])
terms = pd.read_csv(smk.input.topic_terms, keep_default_na=False)
summary = read_topic_table(smk.input.summary)
figure = plot_topic_terms(terms, smk.params.top_n, labels=label_map(summary))
footnote = figure_footnote(summary.set_index("topic")["flags"].to_dict())
save_figure(with_footnote(figure, footnote), smk.output.png, smk.params.dpi)
log.info("wrote %s and %s", smk.output.png, smk.output.svg)
