"""Rule figure_corpus_stats: document lengths, top terms, and the vocabulary each pruning
threshold would keep."""

from topicpipe.files import read_json, read_table
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.plots.corpus_stats import plot_corpus_stats
from topicpipe.plots.layout import figure_width
from topicpipe.plots.style import save_for_print

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_corpus_stats", smk.log[0])
lengths_before = [len(record["tokens"]) for record in read_jsonl(smk.input.tokens)]
documents = read_table(smk.input.documents)
vocabulary = read_table(smk.input.vocabulary, text=("term",))
settings = read_json(smk.input.summary)["settings"]
width = figure_width(smk.params.width)
figure = plot_corpus_stats(
    lengths_before,
    documents["n_tokens"].tolist(),
    vocabulary,
    n_documents=len(lengths_before),
    no_below=settings["no_below"],
    no_above=settings["no_above"],
    width=width,
)
save_for_print(figure, smk.output.png, smk.params.dpi, width, log)
log.info("corpus statistics of %d documents, %d terms", len(lengths_before), len(vocabulary))
