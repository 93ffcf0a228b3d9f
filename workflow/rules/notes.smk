# The run notes: every automatic choice and guardrail warning of the run, gathered from the
# rules that made them (their notes files under results/notes/).


rule run_notes:
    input:
        notes=[
            rules.ingest.output.notes,
            rules.corpus.output.notes,
            rules.heldout_split.output.notes,
            rules.evaluate.output.notes,
            rules.topics.output.notes,
            rules.topic_maps.output.notes,
            rules.prevalence.output.notes,
        ],
    output:
        markdown=f"{RESULTS}/run_notes.md",
        json=f"{RESULTS}/run_notes.json",
        html=report(
            f"{RESULTS}/run_notes.html",
            caption="../report/run_notes.rst",
            category="0. Run notes",
        ),
    log:
        f"{LOGS}/run_notes.log",
    conda:
        ENV
    params:
        corpus=config["corpus"],
    script:
        "../../scripts/steps/run_notes.py"


TARGETS.extend(rules.run_notes.output)
