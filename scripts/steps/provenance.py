"""Rule provenance: versions, config and input checksums in provenance.json."""

import pandas as pd

from topicpipe.files import write_json
from topicpipe.logsetup import get_logger
from topicpipe.provenance import provenance_record

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("provenance", smk.log[0])
manifest = pd.read_csv(smk.input.manifest, dtype=str)
record = provenance_record(dict(smk.params.config), manifest["path"])
write_json(
    smk.output.provenance, record, newline=True, indent=2, sort_keys=True, ensure_ascii=False
)
log.info("recorded %d input checksums", len(record["inputs"]))
