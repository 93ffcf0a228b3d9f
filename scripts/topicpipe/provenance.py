"""What made a set of results: package versions, Python, the config, input checksums."""

from __future__ import annotations

import hashlib
import platform
import sys
from collections.abc import Iterable
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


def input_checksums(paths: Iterable[str | Path]) -> dict[str, str]:
    """SHA-256 of each readable input file, keyed by path; unreadable ones say why."""
    sums = {}
    for path in sorted(str(p) for p in paths):
        try:
            sums[path] = sha256_file(path)
        except OSError as error:
            sums[path] = f"unreadable: {error.strerror}"
    return sums


def environment() -> dict[str, Any]:
    """The versions that made a result: topicpipe, Python, the platform and the packages."""
    from topicpipe import __version__

    return {
        "topicpipe": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": package_versions(),
    }


def provenance_record(config: dict[str, Any], inputs: Iterable[str | Path]) -> dict[str, Any]:
    """The provenance document written to ``results/provenance.json``."""
    return {**environment(), "config": config, "inputs": input_checksums(inputs)}
