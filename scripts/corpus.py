"""Snakemake adapter for the corpus stage: dictionary, bag-of-words, excluded documents."""

import csv

from gensim.corpora import MmCorpus
from topicpipe.corpus import PruneSettings, bag_of_words, build_dictionary, split_empty
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("corpus", smk.log[0])
opts = smk.params.options
prune = PruneSettings(no_below=opts["no_below"], no_above=opts["no_above"], keep_n=opts["keep_n"])

dictionary = build_dictionary((record["tokens"] for record in read_jsonl(smk.input.tokens)), prune)
log.info("dictionary: %d terms after pruning with %s", len(dictionary), prune)
if len(dictionary) == 0:
    raise SystemExit(
        "corpus: no term survived pruning; lower dictionary.no_below or raise "
        "dictionary.no_above in config.yaml (small corpora need no_below: 1 or 2)"
    )
dictionary.save(smk.output.dictionary)

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
    writer.writerows((doc_id, "no tokens left after pruning") for doc_id in excluded)
for doc_id in excluded:
    log.warning("document %s has no tokens left after pruning; excluded from modelling", doc_id)
log.info("corpus: %d documents kept, %d excluded", len(kept), len(excluded))
if not kept:
    raise SystemExit("corpus: every document is empty after pruning; relax dictionary settings")
