"""Snakemake adapter, tokenise pass two for one shard: each document's final tokens."""

import json
from collections import Counter

from topicpipe.jsonl import read_jsonl, write_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.attrition import Tally
from topicpipe.tokenise.names import JOINER

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise", smk.log[0])
model = load_tokeniser(smk.input.model).model
tally = Tally()
phrases: Counter[str] = Counter()


def tokenised():
    for number, record in enumerate(read_jsonl(smk.input.scan), start=1):
        if number % 1000 == 0:
            log.info("tokenised %d documents", number)
        phrased = model.phrased(record["chunks"])
        tally.add("phrases", phrased)
        tokens = model.without_corpus_stopwords(phrased)
        if model.corpus_stopwords:
            tally.add("corpus stopwords", tokens)
        phrases.update(token for token in tokens if JOINER in token)
        yield {"id": record["id"], "tokens": tokens}


count = write_jsonl(smk.output.tokens, tokenised())
with open(smk.output.stats, "w", encoding="utf-8") as handle:
    json.dump(
        {
            "tally": tally.to_dict(),
            "phrases": dict(sorted(phrases.items())),
            "names": sorted(model.name_tokens),
        },
        handle,
        ensure_ascii=False,
        sort_keys=True,
    )
log.info("tokenised %d documents; %d distinct phrase tokens", count, len(phrases))
