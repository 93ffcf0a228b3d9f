"""Snakemake adapter for the topics stage: term rankings, labels, document-topic tables,
the article-level roll-up and representative documents."""

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.engines import load_model
from topicpipe.interpret.documents import document_metadata, texts_of
from topicpipe.interpret.labels import LabelError, check_human_labels, label_table
from topicpipe.interpret.representative import (
    kwic,
    representative_markdown,
    representative_table,
    top_documents,
)
from topicpipe.interpret.rollup import has_sub_units, roll_up
from topicpipe.interpret.tables import doc_topic_table, topic_summary, topics_markdown
from topicpipe.interpret.term_rankings import corpus_term_probabilities, ranked_terms, top_by
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("topics", smk.log[0])
opts = smk.params.options

model = load_model(smk.input.model)
try:
    human = check_human_labels(smk.params.labels, model.num_topics)
except LabelError as error:
    raise SystemExit(str(error)) from None
dictionary = Dictionary.load(smk.input.dictionary)
terms = [dictionary[i] for i in range(len(dictionary))]
phi = model.topic_term_matrix()
corpus = MmCorpus(smk.input.corpus)
theta = model.doc_topic_matrix(corpus)
p_term = corpus_term_probabilities(corpus, len(terms))
log.info("model: %d topics, %d terms, %d documents", model.num_topics, len(terms), len(theta))

term_table = ranked_terms(
    phi, p_term, terms, opts["top_n"], opts["frex_weight"], opts["relevance_lambda"]
)
term_table.to_csv(smk.output.topic_terms, index=False, float_format="%.6g")
labels = label_table(term_table, human, opts["label_terms"])
label_of = dict(zip(labels["topic"], labels["label"], strict=True))
for row in labels.itertuples():
    log.info("topic %d: %s", row.topic, row.label)

# Modelled units (articles, or paragraphs) with their metadata, in corpus row order.
rows = pd.read_csv(smk.input.corpus_documents, dtype={"id": str}, keep_default_na=False)
meta = document_metadata(read_jsonl(smk.input.documents), set(rows["id"]))
units = rows[["id", "n_tokens"]].merge(meta, on="id", how="left", validate="one_to_one")
units = units.fillna("")
units["parent_id"] = units["parent_id"].where(units["parent_id"] != "", units["id"])
doc_table = doc_topic_table(
    units["id"], units["title"], theta, units[["parent_id", "date", "source"]]
)
doc_table.to_csv(smk.output.doc_topics, index=False, float_format="%.6g")

# Articles: paragraph shares rolled up, weighted by tokens (identity for whole articles).
paragraphs = has_sub_units(units["id"], units["parent_id"])
parent_ids, article_theta, n_units, n_tokens = roll_up(units["parent_id"], units["n_tokens"], theta)
first = units.drop_duplicates("parent_id").set_index("parent_id").loc[parent_ids]
extra_columns = [c for c in first.columns if c not in ("id", "title", "n_tokens")]
extra = first[extra_columns].reset_index(drop=True)
extra.insert(2, "n_units", n_units)
extra.insert(3, "n_tokens", n_tokens.astype(int))
article_table = doc_topic_table(parent_ids, first["title"].tolist(), article_theta, extra)
article_table.to_csv(smk.output.article_topics, index=False, float_format="%.6g")
log.info(
    "%d modelled units in %d articles (%s)",
    len(units),
    len(parent_ids),
    "paragraph units rolled up by token count" if paragraphs else "whole articles",
)

summary = topic_summary(labels, term_table, article_theta, opts["top_n"])
summary.to_csv(smk.output.summary, index=False, float_format="%.6g")
with open(smk.output.markdown, "w", encoding="utf-8") as handle:
    handle.write(topics_markdown(summary, term_table, opts["top_n"]))

# Representative articles; each snippet comes from the article's unit richest in the topic.
keywords = {
    t: list(
        dict.fromkeys(
            top_by(term_table, t, "rank_frex", opts["top_n"])
            + top_by(term_table, t, "rank", opts["top_n"])
        )
    )
    for t in labels["topic"]
}
unit_rows = pd.Series(np.arange(len(units))).groupby(units["parent_id"].to_numpy()).apply(list)
best_unit = {}
for k, indices in top_documents(article_theta, opts["representative_docs"]):
    for i in indices:
        candidates = unit_rows[parent_ids[i]]
        best = max(candidates, key=lambda r, k=k: (theta[r, k], -r))
        best_unit[(k + 1, parent_ids[i])] = units["id"].iloc[best]
texts = texts_of(read_jsonl(smk.input.documents), set(best_unit.values()))
snippets = {
    key: kwic(texts.get(unit, ""), keywords[key[0]], opts["snippet_chars"] // 2)
    for key, unit in best_unit.items()
}
articles = article_table[["id", "title", "date", "source"]]
representative = representative_table(
    articles, article_theta, label_of, snippets, opts["representative_docs"]
)
representative.to_csv(smk.output.representative, index=False, float_format="%.4g")
with open(smk.output.representative_md, "w", encoding="utf-8") as handle:
    handle.write(representative_markdown(representative, keywords, list(labels["topic"])))
log.info(
    "wrote term rankings, labels, document tables and %d representative rows", len(representative)
)
