# The K x seed sweep: one training job per (K, seed) model, then the selected model
# becomes results/model/topic_model/, the model every later stage reads (and part of the
# model bundle results/model/, see apply.smk). Where each model lives and what it is
# trained with is decided in topicpipe.engines.sweep.
from topicpipe.engines import BUNDLE_MODEL_DIR
from topicpipe.engines.sweep import (
    MODEL_DIR,
    k_values,
    sweep_paths,
    training_options,
    training_threads,
)

MODELS = f"{RESULTS}/models"
SELECTED = f"{RESULTS}/selection/selected.json"
# Each file of every model of the sweep, e.g. SWEEP_FILES["fit.json"].
SWEEP_FILES = sweep_paths(MODELS, config["model"])


rule heldout_split:
    input:
        documents=rules.corpus.output.documents,
    output:
        split=f"{RESULTS}/evaluation/heldout_split.csv",
        notes=f"{NOTES}/heldout_split.json",
    log:
        f"{LOGS}/heldout_split.log",
    conda:
        ENV
    params:
        fraction=config["evaluation"]["heldout_fraction"],
        seed=config["evaluation"]["heldout_seed"],
        adapt={
            key: config["adapt"][key] for key in ("heldout_fraction", "heldout_below")
        },
    script:
        "../../scripts/steps/heldout_split.py"


# A K larger than the training documents that model.max_k lets train, or a selection.k or
# topic label that no trained K has, stops the run here, before any model trains. Training
# jobs take its "passed" file as ancient(): adding a K reruns this check, not the models
# already trained. Snakemake does not look past an ancient input of a job it skips (and marks
# a file ancient for every rule that reads it), so evaluate reads sweep.json, a file of its
# own, and a rerun of the check (e.g. for new topic labels) reaches every result.
rule check_sweep:
    input:
        split=rules.heldout_split.output.split,
    output:
        checked=f"{MODELS}/sweep.json",
        passed=f"{MODELS}/sweep.passed",
    log:
        f"{LOGS}/check_sweep.log",
    conda:
        ENV
    params:
        k=k_values(config["model"]["k"]),
        documents_per_topic=config["adapt"]["documents_per_topic"],
        settings={
            "model": {key: config["model"][key] for key in ("k", "max_k")},
            "selection": {key: config["selection"][key] for key in ("rule", "k")},
            "topic_labels": config.get("topic_labels") or {},
        },
    script:
        "../../scripts/steps/check_sweep.py"


rule train_model:
    input:
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
        split=rules.heldout_split.output.split,
        passed=ancient(rules.check_sweep.output.passed),
    output:
        model=directory(f"{MODELS}/{MODEL_DIR}/model"),
        doc_topics=f"{MODELS}/{MODEL_DIR}/doc_topics.npy",
        convergence=f"{MODELS}/{MODEL_DIR}/convergence.csv",
        fit=f"{MODELS}/{MODEL_DIR}/fit.json",
    log:
        f"{LOGS}/models/{MODEL_DIR}.log",
    benchmark:
        f"{BENCHMARKS}/models/{MODEL_DIR}.tsv"
    wildcard_constraints:
        k=r"\d+",
        seed=r"\d+",
    conda:
        ENV
    threads: training_threads(config["model"])
    # About twice one model's use at 100,000 documents (516 MB, 6 min with K=10), with
    # room for K up to 20; larger corpora or K: --set-resources (README).
    resources:
        mem_mb=1200,
        runtime=30,
    params:
        options=training_options(config["model"]),
        evaluation={"heldout_seed": config["evaluation"]["heldout_seed"]},
        max_k=config["model"]["max_k"],
        documents_per_topic=config["adapt"]["documents_per_topic"],
        # The smallest K is trained even above max_k, so that every run has a model.
        always_train=lambda wildcards: int(wildcards.k)
        == min(k_values(config["model"]["k"])),
    script:
        "../../scripts/steps/train_model.py"


rule model:
    input:
        selected=SELECTED,
        models=SWEEP_FILES["model"],
    output:
        model=directory(f"{RESULTS}/model/{BUNDLE_MODEL_DIR}"),
    log:
        f"{LOGS}/model.log",
    conda:
        ENV
    script:
        "../../scripts/steps/model.py"
