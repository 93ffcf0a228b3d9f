"""Snakemake adapter, tokenise fit: names, phrases and corpus stopwords from all shards."""

import csv
import json

from topicpipe.logsetup import get_logger
from topicpipe.tokenise.settings import settings_from_config
from topicpipe.tokenise.stage import ScanSummary, fit

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_fit", smk.log[0])
settings = settings_from_config(smk.params.options)

summaries = []
for path in smk.input.counts:
    with open(path, encoding="utf-8") as handle:
        summaries.append(ScanSummary.from_dict(json.load(handle)))
n_documents = sum(summary.documents for summary in summaries)
log.info("%d documents in %d shards", n_documents, len(summaries))

model = fit(list(smk.input.scans), summaries, settings)
model.save(smk.output.model, settings.scanner())
log.info(
    "%d multi-word name runs; learnt %d phrase layers, %d corpus stopwords; model saved to %s",
    len(model.names.runs),
    len(model.layers),
    len(model.corpus_stopwords),
    smk.output.model,
)
with open(smk.output.corpus_stopwords, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["term", "documents", "share"])
    for term, documents in model.corpus_stopwords.items():
        writer.writerow([term, documents, f"{documents / n_documents:.4f}"])
