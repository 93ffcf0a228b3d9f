rule topics:
    input:
        model=rules.model.output.model,
        # The selected model's topic shares, as its training job inferred them.
        selected=rules.select_model.output.selected,
        doc_topics=SWEEP_FILES["doc_topics.npy"],
        dictionary=rules.corpus.output.dictionary,
        corpus_documents=rules.corpus.output.documents,
        documents=rules.ingest.output.documents,
        # The fitted tokeniser: snippets find keywords as the tokens the words became.
        tokeniser=rules.tokenise_fit.output.model,
    output:
        topic_terms=report(
            f"{RESULTS}/topics/topic_terms.csv",
            caption="../report/topic_terms_table.rst",
            category="2. Topics",
            subcategory="Terms and labels",
        ),
        summary=report(
            f"{RESULTS}/topics/topics.csv",
            caption="../report/topics_table.rst",
            category="2. Topics",
            subcategory="Terms and labels",
        ),
        doc_topics=report(
            f"{RESULTS}/topics/doc_topics.csv",
            caption="../report/doc_topics_table.rst",
            category="2. Topics",
            subcategory="Documents",
        ),
        article_topics=report(
            f"{RESULTS}/topics/article_topics.csv",
            caption="../report/article_topics_table.rst",
            category="2. Topics",
            subcategory="Documents",
        ),
        representative=report(
            f"{RESULTS}/topics/representative_docs.csv",
            caption="../report/representative_table.rst",
            category="2. Topics",
            subcategory="Documents",
        ),
        representative_md=report(
            f"{RESULTS}/topics/representative_docs.md",
            caption="../report/representative_markdown.rst",
            category="2. Topics",
            subcategory="Documents",
        ),
        markdown=report(
            f"{RESULTS}/topics/topics.md",
            caption="../report/topics_markdown.rst",
            category="2. Topics",
            subcategory="Terms and labels",
        ),
        notes=f"{NOTES}/topics.json",
    log:
        f"{LOGS}/topics.log",
    benchmark:
        f"{BENCHMARKS}/topics.tsv"
    conda:
        ENV
    params:
        options=config["topics"],
        labels=config.get("topic_labels", {}),
        guardrails=config["guardrails"],
        adapt={"documents_per_topic": config["adapt"]["documents_per_topic"]},
    script:
        "../../scripts/steps/topics.py"


rule prevalence:
    input:
        article_topics=rules.topics.output.article_topics,
        summary=rules.topics.output.summary,
    output:
        over_time=report(
            f"{RESULTS}/topics/prevalence_time.csv",
            caption="../report/prevalence_time_table.rst",
            category="2. Topics",
            subcategory="Prevalence",
        ),
        by_group=report(
            f"{RESULTS}/topics/prevalence_group.csv",
            caption="../report/prevalence_group_table.rst",
            category="2. Topics",
            subcategory="Prevalence",
        ),
        notes=f"{NOTES}/prevalence.json",
    log:
        f"{LOGS}/prevalence.log",
    benchmark:
        f"{BENCHMARKS}/prevalence.tsv"
    conda:
        ENV
    params:
        options=config["prevalence"],
    script:
        "../../scripts/steps/prevalence.py"


rule topic_maps:
    input:
        model=rules.model.output.model,
        article_topics=rules.topics.output.article_topics,
        summary=rules.topics.output.summary,
    output:
        intertopic=report(
            f"{RESULTS}/topics/intertopic.csv",
            caption="../report/intertopic_table.rst",
            category="2. Topics",
            subcategory="Maps",
        ),
        distances=report(
            f"{RESULTS}/topics/topic_distances.csv",
            caption="../report/topic_distances_table.rst",
            category="2. Topics",
            subcategory="Maps",
        ),
        correlation=report(
            f"{RESULTS}/topics/topic_correlation.csv",
            caption="../report/topic_correlation_table.rst",
            category="2. Topics",
            subcategory="Maps",
        ),
        notes=f"{NOTES}/topic_maps.json",
    log:
        f"{LOGS}/topic_maps.log",
    conda:
        ENV
    params:
        correlation_min_documents=config["guardrails"]["correlation_min_documents"],
    script:
        "../../scripts/steps/topic_maps.py"


TARGETS.extend(rules.topics.output)
TARGETS.extend(rules.prevalence.output)
TARGETS.extend(rules.topic_maps.output)
