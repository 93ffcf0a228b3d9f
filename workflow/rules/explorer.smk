rule explorer:
    input:
        model=rules.model.output.model,
        dictionary=rules.corpus.output.dictionary,
        summary=rules.topics.output.summary,
        representative=rules.topics.output.representative,
        over_time=rules.prevalence.output.over_time,
        intertopic=rules.topic_maps.output.intertopic,
        notes=rules.run_notes.output.json,
    output:
        html=report(
            f"{RESULTS}/explorer.html",
            caption="../report/explorer.rst",
            category="5. Explorer",
        ),
    log:
        f"{LOGS}/explorer.log",
    conda:
        ENV
    params:
        relevance_lambda=config["topics"]["relevance_lambda"],
        period=config["prevalence"]["period"],
        corpus=config["corpus"],
    script:
        "../../scripts/steps/explorer.py"


TARGETS.append(rules.explorer.output.html)
