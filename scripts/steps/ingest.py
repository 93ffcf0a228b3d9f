"""Rule ingest: the corpus becomes documents.jsonl, the manifest, the audit files and a summary."""

from pathlib import Path

from topicpipe.adapt import unit_notes
from topicpipe.ingest import IngestError, IngestOptions
from topicpipe.ingest.metadata import MetadataError
from topicpipe.ingest.patterns import PatternError
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.logsetup import get_logger, stop_on
from topicpipe.notes import log_notes, write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("ingest", smk.log[0])
out = smk.output
with stop_on(IngestError, MetadataError, PatternError, stage="ingest", log=log):
    summary = ingest_to_files(
        Path(smk.input.corpus),
        IngestOptions.from_config(smk.params.options),
        IngestPaths(
            out.documents,
            out.manifest,
            out.summary,
            out.summary_md,
            out.duplicates,
            out.boilerplate,
        ),
        log,
        paragraphs_below=smk.params.paragraphs_below,
    )
notes = unit_notes(
    smk.params.options["unit"],
    summary["articles"]["kept"],
    summary["documents_by_unit"],
    smk.params.paragraphs_below,
)
log_notes(log, notes)
write_notes(out.notes, notes)
