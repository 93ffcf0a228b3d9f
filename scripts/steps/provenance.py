"""Snakemake adapter: record versions, config and input checksums in provenance.json."""

import json

import pandas as pd

from topicpipe.logsetup import get_logger
from topicpipe.provenance import provenance_record

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("provenance", smk.log[0])
manifest = pd.read_csv(smk.input.manifest, dtype=str)
record = provenance_record(dict(smk.params.config), manifest["path"])
with open(smk.output.provenance, "w", encoding="utf-8") as handle:
    json.dump(record, handle, indent=2, sort_keys=True, ensure_ascii=False)
    handle.write("\n")
log.info("recorded %d input checksums", len(record["inputs"]))
