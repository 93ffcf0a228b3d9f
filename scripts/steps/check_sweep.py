"""Rule check_sweep: refuse, before any model trains, a K larger than the training documents."""

import pandas as pd

from topicpipe.engines.sweep import SweepError, sweep_fit
from topicpipe.files import write_json
from topicpipe.logsetup import get_logger, stop_on

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("check_sweep", smk.log[0])
sets = pd.read_csv(smk.input.split, usecols=["set"])["set"].tolist()
with stop_on(SweepError, stage="check_sweep", log=log):
    fit = sweep_fit(smk.params.k, sets)
write_json(smk.output.checked, fit, newline=True, indent=1)
log.info("K %s on %d training documents (%d held out)", fit["k"], fit["train"], fit["heldout"])
