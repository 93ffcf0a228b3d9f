rule corpus:
    input:
        tokens=rules.tokenise.output.tokens,
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
    log:
        f"{RESULTS}/logs/corpus.log",
    benchmark:
        f"{RESULTS}/benchmarks/corpus.tsv"
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=4000,
        runtime=30,
    params:
        options=config["dictionary"],
    script:
        "../../scripts/steps/corpus.py"


rule attrition:
    input:
        steps=rules.tokenise.output.steps,
        summary=rules.corpus.output.summary,
    output:
        table=report(
            f"{RESULTS}/tokens/attrition.csv",
            caption="../report/tokens_attrition.rst",
            category="1. Corpus",
        ),
        png=report(
            f"{RESULTS}/figures/attrition.png",
            caption="../report/tokens_attrition_figure.rst",
            category="1. Corpus",
        ),
        svg=f"{RESULTS}/figures/attrition.svg",
    log:
        f"{RESULTS}/logs/attrition.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/attrition.py"


rule figure_corpus_stats:
    input:
        tokens=rules.tokenise.output.tokens,
        documents=rules.corpus.output.documents,
        vocabulary=rules.corpus.output.vocabulary,
    output:
        png=report(
            f"{RESULTS}/figures/corpus_stats.png",
            caption="../report/tokens_corpus_stats.rst",
            category="1. Corpus",
        ),
        svg=f"{RESULTS}/figures/corpus_stats.svg",
    log:
        f"{RESULTS}/logs/figure_corpus_stats.log",
    conda:
        ENV
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        dictionary=config["dictionary"],
        dpi=config["figures"]["dpi"],
    script:
        "../../scripts/steps/figure_corpus_stats.py"


TARGETS.append(rules.corpus.output.excluded)
TARGETS.extend(rules.attrition.output)
TARGETS.extend(rules.figure_corpus_stats.output)
