"""Snakemake adapter, tokenise pass two for one shard: each document's final tokens."""

import json

from topicpipe.logsetup import get_logger
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.stage import apply_model

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise", smk.log[0])
model = load_tokeniser(smk.input.model).model
stats = apply_model(
    model,
    smk.input.scan,
    smk.output.tokens,
    progress=lambda n: log.info("tokenised %d documents", n),
)
with open(smk.output.stats, "w", encoding="utf-8") as handle:
    json.dump(stats.to_dict(), handle, ensure_ascii=False, sort_keys=True)
log.info(
    "tokenised %d documents; %d distinct phrase tokens",
    stats.documents,
    len(stats.phrases),
)
