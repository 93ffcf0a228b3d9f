"""Rule check_sweep: before any model trains, refuse a K larger than the training documents
that model.max_k lets through, and a selection.k or topic label that no trained K has."""

from pathlib import Path

from topicpipe.adapt import choose_max_k
from topicpipe.config_check import sweep_problems
from topicpipe.engines.sweep import SweepError, sweep_fit
from topicpipe.files import read_table, write_json
from topicpipe.logsetup import get_logger, stop_on

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("check_sweep", smk.log[0])
settings = smk.params.settings
sets = read_table(smk.input.split)["set"].tolist()
n_train = sets.count("train")
setting = settings["model"]["max_k"]
max_k = choose_max_k(setting, n_train, smk.params.documents_per_topic)
with stop_on(SweepError, stage="check_sweep", log=log):
    fit = sweep_fit(smk.params.k, sets, max_k)
    reads = f"auto: {max_k} for {n_train} training documents" if setting == "auto" else setting
    if problems := sweep_problems(settings, fit["trained"], str(reads)):
        raise SweepError("; ".join(problems))
write_json(smk.output.checked, fit, newline=True, indent=1)
Path(smk.output.passed).write_text("the sweep check passed; see sweep.json\n", encoding="utf-8")
log.info(
    "K %s trained, %s skipped (model.max_k %d) on %d training documents (%d held out)",
    fit["trained"],
    fit["skipped"],
    max_k,
    fit["train"],
    fit["heldout"],
)
