"""Read every input file, clean and de-duplicate its documents, split them into units,
and record each file's fate, the boilerplate removed and the duplicates dropped."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from topicpipe.ingest.article import Article, Layout, Removal, clean_article
from topicpipe.ingest.dates import parse_date
from topicpipe.ingest.duplicates import DuplicateFinder, Match
from topicpipe.ingest.formats import file_format, matches_glob, walk_files
from topicpipe.ingest.metadata import FIELDS, Sidecar, load_sidecar
from topicpipe.ingest.normalise import normalise_text
from topicpipe.ingest.patterns import Patterns, compile_patterns
from topicpipe.ingest.readers import FileProblem, RawDoc, load_file, parse_documents
from topicpipe.ingest.summary import IngestCounts
from topicpipe.ingest.units import split_units


class IngestError(Exception):
    """The corpus as a whole cannot be ingested (the message says why and how to fix it)."""


@dataclass
class ManifestRow:
    """The fate of one input file (``status`` kept, skipped or duplicate)."""

    path: str
    format: str = ""
    status: str = "kept"
    reason: str = ""
    encoding: str = ""
    n_documents: int = 0
    n_units: int = 0
    n_duplicates: int = 0
    n_empty: int = 0
    n_bad_rows: int = 0
    lines_removed: int = 0
    chars_removed: int = 0
    duplicate_of: str = ""
    title: str = ""
    date: str = ""
    source: str = ""
    author: str = ""
    bytes: int = 0
    # What could not be read as given (a bad date, repeated sidecar rows); tables keep the
    # first few notes and count the rest.
    notes: list[str] = field(default_factory=list)
    more_notes: int = field(default=0, metadata={"column": False})

    def add_note(self, note: str, limit: int = 3) -> None:
        """Record ``note``; past ``limit`` notes only their number is kept."""
        if len(self.notes) < limit:
            self.notes.append(note)
        else:
            self.more_notes += 1

    def as_dict(self) -> dict[str, Any]:
        row = {name: getattr(self, name) for name in MANIFEST_FIELDS}
        more = [f"(and {self.more_notes} more)"] if self.more_notes else []
        row["notes"] = " | ".join(self.notes + more)
        return row


MANIFEST_FIELDS = [f.name for f in fields(ManifestRow) if f.metadata.get("column", True)]


@dataclass(frozen=True)
class IngestOptions:
    """Everything ``ingest`` in config.yaml sets, with patterns compiled."""

    format: str
    glob: str
    max_bytes: int
    columns: Mapping[str, str]
    metadata: str
    source_from_folder: bool
    unit: str
    paragraph_min_words: int
    window_words: int
    layout: Layout
    patterns: Patterns
    detect_duplicates: bool
    threshold: float
    shingle_words: int
    num_perm: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> IngestOptions:
        """Options from the ``ingest`` section of the (schema-validated) config.

        Raises ``PatternError`` naming the key of a pattern that does not compile.
        """
        dup = config["duplicates"]
        return cls(
            format=config["format"],
            glob=config["glob"],
            max_bytes=config["max_bytes"],
            columns=dict(config["columns"]),
            metadata=config["metadata"],
            source_from_folder=config["source_from_folder"],
            unit=config["unit"],
            paragraph_min_words=config["paragraph_min_words"],
            window_words=config["window_words"],
            layout=Layout(**config["layout"]),
            patterns=compile_patterns(config),
            detect_duplicates=dup["detect"],
            threshold=dup["threshold"],
            shingle_words=dup["shingle_words"],
            num_perm=dup["num_perm"],
        )


class Sink(Protocol):
    """Where the audit goes: each file's manifest row, removed lines, dropped duplicates."""

    def file(self, row: ManifestRow) -> None: ...

    def removed(self, doc_id: str, removal: Removal) -> None: ...

    def duplicate(self, doc_id: str, path: str, match: Match) -> None: ...


class NullSink:
    """A sink that keeps nothing (for callers that only want the documents)."""

    def file(self, row: ManifestRow) -> None:
        pass

    def removed(self, doc_id: str, removal: Removal) -> None:
        pass

    def duplicate(self, doc_id: str, path: str, match: Match) -> None:
        pass


