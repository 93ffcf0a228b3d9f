"""Rule corpus: dictionary, bag-of-words corpus, vocabulary table and excluded documents."""

from dataclasses import asdict

from topicpipe.adapt import prune_settings
from topicpipe.corpus import (
    DOCUMENT_FIELDS,
    EXCLUDED_FIELDS,
    VOCABULARY_FIELDS,
    CorpusError,
    corpus_summary,
    count_terms,
    exclusion_reason,
    pruned_vocabulary,
    vocabulary_rows,
    write_corpus,
)
from topicpipe.files import write_csv, write_json
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger, stop_on
from topicpipe.notes import log_notes, write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("corpus", smk.log[0])
out = smk.output
counted = count_terms(record["tokens"] for record in read_jsonl(smk.input.tokens))
settings, notes = prune_settings(smk.params.options, smk.params.adapt, counted.num_docs)
log_notes(log, notes)
write_notes(out.notes, notes)
with stop_on(CorpusError, stage="corpus", log=log):
    dictionary = pruned_vocabulary(counted, settings)
log.info("dictionary: %d of %d terms kept with %s", len(dictionary), len(counted), settings)
dictionary.save(out.dictionary)
write_csv(out.vocabulary, VOCABULARY_FIELDS, vocabulary_rows(counted, dictionary))

documents = ((record["id"], record["tokens"]) for record in read_jsonl(smk.input.tokens))
kept, excluded = write_corpus(documents, dictionary, out.corpus)
write_csv(out.documents, DOCUMENT_FIELDS, ((i, *row) for i, row in enumerate(kept)))
write_csv(out.excluded, EXCLUDED_FIELDS, ((row.doc_id, exclusion_reason(row)) for row in excluded))
for row in excluded:
    log.warning("document %s excluded from modelling: %s", row.doc_id, exclusion_reason(row))
summary = corpus_summary(kept, excluded, counted, dictionary, asdict(settings))
write_json(out.summary, summary, indent=1, sort_keys=True)
log.info("corpus: %d documents kept, %d excluded", len(kept), len(excluded))
if not kept:
    raise SystemExit("corpus: every document is empty after pruning; relax dictionary settings")
