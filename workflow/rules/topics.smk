rule topics:
    input:
        model=rules.model.output.model,
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
        corpus_documents=rules.corpus.output.documents,
        documents=rules.ingest.output.documents,
    output:
        topic_terms=report(
            f"{RESULTS}/topics/topic_terms.csv",
            caption="../report/topic_terms_table.rst",
            category="2. Topics",
        ),
        doc_topics=report(
            f"{RESULTS}/topics/doc_topics.csv",
            caption="../report/doc_topics_table.rst",
            category="2. Topics",
        ),
        markdown=f"{RESULTS}/topics/topics.md",
    log:
        f"{RESULTS}/logs/topics.log",
    benchmark:
        f"{RESULTS}/benchmarks/topics.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=4000,
        runtime=30,
    params:
        top_n=config["topics"]["top_n"],
    script:
        "../../scripts/topics.py"


TARGETS.extend(rules.topics.output)
