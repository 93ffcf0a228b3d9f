"""What made a set of results: package versions, Python, the config, input checksums."""

from __future__ import annotations

import hashlib
import platform
import sys
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = (
    "snakemake",
    "gensim",
    "tomotopy",
    "nltk",
    "simplemma",
    "numpy",
    "scipy",
    "pandas",
    "matplotlib",
    "charset-normalizer",
)


def sha256_file(path: str | Path, block: int = 1 << 20) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def package_versions(names: Iterable[str] = PACKAGES) -> dict[str, str]:
    """Installed version of each named distribution ("not installed" if absent)."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def input_checksums(
    manifest: Iterable[Mapping[str, str]], extra: Iterable[str | Path] = ()
) -> dict[str, str]:
    """SHA-256 of each input file, keyed by path: for corpus files as ingest read them (the
    manifest's ``sha256``; a file it did not read says why), for ``extra`` files (the
    metadata sidecar) computed now."""
    sums = {}
    for row in manifest:
        sums[row["path"]] = row["sha256"] or f"not read: {row['reason']}"
    for path in extra:
        try:
            sums[str(path)] = sha256_file(path)
        except OSError as error:
            sums[str(path)] = f"unreadable: {error.strerror}"
    return dict(sorted(sums.items()))


def provenance_record(
    config: dict[str, Any], manifest: Iterable[Mapping[str, str]], corpus_index: str
) -> dict[str, Any]:
    """The provenance document written to ``results/provenance.json``: versions, config,
    the checksum of every input (the corpus files of the ingest ``manifest`` rows, and the
    metadata sidecar named in the config), and the corpus fingerprint the run was planned
    with (``ingest.content_index``)."""
    from topicpipe import __version__

    sidecar = config.get("ingest", {}).get("metadata")
    return {
        "topicpipe": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": package_versions(),
        "config": config,
        "corpus_index": corpus_index,
        "inputs": input_checksums(manifest, [sidecar] if sidecar else []),
    }
