# Metrics of every model of the sweep (co-occurrences counted once) and the selection
# rule; their figures are in figures.smk.


rule evaluate:
    input:
        tokens=rules.tokenise_merge.output.tokens,
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
        documents=rules.corpus.output.documents,
        models=SWEEP_FILES["model"],
        doc_topics=SWEEP_FILES["doc_topics.npy"],
        fits=SWEEP_FILES["fit.json"],
        # Training reads the sweep check's other file as ancient(); this one carries a rerun
        # of the check (a K removed, new labels) on to the evaluation and all after it.
        checked=rules.check_sweep.output.checked,
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
        notes=f"{NOTES}/evaluate.json",
    log:
        f"{LOGS}/evaluate.log",
    benchmark:
        f"{BENCHMARKS}/evaluate.tsv"
    conda:
        ENV
    params:
        evaluation=config["evaluation"],
        max_k=config["model"]["max_k"],
        documents_per_topic=config["adapt"]["documents_per_topic"],
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
        f"{LOGS}/select_model.log",
    conda:
        ENV
    params:
        selection=config["selection"],
    script:
        "../../scripts/steps/select_model.py"


TARGETS.extend(rules.evaluate.output)
TARGETS.append(rules.select_model.output.selected)
