"""Which reader a path needs, and which files of a corpus folder there are."""

from __future__ import annotations

import hashlib
import os
import stat
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


def walk_files(root: Path) -> list[tuple[Path, str, str]]:
    """Every entry under ``root``: its path, its path relative to ``root`` (sorted by it), and
    why it is not read ("" for a file to read).

    Hidden folders (``.git``) are listed but not entered, and so are folders that cannot be
    listed; symbolic links to folders, FIFOs, devices and sockets are listed like files
    (not followed, not opened) so that the caller can report them as skipped.
    """
    found: list[tuple[str, Path, str]] = []
    pending = [Path(root)]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            reason = f"unreadable folder ({error.strerror or error}); its files are not listed"
            found.append((folder.relative_to(root).as_posix(), folder, reason))
            continue
        for entry in entries:
            path = folder / entry.name
            relative = path.relative_to(root).as_posix()
            if not entry.is_dir(follow_symlinks=False):
                found.append((relative, path, ""))
            elif entry.name.startswith("."):
                found.append((relative, path, "hidden folder (not read; rename it to include it)"))
            else:
                pending.append(path)
    return [(path, relative, reason) for relative, path, reason in sorted(found)]


def content_index(corpus: str | Path) -> str:
    """A short fingerprint of what ingest would read from ``corpus``: each entry's relative
    path, type, size and modification time (no file is opened). It changes when a file is
    added, removed, renamed or edited anywhere under the corpus (hidden folders aside), so
    the ingest rule reruns; it is cheap enough to compute whenever the workflow is parsed."""
    root = Path(corpus)
    digest = hashlib.sha256()
    if root.is_dir():
        entries = [(relative, path, reason) for path, relative, reason in walk_files(root)]
    else:
        entries = [(root.name, root, "")]
    for relative, path, reason in entries:
        fields = [relative, reason]
        info = None if reason else _stat(path)
        if info is not None:
            fields += [str(stat.S_IFMT(info.st_mode)), str(info.st_size), str(info.st_mtime_ns)]
        digest.update("\0".join(fields).encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()[:16]


def _stat(path: Path) -> os.stat_result | None:
    """The status of the file a path names (of the link itself when it leads nowhere)."""
    for function in (os.stat, os.lstat):
        try:
            return function(path)
        except OSError:
            continue
    return None
