"""What made a set of results: the code version, package versions, Python, the config,
input checksums."""

from __future__ import annotations

import hashlib
import platform
import subprocess
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


# The files that make the workflow, relative to the project root: their hash names the code.
WORKFLOW_FILES = ("Snakefile", "workflow", "scripts")


def workflow_files(root: str | Path) -> list[Path]:
    """Every file of the workflow under ``root`` (``WORKFLOW_FILES``), sorted, without
    Python's caches."""
    root = Path(root)
    files = []
    for part in WORKFLOW_FILES:
        path = root / part
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += [f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    return sorted(files, key=lambda f: f.relative_to(root).as_posix())


def workflow_hash(root: str | Path) -> str:
    """SHA-256 over the workflow's files: each one's path relative to ``root`` and the hash
    of its bytes, so a changed, added, removed or renamed file changes it."""
    root = Path(root)
    digest = hashlib.sha256()
    for path in workflow_files(root):
        digest.update(f"{path.relative_to(root).as_posix()}\0{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def code_version(root: str | Path) -> dict[str, Any]:
    """The code that made the results: topicpipe's version, the git commit of ``root``
    (``None`` outside a git checkout), whether the workflow's files differ from it, and
    ``workflow_hash``, which names the code with or without git."""
    from topicpipe import __version__

    root = Path(root)
    commit = _git(root, "rev-parse", "HEAD")
    changed = _git(root, "status", "--porcelain", "--", *WORKFLOW_FILES) if commit else None
    return {
        "version": __version__,
        "git_commit": commit,
        "git_modified": None if changed is None else bool(changed),
        "workflow_sha256": workflow_hash(root),
        "workflow_files": len(workflow_files(root)),
    }


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


def environment(code_root: str | Path | None = None) -> dict[str, Any]:
    """The versions that made a result: topicpipe, the code (``code``: the project at
    ``code_root``, by default the one this package belongs to), Python, the platform and the
    packages."""
    from topicpipe import __version__

    root = Path(__file__).resolve().parents[2] if code_root is None else code_root
    return {
        "topicpipe": __version__,
        "code": code_version(root),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": package_versions(),
    }


def provenance_record(
    config: dict[str, Any],
    manifest: Iterable[Mapping[str, str]],
    corpus_index: str,
    code_root: str | Path | None = None,
) -> dict[str, Any]:
    """The provenance document written to ``results/provenance.json``: the versions
    (``environment``), config, the checksum of every input (the corpus files of the ingest
    ``manifest`` rows, and the metadata sidecar named in the config), and the corpus
    fingerprint the run was planned with (``ingest.content_index``)."""
    sidecar = config.get("ingest", {}).get("metadata")
    return {
        **environment(code_root),
        "config": config,
        "corpus_index": corpus_index,
        "inputs": input_checksums(manifest, [sidecar] if sidecar else []),
    }
