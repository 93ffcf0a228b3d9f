"""Snakemake adapter for the model stage: the selected model of the sweep becomes the
final model that every later stage reads (``results/model/``)."""

import json
import shutil
from pathlib import Path

from topicpipe.engines import load_model
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("model", smk.log[0])

selected = json.loads(Path(smk.input.selected).read_text(encoding="utf-8"))
by_name = {Path(directory).parent.name: directory for directory in smk.input.models}
source = by_name[selected["model"]]
shutil.copytree(source, smk.output.model)
model = load_model(smk.output.model)
log.info("final model: %s (K=%d) copied from %s", selected["model"], model.num_topics, source)
