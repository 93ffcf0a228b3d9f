# Tokenising in two streamed passes over shards of the corpus (document i goes to
# shard i mod N): scan each shard, fit names and phrases on all of them, apply the
# fitted tokeniser to each shard, then merge in document order. The result is the same
# for any tokenise.shards.
TOKEN_SHARDS = list(range(config["tokenise"]["shards"]))
TOKEN_SHARD_DIR = f"{RESULTS}/tokens/shards"


rule tokenise_scan:
    input:
        documents=rules.ingest.output.documents,
    output:
        scan=temp(f"{TOKEN_SHARD_DIR}/{{shard}}.scan.txt"),
        counts=f"{TOKEN_SHARD_DIR}/{{shard}}.counts.json",
    log:
        f"{LOGS}/tokenise_scan/{{shard}}.log",
    benchmark:
        f"{BENCHMARKS}/tokenise_scan/{{shard}}.tsv"
    wildcard_constraints:
        shard=r"\d+",
    conda:
        ENV
    params:
        options=config["tokenise"],
    script:
        "../../scripts/steps/tokenise_scan.py"


rule tokenise_fit:
    input:
        scans=expand(f"{TOKEN_SHARD_DIR}/{{shard}}.scan.txt", shard=TOKEN_SHARDS),
        counts=expand(f"{TOKEN_SHARD_DIR}/{{shard}}.counts.json", shard=TOKEN_SHARDS),
    output:
        model=directory(f"{RESULTS}/tokens/model"),
        corpus_stopwords=report(
            f"{RESULTS}/tokens/corpus_stopwords.csv",
            caption="../report/tokens_corpus_stopwords.rst",
            category="1. Corpus",
        ),
    log:
        f"{LOGS}/tokenise_fit.log",
    benchmark:
        f"{BENCHMARKS}/tokenise_fit.tsv"
    conda:
        ENV
    # About twice its peak at 100,000 documents (578 MB; it grows with the vocabulary).
    resources:
        mem_mb=1200,
    params:
        options=config["tokenise"],
    script:
        "../../scripts/steps/tokenise_fit.py"


rule tokenise_shard:
    input:
        scan=f"{TOKEN_SHARD_DIR}/{{shard}}.scan.txt",
        model=rules.tokenise_fit.output.model,
    output:
        tokens=temp(f"{TOKEN_SHARD_DIR}/{{shard}}.tokens.jsonl"),
        stats=f"{TOKEN_SHARD_DIR}/{{shard}}.stats.json",
    log:
        f"{LOGS}/tokenise_shard/{{shard}}.log",
    benchmark:
        f"{BENCHMARKS}/tokenise_shard/{{shard}}.tsv"
    wildcard_constraints:
        shard=r"\d+",
    conda:
        ENV
    script:
        "../../scripts/steps/tokenise_shard.py"


rule tokenise_merge:
    input:
        tokens=expand(f"{TOKEN_SHARD_DIR}/{{shard}}.tokens.jsonl", shard=TOKEN_SHARDS),
        stats=expand(f"{TOKEN_SHARD_DIR}/{{shard}}.stats.json", shard=TOKEN_SHARDS),
        counts=rules.tokenise_fit.input.counts,
        model=rules.tokenise_fit.output.model,
    output:
        tokens=f"{RESULTS}/tokens/tokens.jsonl",
        steps=f"{RESULTS}/tokens/steps.json",
        phrases=report(
            f"{RESULTS}/tokens/phrases.csv",
            caption="../report/tokens_phrases.rst",
            category="1. Corpus",
        ),
    log:
        f"{LOGS}/tokenise_merge.log",
    benchmark:
        f"{BENCHMARKS}/tokenise_merge.tsv"
    conda:
        ENV
    script:
        "../../scripts/steps/tokenise_merge.py"


TARGETS.extend(
    [rules.tokenise_merge.output.phrases, rules.tokenise_fit.output.corpus_stopwords]
)
