# Every figure of the pipeline: one rule per figure (or group of figures), PNG and SVG.
from topicpipe.dynamics.settings import figure_options


rule figure_attrition:
    input:
        table=rules.attrition.output.table,
    output:
        png=report(
            f"{RESULTS}/figures/attrition.png",
            caption="../report/tokens_attrition_figure.rst",
            category="1. Corpus",
        ),
        svg=f"{RESULTS}/figures/attrition.svg",
    log:
        f"{LOGS}/figure_attrition.log",
    conda:
        ENV
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_attrition.py"


rule figure_corpus_stats:
    input:
        tokens=rules.tokenise_merge.output.tokens,
        documents=rules.corpus.output.documents,
        vocabulary=rules.corpus.output.vocabulary,
        # The pruning settings used (auto values resolved).
        summary=rules.corpus.output.summary,
    output:
        png=report(
            f"{RESULTS}/figures/corpus_stats.png",
            caption="../report/tokens_corpus_stats.rst",
            category="1. Corpus",
        ),
        svg=f"{RESULTS}/figures/corpus_stats.svg",
    log:
        f"{LOGS}/figure_corpus_stats.log",
    conda:
        ENV
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_corpus_stats.py"


rule figure_evaluation:
    input:
        metrics=rules.evaluate.output.metrics,
        topics=rules.evaluate.output.topics,
        selected=rules.select_model.output.selected,
        labels=rules.topics.output.summary,
        convergence=SWEEP_FILES["convergence.csv"],
        fits=SWEEP_FILES["fit.json"],
    output:
        metrics=report(
            f"{RESULTS}/figures/evaluation_metrics_by_k.png",
            caption="../report/evaluation_metrics_by_k.rst",
            category="4. Model selection",
        ),
        scatter=report(
            f"{RESULTS}/figures/evaluation_coherence_exclusivity.png",
            caption="../report/evaluation_coherence_exclusivity.rst",
            category="4. Model selection",
        ),
        convergence=report(
            f"{RESULTS}/figures/evaluation_convergence.png",
            caption="../report/evaluation_convergence.rst",
            category="4. Model selection",
        ),
        diagnostics=report(
            f"{RESULTS}/figures/evaluation_topic_diagnostics.png",
            caption="../report/evaluation_topic_diagnostics.rst",
            category="4. Model selection",
        ),
    log:
        f"{LOGS}/figure_evaluation.log",
    conda:
        ENV
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_evaluation.py"


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
        f"{LOGS}/figure_topic_terms.log",
    conda:
        ENV
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
        f"{LOGS}/figure_doc_topics.log",
    conda:
        ENV
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
        f"{LOGS}/figure_prevalence.log",
    conda:
        ENV
    params:
        options=config["prevalence"],
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_prevalence.py"


rule figure_topic_maps:
    input:
        intertopic=rules.topic_maps.output.intertopic,
        correlation=rules.topic_maps.output.correlation,
        summary=rules.topics.output.summary,
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
        f"{LOGS}/figure_topic_maps.log",
    conda:
        ENV
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_topic_maps.py"


rule figure_dynamics:
    input:
        terms=rules.dynamics_tables.output.terms,
        prevalence=rules.dynamics_tables.output.prevalence,
        periods=rules.dynamics_fit.output.periods,
    output:
        trajectories=report(
            f"{RESULTS}/figures/dynamics_term_trajectories.png",
            caption="../report/dynamics_term_trajectories.rst",
            category="3. Figures",
            subcategory="Over time (dynamic model)",
        ),
        trajectories_svg=f"{RESULTS}/figures/dynamics_term_trajectories.svg",
        heatmap=report(
            f"{RESULTS}/figures/dynamics_prevalence.png",
            caption="../report/dynamics_prevalence.rst",
            category="3. Figures",
            subcategory="Over time (dynamic model)",
        ),
        heatmap_svg=f"{RESULTS}/figures/dynamics_prevalence.svg",
    log:
        f"{LOGS}/figure_dynamics.log",
    conda:
        ENV
    params:
        options=figure_options(config),
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_dynamics.py"


TARGETS.extend(rules.figure_attrition.output)
TARGETS.extend(rules.figure_corpus_stats.output)
TARGETS.extend(rules.figure_evaluation.output)
TARGETS.extend(rules.figure_topic_terms.output)
TARGETS.extend(rules.figure_doc_topics.output)
TARGETS.extend(rules.figure_prevalence.output)
TARGETS.extend(rules.figure_topic_maps.output)
if config["dynamics"]["enabled"]:
    TARGETS.extend(rules.figure_dynamics.output)
