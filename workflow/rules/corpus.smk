rule corpus:
    input:
        tokens=rules.tokenise.output.tokens,
    output:
        dictionary=f"{RESULTS}/corpus/dictionary.dict",
        corpus=f"{RESULTS}/corpus/corpus.mm",
        documents=f"{RESULTS}/corpus/documents.csv",
        excluded=f"{RESULTS}/corpus/excluded.csv",
    log:
        f"{RESULTS}/logs/corpus.log",
    benchmark:
        f"{RESULTS}/benchmarks/corpus.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=4000,
        runtime=30,
    params:
        options=config["dictionary"],
    script:
        "../../scripts/corpus.py"


TARGETS.append(rules.corpus.output.excluded)
