"""Which reader a path needs, and which files of a corpus folder there are."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

# How a file is parsed: one article, one document per line, or a table of documents.
_BY_SUFFIX = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def file_format(path: Path, option: str, in_folder: bool) -> str:
    """Parser for one file: ``article``, ``lines``, ``csv``, ``tsv`` or ``jsonl``.

    ``auto`` goes by the suffix; other files are articles inside a folder, and a
    corpus given as a single file has one document per line. ``folder`` reads each
    file as one article.
    """
    if option == "folder":
        return "article"
    if option != "auto":
        return option
    return _BY_SUFFIX.get(path.suffix.lower(), "article" if in_folder else "lines")


def matches_glob(relative: str, pattern: str) -> bool:
    """Whether a path relative to the corpus matches ``ingest.glob`` (as ``rglob`` would)."""
    return PurePosixPath(relative).match(pattern)


def walk_files(root: Path) -> list[tuple[Path, str]]:
    """Every file under ``root`` with its path relative to ``root``, sorted by that path.

    Hidden folders (``.git``) are not entered; symbolic links to folders are listed
    (not followed) so the caller can report them as skipped.
    """
    found = []
    for folder, subfolders, names in os.walk(root, followlinks=False):
        base = Path(folder)
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        linked = [d for d in subfolders if (base / d).is_symlink()]
        for name in [*names, *linked]:
            path = base / name
            found.append((path.relative_to(root).as_posix(), path))
    return [(path, relative) for relative, path in sorted(found)]
