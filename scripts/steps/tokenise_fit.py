"""Rule tokenise_fit: names, phrases and corpus stopwords learnt from all shards."""

from topicpipe.files import read_json, write_csv
from topicpipe.logsetup import get_logger
from topicpipe.tokenise.settings import Settings
from topicpipe.tokenise.stage import ScanSummary, corpus_stopword_rows, fit_shards

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_fit", smk.log[0])
settings = Settings.from_config(smk.params.options)
summaries = [ScanSummary.from_dict(read_json(path), tally=False) for path in smk.input.counts]
n_documents = sum(summary.documents for summary in summaries)
log.info("%d documents in %d shards", n_documents, len(summaries))

fitted = fit_shards(list(smk.input.scans), summaries, settings)
fitted.save(smk.output.model, settings.scanner())
log.info(
    "%d multi-word name runs; learnt %d phrase layers, %d corpus stopwords; saved to %s",
    len(fitted.names.runs),
    len(fitted.layers),
    len(fitted.corpus_stopwords),
    smk.output.model,
)
write_csv(
    smk.output.corpus_stopwords,
    ["term", "documents", "share"],
    corpus_stopword_rows(fitted, n_documents),
)
