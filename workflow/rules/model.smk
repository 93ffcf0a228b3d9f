rule model:
    input:
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
    output:
        model=directory(f"{RESULTS}/model"),
    log:
        f"{RESULTS}/logs/model.log",
    benchmark:
        f"{RESULTS}/benchmarks/model.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=8000,
        runtime=240,
    params:
        options=config["model"],
    script:
        "../../scripts/model.py"
