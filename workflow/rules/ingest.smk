rule ingest:
    input:
        corpus=CORPUS_PATH,
        # A changed sidecar re-runs ingest.
        metadata=config["ingest"]["metadata"] or [],
    output:
        documents=f"{RESULTS}/ingest/documents.jsonl",
        manifest=report(
            f"{RESULTS}/ingest/manifest.csv",
            caption="../report/ingest_manifest.rst",
            category="1. Corpus",
        ),
        summary=f"{RESULTS}/ingest/summary.json",
        summary_md=report(
            f"{RESULTS}/ingest/summary.md",
            caption="../report/ingest_summary.rst",
            category="1. Corpus",
        ),
        duplicates=report(
            f"{RESULTS}/ingest/duplicates.csv",
            caption="../report/ingest_duplicates.rst",
            category="1. Corpus",
        ),
        boilerplate=report(
            f"{RESULTS}/ingest/boilerplate_removed.csv",
            caption="../report/ingest_boilerplate.rst",
            category="1. Corpus",
        ),
        notes=f"{NOTES}/ingest.json",
    log:
        f"{LOGS}/ingest.log",
    benchmark:
        f"{BENCHMARKS}/ingest.tsv"
    conda:
        ENV
    resources:
        runtime=30,
    params:
        options=config["ingest"],
        paragraphs_below=config["adapt"]["paragraphs_below"],
    script:
        "../../scripts/steps/ingest.py"


TARGETS.extend(
    [
        rules.ingest.output.manifest,
        rules.ingest.output.summary_md,
        rules.ingest.output.duplicates,
        rules.ingest.output.boilerplate,
    ]
)
