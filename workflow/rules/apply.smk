# The model bundle results/model/ (everything needed to process new text as the training
# corpus was, see topicpipe.apply.bundle) and applying it to a new corpus:
#   snakemake --cores all apply --config apply_corpus=PATH [apply_name=NAME]
# writes results/apply/<name>/. Applying needs only the bundle: it trains nothing that the
# bundle does not need, and no figure, map or explorer.
from topicpipe.apply import layout as BUNDLE
from topicpipe.apply.request import NAME_PATTERN

MODEL_BUNDLE = f"{RESULTS}/model"
APPLIED = f"{RESULTS}/apply/{{name}}"


rule model_bundle:
    input:
        model=rules.model.output.model,
        tokeniser=rules.tokenise_fit.output.model,
        dictionary=rules.corpus.output.dictionary,
        topics=rules.topics.output.summary,
        selected=rules.select_model.output.selected,
        # The values the run gave the settings left at auto, which the bundle's config holds.
        notes=[
            rules.ingest.output.notes,
            rules.corpus.output.notes,
            rules.heldout_split.output.notes,
            rules.evaluate.output.notes,
        ],
    output:
        tokeniser=directory(f"{MODEL_BUNDLE}/{BUNDLE.TOKENISER_DIR}"),
        dictionary=f"{MODEL_BUNDLE}/{BUNDLE.DICTIONARY}",
        topics=f"{MODEL_BUNDLE}/{BUNDLE.TOPICS}",
        config=f"{MODEL_BUNDLE}/{BUNDLE.CONFIG}",
        manifest=f"{MODEL_BUNDLE}/{BUNDLE.MANIFEST}",
    log:
        f"{LOGS}/model_bundle.log",
    conda:
        ENV
    params:
        config=BUNDLE.training_config(config),
    script:
        "../../scripts/steps/model_bundle.py"


rule apply_model:
    input:
        unpack(apply_inputs),
        bundle=rules.model_bundle.output.manifest,
    output:
        documents=f"{APPLIED}/documents.jsonl",
        manifest=report(
            f"{APPLIED}/manifest.csv",
            caption="../report/apply_manifest.rst",
            category="6. Applied to new documents",
            subcategory="{name}",
        ),
        summary=f"{APPLIED}/summary.json",
        summary_md=f"{APPLIED}/summary.md",
        duplicates=f"{APPLIED}/duplicates.csv",
        boilerplate=f"{APPLIED}/boilerplate_removed.csv",
        problems=f"{APPLIED}/problems.csv",
        tokens=f"{APPLIED}/tokens.jsonl",
        doc_topics=report(
            f"{APPLIED}/doc_topics.csv",
            caption="../report/apply_doc_topics.rst",
            category="6. Applied to new documents",
            subcategory="{name}",
        ),
        article_topics=f"{APPLIED}/article_topics.csv",
        excluded=report(
            f"{APPLIED}/excluded.csv",
            caption="../report/apply_excluded.rst",
            category="6. Applied to new documents",
            subcategory="{name}",
        ),
        coverage=f"{APPLIED}/coverage.csv",
        prevalence=report(
            f"{APPLIED}/prevalence_time.csv",
            caption="../report/apply_prevalence.rst",
            category="6. Applied to new documents",
            subcategory="{name}",
        ),
        record=f"{APPLIED}/apply.json",
    log:
        f"{LOGS}/apply_model/{{name}}.log",
    benchmark:
        f"{BENCHMARKS}/apply_model/{{name}}.tsv"
    wildcard_constraints:
        name=NAME_PATTERN,
    conda:
        ENV
    # About twice its use on 100,000 new articles (1.9 GB, 8.5 min of CPU: benchmarks/README.md).
    resources:
        mem_mb=1500,
        runtime=20,
    params:
        reading=config["apply_ingest"],
    script:
        "../../scripts/steps/apply_model.py"


rule apply:
    input:
        lambda wildcards: expand(rules.apply_model.output, name=apply_request()[0]),
    localrule: True


TARGETS.extend(rules.model_bundle.output)
