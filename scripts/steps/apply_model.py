"""Rule apply_model: the new corpus ingested, tokenised and scored with the model bundle,
in results/apply/<name>/."""

from pathlib import Path

from topicpipe.apply.bundle import BundleError, open_bundle
from topicpipe.apply.request import ApplyError
from topicpipe.apply.stage import ApplyPaths, apply_bundle
from topicpipe.ingest.metadata import MetadataError
from topicpipe.logsetup import get_logger, stop_on

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("apply_model", smk.log[0])
with stop_on(BundleError, ApplyError, MetadataError, stage="apply", log=log):
    apply_bundle(
        open_bundle(Path(smk.input.bundle).parent),
        smk.input.corpus,
        smk.params.reading,
        ApplyPaths.of(smk.output),
        log,
    )
