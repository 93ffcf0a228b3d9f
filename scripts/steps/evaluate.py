"""Snakemake adapter: score every model of the sweep.

Reference co-occurrences are counted once, for the union of every model's top
terms, then each model is scored from them; stability compares the seeds at each K.
"""

import json
import time
from pathlib import Path

import numpy as np
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.engines import load_model
from topicpipe.evaluate.scoring import FittedModel, reference_counts, score_sweep, top_term_ids
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("evaluate", smk.log[0])
settings = smk.params.evaluation

started = time.perf_counter()
models = []
for directory, theta_path, fit_path in zip(
    smk.input.models, smk.input.doc_topics, smk.input.fits, strict=True
):
    fit = json.loads(Path(fit_path).read_text(encoding="utf-8"))
    phi = load_model(directory).topic_term_matrix()
    models.append(FittedModel(fit["model"], fit["k"], fit["seed"], phi, np.load(theta_path), fit))
loading_seconds = time.perf_counter() - started

dictionary = Dictionary.load(smk.input.dictionary)
corpus = MmCorpus(smk.input.corpus)
term_counts = np.zeros(len(dictionary))
doc_lengths = []
for bow in corpus:
    for term, count in bow:
        term_counts[term] += count
    doc_lengths.append(sum(count for _, count in bow))

started = time.perf_counter()
words = {int(w) for m in models for w in top_term_ids(m.phi, settings["top_n"]).ravel()}
counts = reference_counts(
    lambda: (record["tokens"] for record in read_jsonl(smk.input.tokens)),
    lambda: corpus,
    dictionary.token2id,
    words,
    settings,
)
counting_seconds = time.perf_counter() - started
log.info(
    "counted co-occurrences of %d top terms of %d models in %.2f s "
    "(%d windows of %d, %d windows of %d, %d documents)",
    len(words),
    len(models),
    counting_seconds,
    counts["npmi"].n_contexts,
    settings["npmi_window"],
    counts["c_v"].n_contexts,
    settings["cv_window"],
    counts["u_mass"].n_contexts,
)

started = time.perf_counter()
metrics, topics = score_sweep(models, counts, np.array(doc_lengths), term_counts, settings)
scoring_seconds = time.perf_counter() - started
log.info("scored %d models in %.3f s", len(models), scoring_seconds)

metrics.to_csv(smk.output.metrics, index=False, float_format="%.6g")
topics.to_csv(smk.output.topics, index=False, float_format="%.6g")
timing = {
    "models": len(models),
    "training_seconds": sum(m.fit["train_seconds"] for m in models),
    # Held-out likelihood after every pass, computed inside the training jobs.
    "convergence_and_heldout_seconds": sum(m.fit["convergence_seconds"] for m in models),
    "evaluation_seconds": {
        "inferring_topic_shares": sum(m.fit["inference_seconds"] for m in models),
        "loading_models": loading_seconds,
        "counting_cooccurrences_once": counting_seconds,
        "scoring_all_models": scoring_seconds,
    },
}
timing["evaluation_total_seconds"] = sum(timing["evaluation_seconds"].values())
timing["evaluation_share_of_training"] = (
    timing["evaluation_total_seconds"] / timing["training_seconds"]
)
with open(smk.output.timing, "w", encoding="utf-8") as handle:
    json.dump(timing, handle, indent=2)
    handle.write("\n")
log.info(
    "training %.1f s, convergence and held-out %.1f s, evaluation %.1f s (%.1f%% of training)",
    timing["training_seconds"],
    timing["convergence_and_heldout_seconds"],
    timing["evaluation_total_seconds"],
    100 * timing["evaluation_share_of_training"],
)
