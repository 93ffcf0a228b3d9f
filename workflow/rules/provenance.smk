rule provenance:
    input:
        manifest=rules.ingest.output.manifest,
        topic_terms=rules.topics.output.topic_terms,
    output:
        provenance=f"{RESULTS}/provenance.json",
    log:
        f"{RESULTS}/logs/provenance.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        config=config,
    script:
        "../../scripts/steps/provenance.py"


TARGETS.append(rules.provenance.output.provenance)
