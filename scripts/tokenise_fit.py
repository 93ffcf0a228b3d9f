"""Snakemake adapter, tokenise fit: names, phrases and corpus stopwords from all shards."""

import csv
import json
from collections import Counter

from topicpipe.logsetup import get_logger
from topicpipe.tokenise import fit_model
from topicpipe.tokenise.settings import settings_from_config
from topicpipe.tokenise.shards import interleave

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_fit", smk.log[0])
settings = settings_from_config(smk.params.options)

runs: Counter[str] = Counter()
n_documents = 0
for path in smk.input.counts:
    with open(path, encoding="utf-8") as handle:
        counts = json.load(handle)
    runs.update(counts["runs"])
    n_documents += counts["documents"]
log.info("%d documents, %d distinct multi-word name runs", n_documents, len(runs))


def scans():
    # Document order, whatever the number of shards.
    return (json.loads(line)["chunks"] for line in interleave(list(smk.input.scans)))


scanner = settings.scanner()
model = fit_model(
    scans,
    runs,
    n_documents,
    scanner,
    settings.phrases,
    name_min_count=settings.name_min_count,
    corpus_max_share=settings.corpus_stopwords_above,
)
model.save(smk.output.model, scanner)
log.info(
    "learnt %d phrase layers, %d corpus stopwords; model saved to %s",
    len(model.layers),
    len(model.corpus_stopwords),
    smk.output.model,
)
with open(smk.output.corpus_stopwords, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["term", "documents", "share"])
    for term, documents in model.corpus_stopwords.items():
        writer.writerow([term, documents, f"{documents / n_documents:.4f}"])
