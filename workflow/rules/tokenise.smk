rule tokenise:
    input:
        documents=rules.ingest.output.documents,
    output:
        tokens=f"{RESULTS}/tokens/tokens.jsonl",
    log:
        f"{RESULTS}/logs/tokenise.log",
    benchmark:
        f"{RESULTS}/benchmarks/tokenise.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=60,
    params:
        options=config["tokenise"],
    script:
        "../../scripts/tokenise.py"
