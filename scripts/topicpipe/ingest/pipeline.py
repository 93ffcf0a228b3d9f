"""Read every input file, yield documents, and record each file's fate in a manifest."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from topicpipe.ingest.decoding import decode_bytes

MANIFEST_FIELDS = ["path", "status", "reason", "encoding", "n_documents", "bytes"]


class IngestError(Exception):
    """The corpus as a whole cannot be ingested (the message says why and how to fix it)."""


@dataclass
class ManifestRow:
    """The fate of one input file."""

    path: str
    status: str = "kept"
    reason: str = ""
    encoding: str = ""
    n_documents: int = 0
    bytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in MANIFEST_FIELDS}


@dataclass
class IngestOptions:
    """What to read: ``format`` is ``auto``, ``folder`` or ``lines``."""

    format: str = "auto"
    glob: str = "*.txt"
    max_bytes: int = 50_000_000
    extra: dict[str, Any] = field(default_factory=dict)


def ingest_corpus(
    corpus: Path,
    options: IngestOptions,
    on_file: Callable[[ManifestRow], None],
    log: logging.Logger | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield document records from ``corpus``; call ``on_file`` once per input file."""
    log = log or logging.getLogger(__name__)
    if not corpus.exists():
        raise IngestError(
            f"corpus path {str(corpus)!r} does not exist; set 'corpus' in config.yaml "
            "or pass --config corpus=PATH (a folder of .txt files or a one-document-per-line file)"
        )
    fmt = options.format
    if fmt == "auto":
        fmt = "folder" if corpus.is_dir() else "lines"
    log.info("corpus %s read as format %r", corpus, fmt)
    if fmt == "folder":
        files = sorted(p for p in corpus.rglob(options.glob) if p.is_file() or p.is_symlink())
        for path in files:
            yield from _read_article_file(path, corpus, options, on_file)
    else:
        yield from _read_lines_file(corpus, options, on_file)


def _load_text(path: Path, row: ManifestRow, options: IngestOptions) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        row.status, row.reason = "skipped", f"unreadable ({error.strerror})"
        return None
    row.bytes = len(data)
    if len(data) > options.max_bytes:
        row.status, row.reason = "skipped", f"larger than ingest.max_bytes ({options.max_bytes})"
        return None
    decoded = decode_bytes(data)
    row.encoding = decoded.encoding
    if decoded.text is None:
        row.status, row.reason = "skipped", decoded.problem
        return None
    if not decoded.text.strip():
        row.status, row.reason = "skipped", "empty"
        return None
    return decoded.text.replace("\r\n", "\n").replace("\r", "\n")


def _read_article_file(
    path: Path, root: Path, options: IngestOptions, on_file: Callable[[ManifestRow], None]
) -> Iterator[dict[str, Any]]:
    row = ManifestRow(str(path))
    text = _load_text(path, row, options)
    if text is not None:
        lines = [line.strip() for line in text.split("\n")]
        title = next(line for line in lines if line)
        doc_id = path.relative_to(root).with_suffix("").as_posix()
        row.n_documents = 1
        yield _record(doc_id, str(path), title, text.strip())
    on_file(row)


def _read_lines_file(
    path: Path, options: IngestOptions, on_file: Callable[[ManifestRow], None]
) -> Iterator[dict[str, Any]]:
    row = ManifestRow(str(path))
    text = _load_text(path, row, options)
    if text is not None:
        width = len(str(text.count("\n") + 1))
        for number, line in enumerate(text.split("\n"), start=1):
            line = line.strip()
            if not line:
                continue
            title = " ".join(line.split()[:12])
            row.n_documents += 1
            yield _record(f"{path.stem}-{number:0{width}d}", str(path), title, line)
    on_file(row)


def _record(doc_id: str, source_path: str, title: str, text: str) -> dict[str, Any]:
    return {
        "id": doc_id,
        "source_path": source_path,
        "title": title,
        "text": text,
        "date": "",
        "source": "",
        "parent_id": doc_id,
        "meta": {},
    }
