"""Rule tokenise_scan: pass one over one shard (chunks, name runs and word counts)."""

from topicpipe.files import write_json
from topicpipe.logsetup import get_logger
from topicpipe.tokenise.settings import Settings
from topicpipe.tokenise.stage import scan_shard

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_scan", smk.log[0])
settings = Settings.from_config(smk.params.options)
shard = int(smk.wildcards.shard)
summary = scan_shard(
    smk.input.documents,
    shard,
    settings.shards,
    settings.scanner(),
    smk.output.scan,
    progress=lambda n: log.info("shard %d: scanned %d documents", shard, n),
)
write_json(smk.output.counts, summary.to_dict(), ensure_ascii=False, sort_keys=True)
log.info(
    "shard %d of %d: %d documents, %d distinct name runs",
    shard,
    settings.shards,
    summary.documents,
    len(summary.runs),
)
