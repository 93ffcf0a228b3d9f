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
        problems=report(
            f"{RESULTS}/ingest/problems.csv",
            caption="../report/ingest_problems.rst",
            category="1. Corpus",
        ),
        notes=f"{NOTES}/ingest.json",
    # Copies of the audit that Snakemake keeps when the job fails (it deletes the outputs).
    log:
        f"{LOGS}/ingest.log",
        manifest=f"{LOGS}/ingest/manifest.csv",
        problems=f"{LOGS}/ingest/problems.csv",
        summary=f"{LOGS}/ingest/summary.md",
        summary_json=f"{LOGS}/ingest/summary.json",
    benchmark:
        f"{BENCHMARKS}/ingest.tsv"
    conda:
        ENV
    params:
        options=config["ingest"],
        # Not read by the step: it changes with any file added, removed, renamed or edited
        # under the corpus, which reruns ingest and everything after it (common.smk).
        corpus_index=CORPUS_INDEX,
        paragraphs_below=config["adapt"]["paragraphs_below"],
    script:
        "../../scripts/steps/ingest.py"


TARGETS.extend(
    [
        rules.ingest.output.manifest,
        rules.ingest.output.summary_md,
        rules.ingest.output.duplicates,
        rules.ingest.output.boilerplate,
        rules.ingest.output.problems,
    ]
)
