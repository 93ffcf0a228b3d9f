"""Snakemake adapter: the attrition table (tokenise steps and pruning) and its figure."""

import json

import pandas as pd

from topicpipe.logsetup import get_logger
from topicpipe.plots.attrition import plot_attrition
from topicpipe.plots.style import save_figure
from topicpipe.tokenise.attrition import attrition_rows

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("attrition", smk.log[0])
with open(smk.input.steps, encoding="utf-8") as handle:
    steps = json.load(handle)
with open(smk.input.summary, encoding="utf-8") as handle:
    summary = json.load(handle)

rows = pd.DataFrame(attrition_rows(steps["steps"], steps["documents"], summary))
rows.to_csv(smk.output.table, index=False)
log.info("attrition:\n%s", rows.drop(columns="description").to_string(index=False))
save_figure(plot_attrition(rows), smk.output.png, dpi=smk.params.dpi)
