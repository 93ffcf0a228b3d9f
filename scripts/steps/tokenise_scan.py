"""Snakemake adapter, tokenise pass one for one shard: chunks, name runs and word counts."""

import json

from topicpipe.logsetup import get_logger
from topicpipe.tokenise.settings import settings_from_config
from topicpipe.tokenise.shards import shard_records
from topicpipe.tokenise.stage import scan_documents

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_scan", smk.log[0])
settings = settings_from_config(smk.params.options)
shard = int(smk.wildcards.shard)
documents = (
    (record["id"], record["text"])
    for record in shard_records(smk.input.documents, shard, settings.shards)
)
summary = scan_documents(
    documents,
    settings.scanner(),
    smk.output.scan,
    progress=lambda n: log.info("shard %d: scanned %d documents", shard, n),
)
with open(smk.output.counts, "w", encoding="utf-8") as handle:
    json.dump(summary.to_dict(), handle, ensure_ascii=False, sort_keys=True)
log.info(
    "shard %d of %d: %d documents, %d distinct name runs",
    shard,
    settings.shards,
    summary.documents,
    len(summary.runs),
)
