rule provenance:
    input:
        manifest=rules.ingest.output.manifest,
        topic_terms=rules.topics.output.topic_terms,
    output:
        provenance=f"{RESULTS}/provenance.json",
    log:
        f"{LOGS}/provenance.log",
    conda:
        ENV
    params:
        config=config,
        corpus_index=CORPUS_INDEX,
    script:
        "../../scripts/steps/provenance.py"


TARGETS.append(rules.provenance.output.provenance)
