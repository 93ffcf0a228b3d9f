"""Rule model: the selected model of the sweep becomes results/model/topic_model/, the model
every later stage reads."""

import shutil

from topicpipe.engines import load_model
from topicpipe.engines.sweep import selected_path
from topicpipe.files import read_json
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("model", smk.log[0])
selected = read_json(smk.input.selected)
source = selected_path(smk.input.models, selected)
shutil.copytree(source, smk.output.model)
model = load_model(smk.output.model)
log.info("final model: %s (K=%d) copied from %s", selected["model"], model.num_topics, source)
