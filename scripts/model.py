"""Snakemake adapter for the model stage: train one topic model and save it."""

import logging

from gensim.corpora import Dictionary, MmCorpus
from topicpipe.engines import get_engine
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("model", smk.log[0])
# gensim reports its training progress through the standard logging module.
gensim_log = logging.getLogger("gensim")
gensim_log.handlers = log.handlers
gensim_log.setLevel(logging.INFO)

params = dict(smk.params.options)
corpus = MmCorpus(smk.input.corpus)
dictionary = Dictionary.load(smk.input.dictionary)
log.info(
    "training %s with K=%d on %d documents, %d terms (seed %d)",
    params["engine"],
    params["num_topics"],
    len(corpus),
    len(dictionary),
    params["random_state"],
)
model = get_engine(params["engine"]).train(corpus, len(dictionary), params)
model.save(smk.output.model)
log.info("saved model to %s", smk.output.model)
