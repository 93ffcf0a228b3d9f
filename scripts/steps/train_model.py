"""Rule train_model: train one (K, seed) model of the sweep on the training documents, and
write its held-out convergence, the topic shares of every document and fit.json. A K above
model.max_k is not trained: the job records why (adapt.k_skip_reason)."""

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.adapt import choose_max_k, k_skip_reason
from topicpipe.engines.sweep import engine_params, model_name
from topicpipe.engines.training import skipped_sweep_model, train_sweep_model
from topicpipe.evaluate.heldout import heldout_rows
from topicpipe.files import write_json
from topicpipe.logsetup import get_logger, log_library_to_file

smk = snakemake  # noqa: F821 (injected by Snakemake)
k, seed = int(smk.wildcards.k), int(smk.wildcards.seed)
log = get_logger(f"train.{model_name(k, seed)}", smk.log[0])
log_library_to_file("gensim", log)
corpus = MmCorpus(smk.input.corpus)
heldout = heldout_rows(pd.read_csv(smk.input.split), len(corpus), smk.input.split)
n_train = int(len(heldout) - heldout.sum())
max_k = choose_max_k(smk.params.max_k, n_train, smk.params.documents_per_topic)
reason = k_skip_reason(k, max_k, n_train, smk.params.always_train)
if reason:
    log.warning("%s not trained: %s", model_name(k, seed), reason)
    trained = skipped_sweep_model(k, seed, heldout, reason, smk.output.model)
else:
    trained = train_sweep_model(
        corpus,
        len(Dictionary.load(smk.input.dictionary)),
        heldout,
        engine_params(smk.params.options, k, seed),
        smk.params.evaluation["heldout_seed"],
        smk.output.model,
        log,
    )
trained.fit["max_k"] = max_k
np.save(smk.output.doc_topics, trained.doc_topics)
trained.convergence.to_csv(smk.output.convergence, index=False, float_format="%.6g")
write_json(smk.output.fit, trained.fit, newline=True, indent=2)
