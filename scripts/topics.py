"""Snakemake adapter for the topics stage: topic-term and document-topic tables."""

import pandas as pd
from gensim.corpora import Dictionary, MmCorpus
from topicpipe.engines import load_model
from topicpipe.interpret.tables import doc_topic_table, top_terms, topics_markdown
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("topics", smk.log[0])

model = load_model(smk.input.model)
dictionary = Dictionary.load(smk.input.dictionary)
terms = [dictionary[i] for i in range(len(dictionary))]
phi = model.topic_term_matrix()
theta = model.doc_topic_matrix(MmCorpus(smk.input.corpus))

rows = pd.read_csv(smk.input.corpus_documents, dtype={"id": str})
wanted = set(rows["id"])
titles = {d["id"]: d["title"] for d in read_jsonl(smk.input.documents) if d["id"] in wanted}

term_table = top_terms(phi, terms, smk.params.top_n)
term_table.to_csv(smk.output.topic_terms, index=False, float_format="%.6g")
doc_table = doc_topic_table(rows["id"], [titles[i] for i in rows["id"]], theta)
doc_table.to_csv(smk.output.doc_topics, index=False, float_format="%.6g")
with open(smk.output.markdown, "w", encoding="utf-8") as handle:
    handle.write(topics_markdown(term_table, theta, smk.params.top_n))
log.info("wrote %d topics and %d documents", model.num_topics, len(doc_table))
