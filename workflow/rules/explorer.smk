rule explorer:
    input:
        model=rules.model.output.model,
        dictionary=rules.corpus.output.dictionary,
        summary=rules.topics.output.summary,
        topic_terms=rules.topics.output.topic_terms,
        article_topics=rules.topics.output.article_topics,
        documents=rules.ingest.output.documents,
        # The fitted tokeniser: snippets find keywords as the tokens the words became.
        tokeniser=rules.tokenise_fit.output.model,
        over_time=rules.prevalence.output.over_time,
        intertopic=rules.topic_maps.output.intertopic,
        distances=rules.topic_maps.output.distances,
        correlation=rules.topic_maps.output.correlation,
        notes=rules.run_notes.output.json,
    output:
        html=report(
            f"{RESULTS}/explorer.html",
            caption="../report/explorer.rst",
            category="5. Explorer",
        ),
    log:
        f"{LOGS}/explorer.log",
    benchmark:
        f"{BENCHMARKS}/explorer.tsv"
    conda:
        ENV
    # About twice its peak at 100,000 documents (599 MB; it grows with the corpus).
    resources:
        mem_mb=1200,
    params:
        topics=config["topics"],
        explorer=config["explorer"],
        period=config["prevalence"]["period"],
        corpus=config["corpus"],
    script:
        "../../scripts/steps/explorer.py"


TARGETS.append(rules.explorer.output.html)
