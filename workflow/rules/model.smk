rule model:
    input:
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
    output:
        model=directory(f"{RESULTS}/model"),
    params:
        options=config["model"],
    log:
        f"{RESULTS}/logs/model.log",
    benchmark:
        f"{RESULTS}/benchmarks/model.tsv"
    threads: 1
    resources:
        mem_mb=8000,
        runtime=240,
    script:
        "../../scripts/model.py"
