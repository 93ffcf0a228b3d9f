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
    params:
        options=config["ingest"],
    log:
        f"{RESULTS}/logs/ingest.log",
    benchmark:
        f"{RESULTS}/benchmarks/ingest.tsv"
    threads: 1
    resources:
        mem_mb=2000,
        runtime=30,
    script:
        "../../scripts/ingest.py"


TARGETS.append(rules.ingest.output.manifest)
