# topicpipe: raw news files -> tokens -> LDA -> tables, figures and a report.
# Run with `make run` (or `snakemake --workflow-profile workflow/profiles/default --cores all`);
# see README.md.
import sys
from pathlib import Path

import yaml
from snakemake.exceptions import WorkflowError
from snakemake.utils import min_version, validate

min_version("9.0")

# The pipeline's package lives in scripts/topicpipe/. The workflow imports it, and
# Snakemake passes this sys.path on to every script a rule runs (scripts/steps/).
sys.path.insert(0, str(Path(workflow.basedir) / "scripts"))
from topicpipe.config import coerce_to_schema
from topicpipe.engines.sweep import moved_keys_message


configfile: "config.yaml"


SCHEMA = "workflow/schemas/config.schema.yaml"
# Nested --config values arrive as strings; give them the schema's types first.
config.update(
    coerce_to_schema(config, yaml.safe_load(Path(workflow.basedir, SCHEMA).read_text()))
)
# Name a key of the old flat model layout before the schema calls it unexpected.
if moved := moved_keys_message(config.get("model", {})):
    raise WorkflowError(moved)
validate(config, SCHEMA)


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
