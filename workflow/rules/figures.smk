rule figure_topic_terms:
    input:
        topic_terms=rules.topics.output.topic_terms,
    output:
        png=report(
            f"{RESULTS}/figures/topic_terms.png",
            caption="../report/topic_terms.rst",
            category="3. Figures",
        ),
        svg=f"{RESULTS}/figures/topic_terms.svg",
    log:
        f"{RESULTS}/logs/figure_topic_terms.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        top_n=config["topics"]["top_n"],
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/figure_topic_terms.py"


rule figure_doc_topics:
    input:
        doc_topics=rules.topics.output.doc_topics,
    output:
        png=report(
            f"{RESULTS}/figures/doc_topics.png",
            caption="../report/doc_topics.rst",
            category="3. Figures",
        ),
        svg=f"{RESULTS}/figures/doc_topics.svg",
    log:
        f"{RESULTS}/logs/figure_doc_topics.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/figure_doc_topics.py"


TARGETS.extend(rules.figure_topic_terms.output)
TARGETS.extend(rules.figure_doc_topics.output)
