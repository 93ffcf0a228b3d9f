"""Snakemake adapter, tokenise pass one for one shard: chunks, name runs and word counts."""

import json
from collections import Counter

from topicpipe.jsonl import write_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.tokenise.attrition import Tally
from topicpipe.tokenise.names import SEPARATOR
from topicpipe.tokenise.settings import settings_from_config
from topicpipe.tokenise.shards import shard_records

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_scan", smk.log[0])
settings = settings_from_config(smk.params.options)
shard = int(smk.wildcards.shard)
scanner = settings.scanner()
runs: Counter[str] = Counter()
tally = Tally()


def scanned():
    for number, document in enumerate(
        shard_records(smk.input.documents, shard, settings.shards), start=1
    ):
        if number % 1000 == 0:
            log.info("shard %d: scanned %d documents", shard, number)
        scan = scanner(document["text"])
        runs.update(item for chunk in scan.chunks for item in chunk if SEPARATOR in item)
        tally.add_fates(scan.fates)
        yield {"id": document["id"], "chunks": scan.chunks}


count = write_jsonl(smk.output.scan, scanned())
with open(smk.output.counts, "w", encoding="utf-8") as handle:
    json.dump(
        {"documents": count, "runs": dict(sorted(runs.items())), "tally": tally.to_dict()},
        handle,
        ensure_ascii=False,
        sort_keys=True,
    )
log.info(
    "shard %d of %d: %d documents, %d distinct name runs", shard, settings.shards, count, len(runs)
)
