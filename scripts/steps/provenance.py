"""Rule provenance: versions, config, input checksums and the corpus fingerprint in
provenance.json."""

from topicpipe.files import read_table, write_json
from topicpipe.logsetup import get_logger
from topicpipe.provenance import provenance_record

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("provenance", smk.log[0])
manifest = read_table(smk.input.manifest, text=None).to_dict("records")
record = provenance_record(dict(smk.params.config), manifest, smk.params.corpus_index)
write_json(
    smk.output.provenance, record, newline=True, indent=2, sort_keys=True, ensure_ascii=False
)
log.info("recorded %d input checksums", len(record["inputs"]))
