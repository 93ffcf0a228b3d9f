rule tokenise:
    input:
        documents=rules.ingest.output.documents,
    output:
        tokens=f"{RESULTS}/tokens/tokens.jsonl",
    params:
        options=config["tokenise"],
    log:
        f"{RESULTS}/logs/tokenise.log",
    benchmark:
        f"{RESULTS}/benchmarks/tokenise.tsv"
    threads: 1
    resources:
        mem_mb=2000,
        runtime=60,
    script:
        "../../scripts/tokenise.py"
