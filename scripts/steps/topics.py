"""Rule topics: term rankings, labels, guardrail flags, document and article tables,
representative documents."""

from pathlib import Path

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary

from topicpipe.engines import load_model
from topicpipe.engines.sweep import selected_path
from topicpipe.files import read_json
from topicpipe.interpret.guardrails import GuardrailSettings
from topicpipe.interpret.labels import LabelError, check_human_labels
from topicpipe.interpret.stage import topic_tables, word_forms
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger, stop_on
from topicpipe.notes import log_notes, write_notes
from topicpipe.tokenise import load_tokeniser

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("topics", smk.log[0])
out = smk.output
model = load_model(smk.input.model)
with stop_on(LabelError, stage="topics", log=log):
    human = check_human_labels(smk.params.labels, model.num_topics)
tables = topic_tables(
    model.topic_term_matrix(),
    Dictionary.load(smk.input.dictionary),
    np.load(selected_path(smk.input.doc_topics, read_json(smk.input.selected))),
    human,
    pd.read_csv(smk.input.corpus_documents, dtype={"id": str}, keep_default_na=False),
    lambda: read_jsonl(smk.input.documents),
    smk.params.options,
    GuardrailSettings.from_config(smk.params.guardrails, smk.params.adapt),
    word_forms(load_tokeniser(smk.input.tokeniser).scanner.classify),
)
for table, path, digits in [
    (tables.terms, out.topic_terms, "%.6g"),
    (tables.documents, out.doc_topics, "%.6g"),
    (tables.articles.table, out.article_topics, "%.6g"),
    (tables.summary, out.summary, "%.6g"),
    (tables.representative, out.representative, "%.4g"),
]:
    table.to_csv(path, index=False, float_format=digits)
Path(out.markdown).write_text(tables.markdown, encoding="utf-8")
Path(out.representative_md).write_text(tables.representative_markdown, encoding="utf-8")
for row in tables.summary.itertuples():
    log.info("topic %d: %s%s", row.topic, row.label, f" [{row.flags}]" if row.flags else "")
log.info("%s; %d representative rows", tables.articles.describe(), len(tables.representative))
log_notes(log, tables.notes)
write_notes(out.notes, tables.notes)
