"""Rule dynamics_tables: terms per topic and period, prevalence per period (over articles),
rise and fall with bootstrap intervals, terms gained and lost, topic links and the
rise-and-fall page; each holds the fit's ``note`` when no model could be fitted."""

from pathlib import Path

import pandas as pd
from gensim.corpora import Dictionary

from topicpipe.corpus import dictionary_terms
from topicpipe.dynamics import DynamicsError
from topicpipe.dynamics.fit import load_arrays
from topicpipe.dynamics.stage import dynamic_tables
from topicpipe.dynamics.tables import read_period_table
from topicpipe.files import read_json
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.logsetup import get_logger, stop_on

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("dynamics_tables", smk.log[0])
with stop_on(DynamicsError, stage="dynamics", log=log):
    tables = dynamic_tables(
        read_json(smk.input.summary),
        load_arrays(smk.input.fit),
        read_period_table(smk.input.periods),
        pd.read_csv(smk.input.documents, dtype=str, keep_default_na=False),
        pd.read_csv(smk.input.corpus_documents)["n_tokens"],
        dictionary_terms(Dictionary.load(smk.input.dictionary)),
        label_map(read_topic_table(smk.input.topics)),
        smk.params.options,
        log,
    )
for name, table in tables.csv_tables().items():
    table.to_csv(smk.output[name], index=False, float_format="%.6g")
Path(smk.output.markdown).write_text(tables.markdown, encoding="utf-8")
