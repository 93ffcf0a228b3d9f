"""Rule tokenise_merge: the shards' tokens back in document order, the attrition step counts
and the table of phrases."""

from topicpipe.files import read_json, write_csv, write_json
from topicpipe.logsetup import get_logger
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.stage import PHRASE_FIELDS, merge_steps, merge_tokens, phrase_rows

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise_merge", smk.log[0])
count = merge_tokens(list(smk.input.tokens), smk.output.tokens)
log.info("merged %d documents from %d shards", count, len(smk.input.tokens))
steps = merge_steps(list(smk.input.counts), list(smk.input.stats))
write_json(smk.output.steps, steps, indent=1, sort_keys=True)
tokeniser = load_tokeniser(smk.input.model)
options = tokeniser.scanner.options
aliases = {token for _, token in options.aliases + options.run_aliases}
rows = phrase_rows(map(read_json, smk.input.stats), tokeniser.fitted, aliases)
write_csv(smk.output.phrases, PHRASE_FIELDS, rows)
log.info("%d distinct phrases written to %s", len(rows), smk.output.phrases)
