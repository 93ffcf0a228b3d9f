"""Snakemake adapter for the tokenise stage."""

from topicpipe.jsonl import read_jsonl, write_jsonl
from topicpipe.logsetup import get_logger
from topicpipe.tokenise import TokeniseOptions, Tokeniser, build_stopwords

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("tokenise", smk.log[0])
opts = smk.params.options
tokeniser = Tokeniser(
    TokeniseOptions(
        lowercase=opts["lowercase"],
        lemmatise=opts["lemmatise"],
        min_length=opts["min_length"],
        stopwords=build_stopwords(opts["extra_stopwords"]),
    )
)


def tokenised(documents):
    for number, document in enumerate(documents, start=1):
        if number % 1000 == 0:
            log.info("tokenised %d documents", number)
        yield {"id": document["id"], "tokens": tokeniser(document["text"])}


count = write_jsonl(smk.output.tokens, tokenised(read_jsonl(smk.input.documents)))
log.info("wrote tokens of %d documents to %s", count, smk.output.tokens)
