"""Snakemake adapter: train one (K, seed) model of the sweep on the training documents.

Besides the model it writes the held-out log-likelihood per word after every pass
(convergence), the topic shares of every document, and the time spent training
versus evaluating.
"""

import json
import logging
import time

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.engines import get_engine
from topicpipe.evaluate.heldout import completion_halves, completion_score
from topicpipe.evaluate.sweep import engine_params, model_name
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
k, seed = int(smk.wildcards.k), int(smk.wildcards.seed)
name = model_name(k, seed)
log = get_logger(f"train.{name}", smk.log[0])
# gensim's per-chunk progress goes to the log file only: many models train at once.
gensim_log = logging.getLogger("gensim")
gensim_log.handlers = [h for h in log.handlers if isinstance(h, logging.FileHandler)]
gensim_log.propagate = False


class Rows:
    """The corpus rows in ``keep``, re-iterable without loading the corpus in memory."""

    def __init__(self, corpus, keep):
        self.corpus, self.keep = corpus, keep

    def __iter__(self):
        return (bow for bow, kept in zip(self.corpus, self.keep, strict=True) if kept)

    def __len__(self):
        return int(self.keep.sum())


params = engine_params(smk.params.options, k, seed)
settings = smk.params.evaluation
corpus = MmCorpus(smk.input.corpus)
dictionary = Dictionary.load(smk.input.dictionary)
split = pd.read_csv(smk.input.split)
heldout = (split["set"] == "heldout").to_numpy()
if len(heldout) != len(corpus):
    raise ValueError(f"{smk.input.split} has {len(heldout)} rows but the corpus {len(corpus)}")
observed, evaluated = completion_halves(Rows(corpus, heldout), settings["heldout_seed"])

history = []
hook_time = {"seconds": 0.0}


def follow_convergence(n_pass, model):
    """Held-out log-likelihood per word of the model after each pass."""
    started = time.perf_counter()
    score = completion_score(model.topic_term_matrix(), model.infer(observed), evaluated)
    history.append({"pass": n_pass, "heldout_loglik": score.per_word, "tokens": score.n_tokens})
    log.info("pass %d: held-out log-likelihood per word %.4f", n_pass, score.per_word)
    hook_time["seconds"] += time.perf_counter() - started


log.info(
    "training %s: K=%d, seed %d, %d training and %d held-out documents, %d terms",
    params["engine"],
    k,
    seed,
    len(corpus) - heldout.sum(),
    heldout.sum(),
    len(dictionary),
)
started = time.perf_counter()
model = get_engine(params["engine"]).train(
    Rows(corpus, ~heldout), len(dictionary), params, follow_convergence if evaluated else None
)
train_seconds = time.perf_counter() - started - hook_time["seconds"]
model.save(smk.output.model)

started = time.perf_counter()
np.save(smk.output.doc_topics, model.doc_topic_matrix(corpus))
inference_seconds = time.perf_counter() - started

convergence = pd.DataFrame(history, columns=["pass", "heldout_loglik", "tokens"])
convergence["perplexity"] = np.exp(-convergence["heldout_loglik"])
convergence.to_csv(smk.output.convergence, index=False, float_format="%.6g")
last = convergence["heldout_loglik"].to_numpy()
fit = {
    "model": name,
    "k": k,
    "seed": seed,
    "train_documents": int(len(corpus) - heldout.sum()),
    "heldout_documents": int(heldout.sum()),
    "heldout_tokens": int(convergence["tokens"].iloc[-1]) if len(last) else 0,
    "heldout_loglik": float(last[-1]) if len(last) else None,
    "perplexity": float(np.exp(-last[-1])) if len(last) else None,
    # Relative change of the held-out log-likelihood over the last pass: near 0 = converged.
    "last_pass_change": float(abs(last[-1] - last[-2]) / abs(last[-2])) if len(last) > 1 else None,
    "train_seconds": train_seconds,
    # Held-out likelihood after every pass; its last value is the model's held-out score.
    "convergence_seconds": hook_time["seconds"],
    # Topic shares of every document, for the per-topic diagnostics.
    "inference_seconds": inference_seconds,
}
with open(smk.output.fit, "w", encoding="utf-8") as handle:
    json.dump(fit, handle, indent=2)
    handle.write("\n")
log.info(
    "trained %s in %.2f s (+ %.2f s following convergence, %.2f s inferring topic shares)",
    name,
    train_seconds,
    hook_time["seconds"],
    inference_seconds,
)
