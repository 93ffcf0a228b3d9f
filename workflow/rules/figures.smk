rule figure_topic_terms:
    input:
        topic_terms=rules.topics.output.topic_terms,
        summary=rules.topics.output.summary,
    output:
        png=report(
            f"{RESULTS}/figures/topic_terms.png",
            caption="../report/topic_terms.rst",
            category="3. Figures",
            subcategory="Terms",
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
        "../../scripts/steps/figure_topic_terms.py"


rule figure_doc_topics:
    input:
        article_topics=rules.topics.output.article_topics,
        summary=rules.topics.output.summary,
    output:
        png=report(
            f"{RESULTS}/figures/doc_topics.png",
            caption="../report/doc_topics.rst",
            category="3. Figures",
            subcategory="Documents",
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
        "../../scripts/steps/figure_doc_topics.py"


rule figure_prevalence:
    input:
        over_time=rules.prevalence.output.over_time,
        by_group=rules.prevalence.output.by_group,
    output:
        area=report(
            f"{RESULTS}/figures/prevalence_time_area.png",
            caption="../report/prevalence_time_area.rst",
            category="3. Figures",
            subcategory="Prevalence",
        ),
        area_svg=f"{RESULTS}/figures/prevalence_time_area.svg",
        lines=report(
            f"{RESULTS}/figures/prevalence_time_lines.png",
            caption="../report/prevalence_time_lines.rst",
            category="3. Figures",
            subcategory="Prevalence",
        ),
        lines_svg=f"{RESULTS}/figures/prevalence_time_lines.svg",
        group=report(
            f"{RESULTS}/figures/prevalence_group.png",
            caption="../report/prevalence_group.rst",
            category="3. Figures",
            subcategory="Prevalence",
        ),
        group_svg=f"{RESULTS}/figures/prevalence_group.svg",
    log:
        f"{RESULTS}/logs/figure_prevalence.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        options=config["prevalence"],
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_prevalence.py"


rule figure_topic_maps:
    input:
        intertopic=rules.topic_maps.output.intertopic,
        correlation=rules.topic_maps.output.correlation,
    output:
        intertopic=report(
            f"{RESULTS}/figures/intertopic_map.png",
            caption="../report/intertopic_map.rst",
            category="3. Figures",
            subcategory="Maps",
        ),
        intertopic_svg=f"{RESULTS}/figures/intertopic_map.svg",
        correlation=report(
            f"{RESULTS}/figures/topic_correlation.png",
            caption="../report/topic_correlation.rst",
            category="3. Figures",
            subcategory="Maps",
        ),
        correlation_svg=f"{RESULTS}/figures/topic_correlation.svg",
    log:
        f"{RESULTS}/logs/figure_topic_maps.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_topic_maps.py"


TARGETS.extend(rules.figure_topic_terms.output)
TARGETS.extend(rules.figure_doc_topics.output)
TARGETS.extend(rules.figure_prevalence.output)
TARGETS.extend(rules.figure_topic_maps.output)
