"""Rule explorer: the offline HTML explorer (results/explorer.html)."""

from pathlib import Path

from gensim.corpora import Dictionary

from topicpipe.corpus import dictionary_terms, term_counts
from topicpipe.engines import load_model
from topicpipe.files import read_table
from topicpipe.interpret.explorer import (
    candidate_term_ids,
    explorer_data,
    pair_matrices,
    render_explorer,
    term_data,
    topic_tokens,
)
from topicpipe.interpret.explorer_documents import article_records, explorer_documents
from topicpipe.interpret.labels import read_topic_table
from topicpipe.interpret.prevalence import read_prevalence
from topicpipe.interpret.representative import keyword_matchers, topic_keywords
from topicpipe.interpret.stage import word_forms
from topicpipe.interpret.tables import read_doc_topics
from topicpipe.interpret.term_rankings import term_probabilities
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.notes import read_notes
from topicpipe.plots.style import topic_colour
from topicpipe.tokenise import load_tokeniser

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("explorer", smk.log[0])
topics_opts, explorer_opts = smk.params.topics, smk.params.explorer
dictionary = Dictionary.load(smk.input.dictionary)
summary = read_topic_table(smk.input.summary)
phi = load_model(smk.input.model).topic_term_matrix()
counts = term_counts(dictionary)
articles, theta = read_doc_topics(smk.input.article_topics)
tokens = topic_tokens(theta, articles["n_tokens"].astype(float))
term_lists, vocabulary = term_data(
    phi,
    counts,
    tokens,
    dictionary_terms(dictionary),
    candidate_term_ids(phi, term_probabilities(counts)),
)
n_docs = max(explorer_opts["documents_per_topic"], topics_opts["representative_docs"])
keywords = topic_keywords(
    read_table(smk.input.topic_terms, text=("term", "label")),
    summary["topic"],
    topics_opts["top_n"],
)
# Keywords found as whole tokens, as in representative_docs.csv.
matchers = keyword_matchers(
    keywords, word_forms(load_tokeniser(smk.input.tokeniser).scanner.classify)
)
documents = explorer_documents(
    articles,
    theta,
    article_records(read_jsonl(smk.input.documents), set(articles["id"])),
    matchers,
    n_docs,
    topics_opts["representative_min_share"],
    explorer_opts["text_chars"],
    topics_opts["snippet_chars"],
)
data = explorer_data(
    summary,
    {int(t): topic_colour(int(t) - 1) for t in summary["topic"]},
    term_lists,
    vocabulary,
    tokens,
    documents,
    read_prevalence(smk.input.over_time),
    read_topic_table(smk.input.intertopic),
    pair_matrices(read_table(smk.input.distances), read_table(smk.input.correlation), len(summary)),
    {
        "lambda": topics_opts["relevance_lambda"],
        "period": smk.params.period,
        "shown_documents": topics_opts["representative_docs"],
        "text_chars": explorer_opts["text_chars"],
    },
    read_notes(smk.input.notes),
)
page = render_explorer(data, f"Topic explorer: {len(summary)} topics, {smk.params.corpus}")
Path(smk.output.html).write_text(page, encoding="utf-8")
log.info(
    "wrote %s (%.0f kB; %d documents, %d terms)",
    smk.output.html,
    len(page.encode()) / 1024,
    len(data["documents"]),
    len(vocabulary),
)
