rule provenance:
    input:
        manifest=rules.ingest.output.manifest,
        topic_terms=rules.topics.output.topic_terms,
    output:
        provenance=f"{RESULTS}/provenance.json",
    params:
        config=config,
    log:
        f"{RESULTS}/logs/provenance.log",
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    script:
        "../../scripts/provenance.py"


TARGETS.append(rules.provenance.output.provenance)
