"""Rule heldout_split: the documents held out of training (the same for every model)."""

import pandas as pd

from topicpipe.adapt import choose_heldout_fraction
from topicpipe.evaluate.heldout import heldout_mask, split_table
from topicpipe.logsetup import get_logger
from topicpipe.notes import log_notes, write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("heldout_split", smk.log[0])
documents = pd.read_csv(smk.input.documents, dtype={"id": str})
fraction, notes = choose_heldout_fraction(smk.params.fraction, len(documents), smk.params.adapt)
log_notes(log, notes)
write_notes(smk.output.notes, notes)
mask = heldout_mask(len(documents), fraction, smk.params.seed)
split_table(documents, mask).to_csv(smk.output.split, index=False)
log.info(
    "held out %d of %d documents (fraction %.3f, seed %d)",
    mask.sum(),
    len(documents),
    fraction,
    smk.params.seed,
)