class Ingest:
    """One ingest run over a corpus; iterate ``documents()``, then read ``counts``."""

    def __init__(
        self,
        corpus: Path,
        options: IngestOptions,
        sink: Sink | None = None,
        log: logging.Logger | None = None,
    ):
        self.corpus = corpus
        self.options = options
        self.sink = sink or NullSink()
        self.log = log or logging.getLogger(__name__)
        self.counts = IngestCounts()
        self.columns = dict(options.columns)
        self.finder = (
            DuplicateFinder(options.threshold, options.shingle_words, options.num_perm)
            if options.detect_duplicates
            else None
        )
        self.sidecar: Sidecar | None = None
        self._ids: set[str] = set()

    def documents(self) -> Iterator[dict[str, Any]]:
        """Yield one record per modelled document, reporting every file to the sink."""
        corpus, options = self.corpus, self.options
        if not corpus.exists():
            raise IngestError(
                f"corpus path {str(corpus)!r} does not exist; set 'corpus' in config.yaml "
                "or pass --config corpus=PATH (a folder of .txt files, or a .txt/.csv/.tsv/"
                ".jsonl file)"
            )
        if options.metadata:
            self.sidecar = load_sidecar(options.metadata)
            self.log.info("metadata sidecar %s: %d rows", options.metadata, len(self.sidecar))
        sidecar_path = Path(options.metadata).resolve() if options.metadata else None
        if corpus.is_dir():
            self.log.info(
                "corpus %s is a folder; files matching %r read as format %r, unit %r",
                corpus,
                options.glob,
                options.format,
                options.unit,
            )
            for number, (path, relative) in enumerate(walk_files(corpus), start=1):
                if number % 1000 == 0:
                    self.log.info("read %d files, %d articles kept", number, self.counts.articles)
                if sidecar_path is not None and path.resolve() == sidecar_path:
                    self._skip(path, "metadata sidecar (ingest.metadata)")
                elif not matches_glob(relative, options.glob):
                    self._skip(path, f"not matched by ingest.glob {options.glob!r}")
                else:
                    kind = file_format(path, options.format, in_folder=True)
                    yield from self._read_file(path, relative, kind)
        else:
            kind = file_format(corpus, options.format, in_folder=False)
            self.log.info(
                "corpus %s is a file read as format %r, unit %r", corpus, kind, options.unit
            )
            yield from self._read_file(corpus, corpus.name, kind)
        if self.sidecar is not None:
            self.counts.add_sidecar(self.sidecar)
            unused = self.sidecar.unused()
            if unused:
                self.log.warning(
                    "%d metadata rows matched no document, e.g. %s",
                    len(unused),
                    ", ".join(unused[:5]),
                )
            for key in self.sidecar.duplicates:
                self.log.warning("%s", self.sidecar.duplicate_note(key))

    def _skip(self, path: Path, reason: str, row: ManifestRow | None = None) -> None:
        row = row or ManifestRow(str(path))
        row.status, row.reason = "skipped", reason
        self.log.warning("skipped %s: %s", path, reason)
        self._report(row)

    def _report(self, row: ManifestRow) -> None:
        self.counts.add_file(row.status, row.reason, row.format, row.encoding)
        self.sink.file(row)

    def _read_file(self, path: Path, relative: str, kind: str) -> Iterator[dict[str, Any]]:
        row = ManifestRow(str(path), format=kind)
        loaded = load_file(path, self.options.max_bytes)
        row.encoding, row.bytes = loaded.encoding, loaded.size
        if loaded.text is None:
            self._skip(path, loaded.reason, row)
            return
        stem = str(Path(relative).with_suffix("").as_posix())
        # The first folder under the corpus names the outlet (corpus/<outlet>/.../file.txt).
        folder = relative.split("/")[0] if "/" in relative else ""
        try:
            for raw in parse_documents(loaded.text, kind, stem, self.columns):
                if isinstance(raw, str):
                    row.n_bad_rows += 1
                    self.counts.bad_rows += 1
                    self.log.warning("%s: %s", path, raw)
                    continue
                yield from self._document(raw, row, relative, folder)
        except FileProblem as problem:
            self._skip(path, str(problem), row)
            return
        if row.n_documents == 0:
            reason = (
                f"duplicate of {row.duplicate_of}"
                if row.n_duplicates and kind == "article"
                else "no documents left after cleaning"
                if row.n_empty or row.n_duplicates
                else "no documents"
            )
            row.status = "duplicate" if reason.startswith("duplicate") else "skipped"
            row.reason = reason
            if row.status == "skipped":
                self.log.warning("skipped %s: %s", path, reason)
        elif row.n_duplicates or row.n_empty or row.n_bad_rows:
            row.reason = (
                f"{row.n_duplicates} duplicates, {row.n_empty} empty, {row.n_bad_rows} bad rows"
            )
        self._report(row)

    def _unique_id(self, doc_id: str) -> str:
        if doc_id not in self._ids:
            self._ids.add(doc_id)
            return doc_id
        number = 2
        while f"{doc_id}~{number}" in self._ids:
            number += 1
        self.counts.renamed_ids += 1
        self.log.warning(
            "id %r is used twice; the later document becomes %r", doc_id, f"{doc_id}~{number}"
        )
        self._ids.add(f"{doc_id}~{number}")
        return f"{doc_id}~{number}"

    def _document(
        self, raw: RawDoc, row: ManifestRow, relative: str, folder: str
    ) -> Iterator[dict[str, Any]]:
        options = self.options
        given = dict(raw.fields)
        origin = {key: f"column {self.columns[key]!r}" for key in given}
        meta = dict(raw.meta)
        if self.sidecar is not None:
            extra, note = self.sidecar.lookup(raw.id, relative)
            if note:
                row.add_note(note)
            for key, value in extra.items():
                if key in FIELDS:
                    if value and value.strip():
                        given[key], origin[key] = value.strip(), self.sidecar.path
                else:
                    meta[key] = value
        title = normalise_text(given.get("title", "")).replace("\n", " ")
        article = clean_article(normalise_text(raw.text), options.patterns, options.layout, title)
        date, source, source_from, author = self._fields(
            article, given, origin, folder, raw.id, row
        )
        doc_id = self._unique_id(raw.id)
        for removal in article.removed:
            self.sink.removed(doc_id, removal)
            self.counts.add_removed(removal.kind, len(removal.text))
        row.lines_removed += len(article.removed)
        row.chars_removed += article.chars_removed
        if not article.text:
            row.n_empty += 1
            self.counts.empty_documents += 1
            return
        if self.finder is not None:
            match = self.finder.check(doc_id, row.path, article.text)
            if match is not None:
                row.n_duplicates += 1
                row.duplicate_of = match.kept_id
                self.counts.duplicates[match.kind] += 1
                self.sink.duplicate(doc_id, row.path, match)
                return
        row.n_documents += 1
        if row.format == "article":
            row.title, row.date, row.source, row.author = article.title, date, source, author
        self.counts.add_article(date, source_from, len(article.text), article.title_from, author)
        record = {
            "id": doc_id,
            "source_path": row.path,
            "title": article.title,
            "text": article.text,
            "date": date,
            "source": source,
            "author": author,
            "meta": meta,
        }
        # unit auto: articles here; ``stage.ingest_to_files`` splits a small corpus afterwards.
        unit_kind = "article" if options.unit == "auto" else options.unit
        for unit in split_units(
            record, unit_kind, options.paragraph_min_words, options.window_words
        ):
            row.n_units += 1
            self.counts.units[unit["unit"]] += 1
            yield unit

    def _fields(
        self,
        article: Article,
        given: Mapping[str, str],
        origin: Mapping[str, str],
        folder: str,
        doc_id: str,
        row: ManifestRow,
    ) -> tuple[str, str, str, str]:
        """Date, source, where the source came from, and author: given values win over the
        text's; a given date that cannot be read is reported (manifest, summary, log)."""
        date = article.date
        for note in article.notes:
            self._date_problem(row, doc_id, f"{note}; left undated")
        if given.get("date"):
            parsed = parse_date(given["date"], self.options.patterns.date_order)
            if parsed.iso:
                date = parsed.iso
            else:
                kept = f"kept {date} from the text" if date else "left undated"
                self._date_problem(
                    row, doc_id, f"date in {origin['date']}: {parsed.problem}; {kept}"
                )
        source, source_from = article.source, article.source_from
        if given.get("source"):
            source, source_from = normalise_text(given["source"]), "metadata"
        elif not source and folder and self.options.source_from_folder:
            source, source_from = folder, "folder"
        author = normalise_text(given["author"]) if given.get("author") else article.author
        return date, source, source_from, author

    def _date_problem(self, row: ManifestRow, doc_id: str, note: str) -> None:
        self.log.warning("%s (%s): %s", row.path, doc_id, note)
        row.add_note(f"{doc_id}: {note}" if row.format != "article" else note)
        self.counts.add_date_problem(row.path, doc_id, note)
