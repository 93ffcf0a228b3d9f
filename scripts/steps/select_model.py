"""Snakemake adapter: apply the selection rule to the sweep's metrics."""

import json

import pandas as pd

from topicpipe.evaluate.selection import select_model
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("select_model", smk.log[0])

selection = select_model(pd.read_csv(smk.input.metrics), dict(smk.params.selection))
with open(smk.output.selected, "w", encoding="utf-8") as handle:
    json.dump(selection, handle, indent=2)
    handle.write("\n")
log.info("selected %s: %s; %s", selection["model"], selection["why_k"], selection["why_seed"])
