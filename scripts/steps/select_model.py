"""Rule select_model: apply the selection rule to the sweep's metrics."""

from topicpipe.evaluate.selection import select_model
from topicpipe.files import read_table, write_json
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("select_model", smk.log[0])
selection = select_model(read_table(smk.input.metrics), dict(smk.params.selection))
write_json(smk.output.selected, selection, newline=True, indent=2)
log.info("selected %s: %s; %s", selection["model"], selection["why_k"], selection["why_seed"])
