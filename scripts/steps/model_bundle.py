"""Rule model_bundle: results/model/ becomes a self-contained bundle (tokeniser, dictionary,
topic labels, config snapshot with the settings chosen for auto, versions and checksums beside
the topic model)."""

from pathlib import Path

from topicpipe.adapt import chosen_settings
from topicpipe.apply.bundle import write_bundle
from topicpipe.files import read_json
from topicpipe.logsetup import get_logger
from topicpipe.notes import gather

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("model_bundle", smk.log[0])
manifest = write_bundle(
    Path(smk.output.manifest).parent,
    smk.input.tokeniser,
    smk.input.dictionary,
    smk.input.topics,
    smk.params.config,
    read_json(smk.input.selected),
    chosen_settings(gather(smk.input.notes)),
)
log.info(
    "bundle %s: %s model %s (K=%d, %d terms, unit %s), %d files, made by topicpipe %s",
    Path(smk.output.manifest).parent,
    manifest["engine"],
    manifest["model"]["model"],
    manifest["num_topics"],
    manifest["num_terms"],
    manifest["unit"],
    len(manifest["files"]),
    manifest["topicpipe"],
)
