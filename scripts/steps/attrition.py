"""Rule attrition: documents, tokens and vocabulary after each tokenise step and pruning."""

import pandas as pd

from topicpipe.files import read_json
from topicpipe.logsetup import get_logger
from topicpipe.tokenise.attrition import attrition_rows

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("attrition", smk.log[0])
steps = read_json(smk.input.steps)
rows = pd.DataFrame(
    attrition_rows(steps["steps"], steps["documents"], read_json(smk.input.summary))
)
rows.to_csv(smk.output.table, index=False)
log.info("attrition:\n%s", rows.drop(columns="description").to_string(index=False))
