"""Rule ingest: the corpus becomes documents.jsonl, the manifest, the audit files and a summary."""

from pathlib import Path

from topicpipe.ingest import IngestError, IngestOptions
from topicpipe.ingest.metadata import MetadataError
from topicpipe.ingest.patterns import PatternError
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.logsetup import get_logger, stop_on

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("ingest", smk.log[0])
out = smk.output
with stop_on(IngestError, MetadataError, PatternError, stage="ingest", log=log):
    ingest_to_files(
        Path(smk.input.corpus),
        IngestOptions.from_config(smk.params.options),
        IngestPaths(
            out.documents,
            out.manifest,
            out.summary,
            out.summary_md,
            out.duplicates,
            out.boilerplate,
            out.problems,
            kept=Path(smk.log.manifest).parent,
        ),
        log,
    )
