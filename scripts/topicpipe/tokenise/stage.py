"""The tokenise stage on files: scan a shard, fit the model, apply it to a shard, merge.

The Snakemake rules call these steps (``scripts/tokenise_*.py``), and so does the
benchmark, so what it times is what the pipeline runs. Each step streams its
files: memory holds counts and vocabularies, never the corpus.

A scan file has one line per document: the document's id as JSON, then, after a
tab, its chunks as text (``scan.chunks_text``). This is cheaper to write and read
than JSON, and read twice by the fit and once more by the shard step.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from topicpipe.tokenise.attrition import Tally
from topicpipe.tokenise.model import TokenModel, fit_model
from topicpipe.tokenise.names import JOINER, SEPARATOR
from topicpipe.tokenise.scan import Chunks, Scanner, chunks_text, text_chunks
from topicpipe.tokenise.settings import Settings
from topicpipe.tokenise.shards import interleave


def scan_line(doc_id: str, chunks: Chunks) -> str:
    """One document's line of a scan file (see the module docstring)."""
    text = chunks_text(chunks)
    return json.dumps(doc_id, ensure_ascii=False) + ("\t" + text if chunks else "") + "\n"


def _split_line(line: str) -> tuple[str, str]:
    """The JSON id and the chunks' text (``chunks_text``) of a scan file's line."""
    doc_id, _, text = line.rstrip("\n").partition("\t")
    return doc_id, text


def read_scan_line(line: str) -> tuple[str, Chunks]:
    """The id and chunks of one line of a scan file."""
    doc_id, text = _split_line(line)
    return json.loads(doc_id), text_chunks(text)


@dataclass
class ScanSummary:
    """What scanning a shard counted: documents, name runs and the first attrition steps."""

    documents: int = 0
    runs: Counter[str] = field(default_factory=Counter)
    tally: Tally = field(default_factory=Tally)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "runs": dict(sorted(self.runs.items())),
            "tally": self.tally.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScanSummary:
        return cls(data["documents"], Counter(data["runs"]), Tally.from_dict(data["tally"]))


def scan_documents(
    documents: Iterable[tuple[str, str]], scanner: Scanner, path: str | Path, progress=None
) -> ScanSummary:
    """Pass one over ``(id, text)`` pairs: write their scan lines to ``path``, return the counts.

    ``progress(n)`` is called every 1000 documents.
    """
    summary = ScanSummary()
    runs = summary.runs
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for doc_id, text in documents:
            scan = scanner(text)
            chunks = scan.chunks
            for chunk in chunks:
                if SEPARATOR in "".join(chunk):
                    runs.update(item for item in chunk if SEPARATOR in item)
            summary.tally.add_fates(scan.fates)
            handle.write(scan_line(doc_id, chunks))
            summary.documents += 1
            if progress is not None and summary.documents % 1000 == 0:
                progress(summary.documents)
    return summary


def read_scans(paths: list[str | Path]) -> Iterator[str]:
    """Every document's chunks, as text, from the shards' scan files, in document order."""
    for line in interleave(paths):
        yield _split_line(line)[1]


def fit(paths: list[str | Path], summaries: list[ScanSummary], settings: Settings) -> TokenModel:
    """Names, phrases and corpus stopwords learnt from all shards' scan files."""
    runs: Counter[str] = Counter()
    for summary in summaries:
        runs.update(summary.runs)
    return fit_model(
        lambda: read_scans(paths),
        runs,
        sum(summary.documents for summary in summaries),
        settings.scanner(),
        settings.phrases,
        name_min_count=settings.name_min_count,
        corpus_max_share=settings.corpus_stopwords_above,
    )


@dataclass
class ShardStats:
    """What applying the model to a shard counted: attrition steps and phrase tokens."""

    documents: int
    tally: Tally
    phrases: Counter[str]
    names: set[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tally": self.tally.to_dict(),
            "phrases": dict(sorted(self.phrases.items())),
            "names": sorted(self.names),
        }


def apply_model(
    model: TokenModel, scan_path: str | Path, tokens_path: str | Path, progress=None
) -> ShardStats:
    """Pass two over a shard: each document's final tokens, as JSON Lines, to ``tokens_path``."""
    tally = Tally()
    counted: Counter[str] = Counter()
    number = 0
    with (
        open(scan_path, encoding="utf-8") as scans,
        open(tokens_path, "w", encoding="utf-8", newline="\n") as out,
    ):
        for number, line in enumerate(scans, start=1):
            doc_id, text = _split_line(line)
            doc_id = json.loads(doc_id)
            phrased = model.phrased_text(text)
            tally.add("phrases", phrased)
            tokens = model.without_corpus_stopwords(phrased)
            if model.corpus_stopwords:
                tally.add("corpus stopwords", tokens)
            counted.update(tokens)
            record = {"id": doc_id, "tokens": tokens}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            if progress is not None and number % 1000 == 0:
                progress(number)
    phrases = Counter({token: n for token, n in counted.items() if JOINER in token})
    return ShardStats(number, tally, phrases, set(model.name_tokens))
