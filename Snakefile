# topicpipe: raw news files -> tokens -> LDA -> tables, figures and a report.
# Run with `make run` (or `snakemake --workflow-profile workflow/profiles/default --cores all`);
# see README.md.
import sys
from pathlib import Path

import yaml
from snakemake.exceptions import WorkflowError
from snakemake.logging import logger
from snakemake.utils import min_version, validate

min_version("9.0")

# The pipeline's package lives in scripts/topicpipe/. The workflow imports it, and
# Snakemake passes this sys.path on to every script a rule runs (scripts/steps/).
sys.path.insert(0, str(Path(workflow.basedir) / "scripts"))
from topicpipe.config import coerce_to_schema
from topicpipe.config_check import config_problems, config_warnings, problems_message
from topicpipe.resume import interrupted_run_note, unlock_refusal


configfile: "config.yaml"


SCHEMA = "workflow/schemas/config.schema.yaml"
_schema = yaml.safe_load(Path(workflow.basedir, SCHEMA).read_text())
# Nested --config values arrive as strings; give them the schema's types first.
config.update(coerce_to_schema(config, _schema))
# Every problem in a line that names the key, before any job runs (the validator's own
# message prints the whole schema); then the schema is applied as Snakemake does.
if problems := config_problems(config, _schema):
    raise WorkflowError(problems_message(problems))
validate(config, SCHEMA)
# Said once, by the main process (not again by every job a cluster runs). After a kill
# Snakemake asks for one flag at a time: name the one command that resumes, and never
# unlock under a run that is still working here.
if workflow.is_main_process:
    for warning in config_warnings(config):
        logger.warning(f"topicpipe: {warning}")
    if refusal := unlock_refusal(Path.cwd(), sys.argv):
        raise WorkflowError(refusal)
    if note := interrupted_run_note(Path.cwd(), sys.argv):
        logger.warning(note)


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/ingest.smk"
include: "workflow/rules/tokenise.smk"
include: "workflow/rules/corpus.smk"
include: "workflow/rules/model.smk"
include: "workflow/rules/evaluate.smk"
include: "workflow/rules/topics.smk"
include: "workflow/rules/dynamics.smk"
include: "workflow/rules/apply.smk"
include: "workflow/rules/notes.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/explorer.smk"
include: "workflow/rules/provenance.smk"


rule all:
    default_target: True
    input:
        TARGETS,
