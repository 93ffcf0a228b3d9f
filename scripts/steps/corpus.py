"""Snakemake adapter for the corpus stage: dictionary, bag-of-words, vocabulary, exclusions."""

import csv
import json

from gensim.corpora import MmCorpus

from topicpipe.corpus import (
    PruneSettings,
    bag_of_words,
    count_terms,
    exclusion_reason,
    prune,
    split_empty,
    vocabulary_rows,
)
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("corpus", smk.log[0])
opts = smk.params.options
settings = PruneSettings(
    no_below=opts["no_below"], no_above=opts["no_above"], keep_n=opts["keep_n"]
)

counted = count_terms(record["tokens"] for record in read_jsonl(smk.input.tokens))
dictionary = prune(counted, settings)
log.info("dictionary: %d of %d terms kept with %s", len(dictionary), len(counted), settings)
if len(dictionary) == 0:
    raise SystemExit(
        "corpus: no term survived pruning; lower dictionary.no_below or raise "
        "dictionary.no_above in config.yaml (small corpora need no_below: 1 or 2)"
    )
dictionary.save(smk.output.dictionary)
with open(smk.output.vocabulary, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["term", "documents", "count", "kept"])
    writer.writerows(
        (term, df, cf, int(kept)) for term, df, cf, kept in vocabulary_rows(counted, dictionary)
    )

excluded = []
kept = []


def rows():
    documents = ((r["id"], r["tokens"]) for r in read_jsonl(smk.input.tokens))
    for row in split_empty(bag_of_words(documents, dictionary), excluded.append):
        kept.append((row.doc_id, row.n_tokens))
        yield row.bow


MmCorpus.serialize(smk.output.corpus, rows())
with open(smk.output.documents, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["row", "id", "n_tokens"])
    writer.writerows((i, doc_id, n) for i, (doc_id, n) in enumerate(kept))
with open(smk.output.excluded, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["id", "reason"])
    writer.writerows((row.doc_id, exclusion_reason(row)) for row in excluded)
for row in excluded:
    log.warning("document %s excluded from modelling: %s", row.doc_id, exclusion_reason(row))
with open(smk.output.summary, "w", encoding="utf-8") as handle:
    summary = {
        "documents": len(kept),
        "excluded": len(excluded),
        "tokens": sum(n for _, n in kept),
        "vocabulary": len(dictionary),
        "vocabulary_before_pruning": len(counted),
        "settings": opts,
    }
    json.dump(summary, handle, indent=1, sort_keys=True)
log.info("corpus: %d documents kept, %d excluded", len(kept), len(excluded))
if not kept:
    raise SystemExit("corpus: every document is empty after pruning; relax dictionary settings")
