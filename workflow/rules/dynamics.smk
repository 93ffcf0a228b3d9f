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
        notes=f"{NOTES}/dynamics_fit.json",
    log:
        f"{LOGS}/dynamics_fit.log",
    benchmark:
        f"{BENCHMARKS}/dynamics_fit.tsv"
    conda:
        ENV
    # About twice its use at 100,000 documents with K=20 (470 MB and 3 min with K=10; its
    # arrays grow with periods x K x terms). The step refuses a fit that would not fit mem_mb.
    resources:
        mem_mb=1500,
        runtime=20,
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
        notes=f"{NOTES}/dynamics_tables.json",
    log:
        f"{LOGS}/dynamics_tables.log",
    benchmark:
        f"{BENCHMARKS}/dynamics_tables.tsv"
    conda:
        ENV
    # About twice its peak at 100,000 documents with K=20 (428 MB with K=10, which reads
    # the fit's 135 MB of word distributions).
    resources:
        mem_mb=1200,
    params:
        options=table_options(config),
    script:
        "../../scripts/steps/dynamics_tables.py"


if config["dynamics"]["enabled"]:
    TARGETS.extend(rules.dynamics_tables.output)
