# Metrics of every model of the sweep (co-occurrences counted once), the selection
# rule, and the figures that show the evidence.


rule evaluate:
    input:
        tokens=rules.tokenise.output.tokens,
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
        models=SWEEP_FILES["model"],
        doc_topics=SWEEP_FILES["doc_topics.npy"],
        fits=SWEEP_FILES["fit.json"],
    output:
        metrics=report(
            f"{RESULTS}/evaluation/metrics.csv",
            caption="../report/evaluation_metrics_table.rst",
            category="4. Model selection",
        ),
        topics=report(
            f"{RESULTS}/evaluation/topic_metrics.csv",
            caption="../report/evaluation_topic_table.rst",
            category="4. Model selection",
        ),
        timing=f"{RESULTS}/evaluation/timing.json",
    log:
        f"{RESULTS}/logs/evaluate.log",
    benchmark:
        f"{RESULTS}/benchmarks/evaluate.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=8000,
        runtime=120,
    params:
        evaluation=config["evaluation"],
    script:
        "../../scripts/steps/evaluate.py"


rule select_model:
    input:
        metrics=rules.evaluate.output.metrics,
    output:
        selected=report(
            SELECTED,
            caption="../report/evaluation_selection.rst",
            category="4. Model selection",
        ),
    log:
        f"{RESULTS}/logs/select_model.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        selection=config["selection"],
    script:
        "../../scripts/steps/select_model.py"


rule figure_evaluation:
    input:
        metrics=rules.evaluate.output.metrics,
        topics=rules.evaluate.output.topics,
        selected=rules.select_model.output.selected,
        labels=f"{RESULTS}/topics/topics.csv",
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
        f"{RESULTS}/logs/figure_evaluation.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_evaluation.py"


TARGETS.extend(rules.evaluate.output)
TARGETS.append(rules.select_model.output.selected)
TARGETS.extend(rules.figure_evaluation.output)
