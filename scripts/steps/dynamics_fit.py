"""Rule dynamics_fit: the periods of the dated documents, every document's period, the
dynamic topic model (topics in the static model's order) and a summary of the fit, which
holds a ``note`` instead when fewer than two periods hold enough documents."""

import pandas as pd
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.dynamics import DynamicsError
from topicpipe.dynamics.stage import fit_dynamics, write_fit
from topicpipe.engines import load_model
from topicpipe.files import write_json
from topicpipe.interpret.documents import modelled_units
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger, stop_on

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("dynamics_fit", smk.log[0])
rows = pd.read_csv(smk.input.corpus_documents, dtype={"id": str}, keep_default_na=False)
with stop_on(DynamicsError, stage="dynamics", log=log):
    result = fit_dynamics(
        modelled_units(rows, read_jsonl(smk.input.documents)),
        load_model(smk.input.model).topic_term_matrix(),
        MmCorpus(smk.input.corpus),
        len(Dictionary.load(smk.input.dictionary)),
        smk.params.options,
        smk.resources.mem_mb,
        log,
    )
result.periods.to_csv(smk.output.periods, index=False)
result.documents.to_csv(smk.output.documents, index=False)
write_fit(result, smk.output.fit)
write_json(smk.output.summary, result.summary, newline=True, indent=2)
