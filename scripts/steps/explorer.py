"""Snakemake adapter: the offline HTML explorer (results/explorer.html)."""

import pandas as pd
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.engines import load_model
from topicpipe.interpret.explorer import candidate_terms, explorer_data, render_explorer
from topicpipe.interpret.term_rankings import corpus_term_probabilities
from topicpipe.logsetup import get_logger
from topicpipe.plots.style import topic_colour

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("explorer", smk.log[0])

phi = load_model(smk.input.model).topic_term_matrix()
dictionary = Dictionary.load(smk.input.dictionary)
terms = [dictionary[i] for i in range(len(dictionary))]
p_term = corpus_term_probabilities(MmCorpus(smk.input.corpus), len(terms))
summary = pd.read_csv(smk.input.summary, keep_default_na=False)
representative = pd.read_csv(smk.input.representative, dtype=str, keep_default_na=False)
representative["topic"] = representative["topic"].astype(int)
representative["rank"] = representative["rank"].astype(int)
representative["share"] = representative["share"].astype(float)
over_time = pd.read_csv(smk.input.over_time, keep_default_na=False, na_values=[""])
intertopic = pd.read_csv(smk.input.intertopic, keep_default_na=False)

data = explorer_data(
    summary,
    {int(t): topic_colour(int(t) - 1) for t in summary["topic"]},
    candidate_terms(phi, p_term, terms),
    representative,
    over_time,
    intertopic,
    smk.params.relevance_lambda,
    smk.params.period,
)
page = render_explorer(data, f"Topic explorer: {len(summary)} topics, {smk.params.corpus}")
with open(smk.output.html, "w", encoding="utf-8") as handle:
    handle.write(page)
log.info("wrote %s (%.0f kB)", smk.output.html, len(page.encode()) / 1024)
