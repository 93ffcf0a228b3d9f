# Topic dynamics: a dynamic topic model over the periods of the dated documents, linked to
# the static model's topics; prevalence per period, rise and fall, terms gained and lost.
# Which settings each rule depends on is decided in topicpipe.dynamics.settings.
from topicpipe.dynamics.settings import fit_options, table_options

DYNAMICS_DIR = f"{RESULTS}/dynamics"


rule dynamics_fit:
    input:
        corpus=rules.corpus.output.corpus,
        dictionary=rules.corpus.output.dictionary,
        corpus_documents=rules.corpus.output.documents,
        documents=rules.ingest.output.documents,
        model=rules.model.output.model,
    output:
        periods=report(
            f"{DYNAMICS_DIR}/periods.csv",
            caption="../report/dynamics_periods.rst",
            category="2. Topics",
            subcategory="Over time (dynamic model)",
        ),
        documents=f"{DYNAMICS_DIR}/documents.csv",
        fit=f"{DYNAMICS_DIR}/fit.npz",
        summary=f"{DYNAMICS_DIR}/fit.json",
    log:
        f"{LOGS}/dynamics_fit.log",
    benchmark:
        f"{BENCHMARKS}/dynamics_fit.tsv"
    conda:
        ENV
    resources:
        mem_mb=8000,
        runtime=120,
    params:
        options=fit_options(config),
    script:
        "../../scripts/steps/dynamics_fit.py"


rule dynamics_tables:
    input:
        fit=rules.dynamics_fit.output.fit,
        summary=rules.dynamics_fit.output.summary,
        periods=rules.dynamics_fit.output.periods,
        documents=rules.dynamics_fit.output.documents,
        topics=rules.topics.output.summary,
        dictionary=rules.corpus.output.dictionary,
        corpus_documents=rules.corpus.output.documents,
    output:
        terms=report(
            f"{DYNAMICS_DIR}/topic_terms_by_period.csv",
            caption="../report/dynamics_terms_table.rst",
            category="2. Topics",
            subcategory="Over time (dynamic model)",
        ),
        prevalence=report(
            f"{DYNAMICS_DIR}/prevalence_by_period.csv",
            caption="../report/dynamics_prevalence_table.rst",
            category="2. Topics",
            subcategory="Over time (dynamic model)",
        ),
        changes=report(
            f"{DYNAMICS_DIR}/rise_fall.csv",
            caption="../report/dynamics_rise_fall_table.rst",
            category="2. Topics",
            subcategory="Over time (dynamic model)",
        ),
        term_changes=report(
            f"{DYNAMICS_DIR}/term_changes.csv",
            caption="../report/dynamics_term_changes_table.rst",
            category="2. Topics",
            subcategory="Over time (dynamic model)",
        ),
        links=report(
            f"{DYNAMICS_DIR}/topic_links.csv",
            caption="../report/dynamics_links_table.rst",
            category="2. Topics",
            subcategory="Over time (dynamic model)",
        ),
        markdown=f"{DYNAMICS_DIR}/rise_fall.md",
    log:
        f"{LOGS}/dynamics_tables.log",
    benchmark:
        f"{BENCHMARKS}/dynamics_tables.tsv"
    conda:
        ENV
    resources:
        mem_mb=4000,
        runtime=30,
    params:
        options=table_options(config),
    script:
        "../../scripts/steps/dynamics_tables.py"


if config["dynamics"]["enabled"]:
    TARGETS.extend(rules.dynamics_tables.output)
