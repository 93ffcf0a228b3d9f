rule corpus:
    input:
        tokens=rules.tokenise_merge.output.tokens,
        steps=rules.tokenise_merge.output.steps,
    output:
        dictionary=f"{RESULTS}/corpus/dictionary.dict",
        corpus=f"{RESULTS}/corpus/corpus.mm",
        documents=f"{RESULTS}/corpus/documents.csv",
        excluded=report(
            f"{RESULTS}/corpus/excluded.csv",
            caption="../report/tokens_excluded.rst",
            category="1. Corpus",
        ),
        vocabulary=f"{RESULTS}/corpus/vocabulary.csv",
        summary=f"{RESULTS}/corpus/summary.json",
        notes=f"{NOTES}/corpus.json",
    log:
        f"{LOGS}/corpus.log",
    benchmark:
        f"{BENCHMARKS}/corpus.tsv"
    conda:
        ENV
    params:
        options=config["dictionary"],
        adapt={
            key: config["adapt"][key]
            for key in ("no_below", "no_below_share", "no_above", "few_documents")
        },
    script:
        "../../scripts/steps/corpus.py"


rule attrition:
    input:
        steps=rules.tokenise_merge.output.steps,
        summary=rules.corpus.output.summary,
    output:
        table=report(
            f"{RESULTS}/tokens/attrition.csv",
            caption="../report/tokens_attrition.rst",
            category="1. Corpus",
        ),
    log:
        f"{LOGS}/attrition.log",
    conda:
        ENV
    script:
        "../../scripts/steps/attrition.py"


TARGETS.append(rules.corpus.output.excluded)
TARGETS.append(rules.attrition.output.table)
