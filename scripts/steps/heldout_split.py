"""Snakemake adapter: choose the documents held out of training (same for every model)."""

import pandas as pd

from topicpipe.evaluate.heldout import heldout_mask
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("heldout_split", smk.log[0])

rows = pd.read_csv(smk.input.documents, dtype={"id": str})
mask = heldout_mask(len(rows), smk.params.fraction, smk.params.seed)
rows["set"] = ["heldout" if held else "train" for held in mask]
rows[["row", "id", "set"]].to_csv(smk.output.split, index=False)
log.info(
    "held out %d of %d documents (fraction %.3f, seed %d)",
    mask.sum(),
    len(rows),
    smk.params.fraction,
    smk.params.seed,
)
