"""Rule run_notes: the run's automatic choices and warnings, as Markdown, JSON and HTML."""

from pathlib import Path

from topicpipe.logsetup import get_logger
from topicpipe.notes import gather, notes_html, notes_markdown, write_notes

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("run_notes", smk.log[0])
notes = gather(smk.input.notes)
Path(smk.output.markdown).write_text(notes_markdown(notes), encoding="utf-8")
write_notes(smk.output.json, notes)
title = f"Run notes: {smk.params.corpus}"
Path(smk.output.html).write_text(notes_html(notes, title), encoding="utf-8")
warnings = sum(note.kind == "warning" for note in notes)
log.info("%d automatic choices and %d warnings", len(notes) - warnings, warnings)
