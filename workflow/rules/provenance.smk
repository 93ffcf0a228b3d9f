from topicpipe.apply.layout import training_config


rule provenance:
    input:
        manifest=rules.ingest.output.manifest,
        topic_terms=rules.topics.output.topic_terms,
    output:
        provenance=report(
            f"{RESULTS}/provenance.json",
            caption="../report/provenance.rst",
            category="6. Provenance",
        ),
    log:
        f"{LOGS}/provenance.log",
    conda:
        ENV
    params:
        # Without the apply_* keys: applying the model to a new corpus changes no training result.
        config=training_config(config),
        corpus_index=CORPUS_INDEX,
    script:
        "../../scripts/steps/provenance.py"


TARGETS.append(rules.provenance.output.provenance)
