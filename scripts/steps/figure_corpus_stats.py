"""Rule figure_corpus_stats: document lengths, top terms, and the vocabulary each pruning
threshold would keep."""

import pandas as pd

from topicpipe.files import read_json
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.plots.corpus_stats import plot_corpus_stats
from topicpipe.plots.style import save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_corpus_stats", smk.log[0])
lengths_before = [len(record["tokens"]) for record in read_jsonl(smk.input.tokens)]
documents = pd.read_csv(smk.input.documents)
vocabulary = pd.read_csv(smk.input.vocabulary, keep_default_na=False)
settings = read_json(smk.input.summary)["settings"]
figure = plot_corpus_stats(
    lengths_before,
    documents["n_tokens"].tolist(),
    vocabulary,
    n_documents=len(lengths_before),
    no_below=settings["no_below"],
    no_above=settings["no_above"],
)
save_figure(figure, smk.output.png, dpi=smk.params.dpi)
log.info("corpus statistics of %d documents, %d terms", len(lengths_before), len(vocabulary))
