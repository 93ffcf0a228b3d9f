rule ingest:
    input:
        CORPUS_PATH,
    output:
        documents=f"{RESULTS}/ingest/documents.jsonl",
        manifest=report(
            f"{RESULTS}/ingest/manifest.csv",
            caption="../report/manifest.rst",
            category="1. Corpus",
        ),
    log:
        f"{RESULTS}/logs/ingest.log",
    benchmark:
        f"{RESULTS}/benchmarks/ingest.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=30,
    params:
        options=config["ingest"],
    script:
        "../../scripts/ingest.py"


TARGETS.append(rules.ingest.output.manifest)
