"""Which reader a path needs, and which files of a corpus folder there are."""

from __future__ import annotations

import hashlib
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


def _entries(root: str) -> list[tuple[str, str, str, os.DirEntry | None]]:
    """Every entry under ``root`` as (relative path, path, why not read, its directory entry),
    sorted by relative path; strings throughout, as this also runs whenever the workflow is
    parsed (``content_index``)."""
    found: list[tuple[str, str, str, os.DirEntry | None]] = []
    pending = [("", root)]
    while pending:
        prefix, folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            reason = f"unreadable folder ({error.strerror or error}); its files are not listed"
            found.append((prefix.rstrip("/") or ".", folder, reason, None))
            continue
        for entry in entries:
            relative = prefix + entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if not is_folder:
                found.append((relative, entry.path, "", entry))
            elif entry.name.startswith("."):
                reason = "hidden folder (not read; rename it to include it)"
                found.append((relative, entry.path, reason, None))
            else:
                pending.append((relative + "/", entry.path))
    found.sort(key=lambda item: item[0])
    return found


def walk_files(root: Path) -> list[tuple[Path, str, str]]:
    """Every entry under ``root``: its path, its path relative to ``root`` (sorted by it), and
    why it is not read ("" for a file to read).

    Hidden folders (``.git``) are listed but not entered, and so are folders that cannot be
    listed; symbolic links to folders, FIFOs, devices and sockets are listed like files
    (not followed, not opened) so that the caller can report them as skipped.
    """
    return [(Path(path), relative, reason) for relative, path, reason, _ in _entries(str(root))]


def content_index(corpus: str | Path) -> str:
    """A short fingerprint of what ingest would read from ``corpus``: each entry's relative
    path, type, size and modification time (no file is opened). It changes when a file is
    added, removed, renamed or edited anywhere under the corpus (hidden folders aside), so
    the ingest rule reruns; it is cheap enough to compute whenever the workflow is parsed."""
    root = str(corpus)
    single = [(os.path.basename(root), root, "", None)]
    lines = []
    for relative, path, reason, entry in _entries(root) if os.path.isdir(root) else single:
        info = None if reason else _stat(path, entry)
        if info is None:
            lines.append(f"{relative}\0{reason}")
        else:
            lines.append(f"{relative}\0\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}")
    data = "\n".join(lines).encode("utf-8", "surrogateescape")
    return hashlib.sha256(data).hexdigest()[:16]


def _stat(path: str, entry: os.DirEntry | None) -> os.stat_result | None:
    """The status of the file a path names (of the link itself when it leads nowhere)."""
    for follow in (True, False):
        try:
            return (
                entry.stat(follow_symlinks=follow)
                if entry
                else os.stat(path, follow_symlinks=follow)
            )
        except OSError:
            continue
    return None
