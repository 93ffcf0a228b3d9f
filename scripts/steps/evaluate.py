"""Rule evaluate: score every model of the sweep (co-occurrences counted once for all)."""

import time

import pandas as pd
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.adapt import sweep_notes
from topicpipe.corpus import term_counts
from topicpipe.evaluate.scoring import evaluate_sweep, load_fitted_models, timing_record
from topicpipe.files import read_json, write_json
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.notes import log_notes, write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("evaluate", smk.log[0])
notes = sweep_notes(
    [read_json(path) for path in smk.input.fits], smk.params.max_k, smk.params.documents_per_topic
)
log_notes(log, notes)
write_notes(smk.output.notes, notes)
started = time.perf_counter()
models = load_fitted_models(smk.input.models, smk.input.doc_topics, smk.input.fits)
loading = time.perf_counter() - started
dictionary = Dictionary.load(smk.input.dictionary)
metrics, topics, seconds = evaluate_sweep(
    models,
    lambda: (record["tokens"] for record in read_jsonl(smk.input.tokens)),
    lambda: MmCorpus(smk.input.corpus),
    dictionary.token2id,
    pd.read_csv(smk.input.documents)["n_tokens"].to_numpy(),
    term_counts(dictionary),
    smk.params.evaluation,
    log,
)
metrics.to_csv(smk.output.metrics, index=False, float_format="%.6g")
topics.to_csv(smk.output.topics, index=False, float_format="%.6g")
timing = timing_record(models, {"loading_models": loading, **seconds})
write_json(smk.output.timing, timing, newline=True, indent=2)
log.info(
    "training %.1f s, convergence and held-out %.1f s, evaluation %.1f s (%.1f%% of training)",
    timing["training_seconds"],
    timing["convergence_and_heldout_seconds"],
    timing["evaluation_total_seconds"],
    100 * timing["evaluation_share_of_training"],
)
