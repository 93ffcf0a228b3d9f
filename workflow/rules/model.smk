# The K x seed sweep: one training job per (K, seed) model, then the selected model
# becomes results/model/, the model every later stage reads.
from topicpipe.engines.options import training_options, training_threads
from topicpipe.evaluate.sweep import model_name, sweep_grid

SWEEP = [model_name(k, seed) for k, seed in sweep_grid(config["model"])]
MODELS = f"{RESULTS}/models"
SELECTED = f"{RESULTS}/selection/selected.json"
# The engine and its own settings, so that adding a K or a seed does not retrain the
# models already there.
TRAIN_OPTIONS = training_options(config["model"])
# Each file of every model of the sweep, e.g. SWEEP_FILES["fit.json"].
SWEEP_FILES = {
    name: [f"{MODELS}/{model}/{name}" for model in SWEEP]
    for name in ("model", "doc_topics.npy", "convergence.csv", "fit.json")
}


rule heldout_split:
    input:
        documents=rules.corpus.output.documents,
    output:
        split=f"{RESULTS}/evaluation/heldout_split.csv",
    log:
        f"{RESULTS}/logs/heldout_split.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        fraction=config["evaluation"]["heldout_fraction"],
        seed=config["evaluation"]["heldout_seed"],
    script:
        "../../scripts/heldout_split.py"


rule train_model:
    input:
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
        split=rules.heldout_split.output.split,
    output:
        model=directory(f"{MODELS}/k{{k}}_seed{{seed}}/model"),
        doc_topics=f"{MODELS}/k{{k}}_seed{{seed}}/doc_topics.npy",
        convergence=f"{MODELS}/k{{k}}_seed{{seed}}/convergence.csv",
        fit=f"{MODELS}/k{{k}}_seed{{seed}}/fit.json",
    log:
        f"{RESULTS}/logs/models/k{{k}}_seed{{seed}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/models/k{{k}}_seed{{seed}}.tsv"
    wildcard_constraints:
        k=r"\d+",
        seed=r"\d+",
    conda:
        ENV
    threads: training_threads(config["model"])
    resources:
        mem_mb=8000,
        runtime=240,
    params:
        options=TRAIN_OPTIONS,
        evaluation={"heldout_seed": config["evaluation"]["heldout_seed"]},
    script:
        "../../scripts/train_model.py"


rule model:
    input:
        selected=SELECTED,
        models=SWEEP_FILES["model"],
    output:
        model=directory(f"{RESULTS}/model"),
    log:
        f"{RESULTS}/logs/model.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    script:
        "../../scripts/model.py"
