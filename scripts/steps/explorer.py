"""Rule explorer: the offline HTML explorer (results/explorer.html)."""

from pathlib import Path

from gensim.corpora import Dictionary

from topicpipe.corpus import dictionary_terms, term_counts
from topicpipe.engines import load_model
from topicpipe.interpret.explorer import candidate_terms, explorer_data, render_explorer
from topicpipe.interpret.labels import read_topic_table
from topicpipe.interpret.prevalence import read_prevalence
from topicpipe.interpret.representative import read_representative
from topicpipe.interpret.term_rankings import term_probabilities
from topicpipe.logsetup import get_logger
from topicpipe.notes import read_notes
from topicpipe.plots.style import topic_colour

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("explorer", smk.log[0])
dictionary = Dictionary.load(smk.input.dictionary)
summary = read_topic_table(smk.input.summary)
terms = candidate_terms(
    load_model(smk.input.model).topic_term_matrix(),
    term_probabilities(term_counts(dictionary)),
    dictionary_terms(dictionary),
)
data = explorer_data(
    summary,
    {int(t): topic_colour(int(t) - 1) for t in summary["topic"]},
    terms,
    read_representative(smk.input.representative),
    read_prevalence(smk.input.over_time),
    read_topic_table(smk.input.intertopic),
    smk.params.relevance_lambda,
    smk.params.period,
    read_notes(smk.input.notes),
)
page = render_explorer(data, f"Topic explorer: {len(summary)} topics, {smk.params.corpus}")
Path(smk.output.html).write_text(page, encoding="utf-8")
log.info("wrote %s (%.0f kB)", smk.output.html, len(page.encode()) / 1024)
