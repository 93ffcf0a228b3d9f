"""Rule tokenise_shard: pass two over one shard (each document's final tokens)."""

from topicpipe.files import write_json
from topicpipe.logsetup import get_logger
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.stage import apply_fitted

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_shard", smk.log[0])
stats = apply_fitted(
    load_tokeniser(smk.input.model).fitted,
    smk.input.scan,
    smk.output.tokens,
    progress=lambda n: log.info("tokenised %d documents", n),
)
write_json(smk.output.stats, stats.to_dict(), ensure_ascii=False, sort_keys=True)
log.info("tokenised %d documents; %d distinct phrase tokens", stats.documents, len(stats.phrases))
