"""The tokenise stage on files: scan a shard, fit on all shards, apply to a shard, merge.

The Snakemake rules call these steps (``scripts/steps/tokenise_*.py``), and so does the
benchmark, so what it times is what the pipeline runs. Each step streams its files:
memory holds counts and vocabularies, never the corpus.

A scan file has one line per document: the document's id as JSON, then, after a
tab, its chunks as text (``scan.chunks_text``). This is cheaper to write and read
than JSON, and read twice by the fit and once more by the shard step.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from topicpipe.files import read_json
from topicpipe.jsonl import read_jsonl
from topicpipe.tokenise.attrition import StepCounts
from topicpipe.tokenise.fitted import FittedTokeniser, Tokeniser, fit_tokeniser
from topicpipe.tokenise.names import JOINER, SEPARATOR
from topicpipe.tokenise.phrases import layer_scores
from topicpipe.tokenise.scan import Chunks, Scanner, chunks_text, run_spans
from topicpipe.tokenise.settings import Settings
from topicpipe.tokenise.shards import interleave, shard_records

Progress = Callable[[int], None]
# Columns of phrases.csv.
PHRASE_FIELDS = ["phrase", "count", "words", "source", "npmi"]


def scan_line(doc_id: str, chunks: Chunks) -> str:
    """One document's line of a scan file (see the module docstring)."""
    return scan_text_line(doc_id, chunks_text(chunks))


def scan_text_line(doc_id: str, text: str) -> str:
    """``scan_line`` for a document's chunks as text (``chunks_text``)."""
    return json.dumps(doc_id, ensure_ascii=False) + ("\t" + text if text else "") + "\n"


def tokens_line(doc_id: str, tokens: list[str]) -> str:
    """A document's line of a tokens file, ``{"id": ..., "tokens": [...]}``, from its id as
    JSON (as the scan line holds it, so it is not decoded and encoded again)."""
    return f'{{"id": {doc_id}, "tokens": {json.dumps(tokens, ensure_ascii=False)}}}\n'


def split_scan_line(line: str) -> tuple[str, str]:
    """The JSON id and the chunks' text (``chunks_text``) of a scan file's line."""
    doc_id, _, text = line.rstrip("\n").partition("\t")
    return doc_id, text


@dataclass
class ScanSummary:
    """What scanning a shard counted: documents, name runs and the first attrition steps."""

    documents: int = 0
    runs: Counter[str] = field(default_factory=Counter)
    tally: StepCounts = field(default_factory=StepCounts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "runs": dict(sorted(self.runs.items())),
            "tally": self.tally.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], tally: bool = True) -> ScanSummary:
        """The summary ``to_dict`` wrote; without its attrition counts unless ``tally`` (the
        fit needs only documents and name runs, and the counts' vocabularies are large)."""
        counts = StepCounts.from_dict(data["tally"]) if tally else StepCounts()
        return cls(data["documents"], Counter(data["runs"]), counts)


def scan_documents(
    documents: Iterable[tuple[str, str]],
    scanner: Scanner,
    path: str | Path,
    progress: Progress | None = None,
) -> ScanSummary:
    """Pass one over ``(id, text)`` pairs: write their scan lines to ``path``, return the counts.

    ``progress(n)`` is called every 1000 documents.
    """
    summary = ScanSummary()
    runs = summary.runs
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for doc_id, text in documents:
            scan = scanner(text)
            text = chunks_text(scan.chunks)
            if SEPARATOR in text:
                runs.update(text[start:end] for start, end in run_spans(text))
            summary.tally.add_fates(scan.fates)
            handle.write(scan_text_line(doc_id, text))
            summary.documents += 1
            if progress is not None and summary.documents % 1000 == 0:
                progress(summary.documents)
    return summary


def scan_shard(
    documents_path: str | Path,
    shard: int,
    n_shards: int,
    scanner: Scanner,
    scan_path: str | Path,
    progress: Progress | None = None,
) -> ScanSummary:
    """Pass one over the documents of ``documents_path`` (JSON Lines) in ``shard``."""
    records = shard_records(documents_path, shard, n_shards)
    documents = ((record["id"], record["text"]) for record in records)
    return scan_documents(documents, scanner, scan_path, progress)


def read_scans(paths: list[str | Path]) -> Iterator[str]:
    """Every document's chunks, as text, from the shards' scan files, in document order."""
    for line in interleave(paths):
        yield split_scan_line(line)[1]


def fit_shards(
    paths: list[str | Path], summaries: list[ScanSummary], settings: Settings
) -> FittedTokeniser:
    """Names, phrases and corpus stopwords learnt from all shards' scan files."""
    runs: Counter[str] = Counter()
    for summary in summaries:
        runs.update(summary.runs)
    n_documents = sum(summary.documents for summary in summaries)
    return fit_tokeniser(lambda: read_scans(paths), runs, n_documents, settings)


def corpus_stopword_rows(fitted: FittedTokeniser, n_documents: int) -> list[list[Any]]:
    """Rows of corpus_stopwords.csv: term, documents holding it, their share."""
    return [
        [term, documents, f"{documents / n_documents:.4f}"]
        for term, documents in fitted.corpus_stopwords.items()
    ]


@dataclass
class ShardStats:
    """What applying the fitted tokeniser to a shard counted: attrition steps and phrases."""

    documents: int
    tally: StepCounts
    phrases: Counter[str]
    names: set[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "tally": self.tally.to_dict(),
            "phrases": dict(sorted(self.phrases.items())),
            "names": sorted(self.names),
        }


def apply_fitted(
    fitted: FittedTokeniser,
    scan_path: str | Path,
    tokens_path: str | Path,
    progress: Progress | None = None,
) -> ShardStats:
    """Pass two over a shard: each document's final tokens, as JSON Lines, to ``tokens_path``."""
    tally = StepCounts()
    counted: Counter[str] = Counter()
    number = 0
    with (
        open(scan_path, encoding="utf-8") as scans,
        open(tokens_path, "w", encoding="utf-8", newline="\n") as out,
    ):
        for number, line in enumerate(scans, start=1):
            doc_id, text = split_scan_line(line)
            phrased = fitted.phrased_text(text)
            tally.add("phrases", phrased)
            tokens = fitted.without_corpus_stopwords(phrased)
            if fitted.corpus_stopwords:
                tally.add("corpus stopwords", tokens)
            counted.update(tokens)
            out.write(tokens_line(doc_id, tokens))
            if progress is not None and number % 1000 == 0:
                progress(number)
    phrases = Counter({token: n for token, n in counted.items() if JOINER in token})
    return ShardStats(number, tally, phrases, set(fitted.name_tokens))


def tokenise_with(
    tokeniser: Tokeniser,
    documents_path: str | Path,
    tokens_path: str | Path,
    progress: Progress | None = None,
) -> ShardStats:
    """Both passes over a documents file (JSON Lines) with a tokeniser fitted on another
    corpus (``load_tokeniser``): the documents get their tokens exactly as that corpus's
    documents did. The scan file lives beside ``tokens_path`` until the second pass is done;
    ``progress(n)`` is called every 1000 documents of that pass.
    """
    scan_path = Path(f"{tokens_path}.scan")
    documents = ((record["id"], record["text"]) for record in read_jsonl(documents_path))
    try:
        scan_documents(documents, tokeniser.scanner, scan_path)
        return apply_fitted(tokeniser.fitted, scan_path, tokens_path, progress)
    finally:
        scan_path.unlink(missing_ok=True)


def merge_tokens(paths: list[str | Path], tokens_path: str | Path) -> int:
    """Write the shards' tokens back in document order to ``tokens_path``; return how many."""
    count = 0
    with open(tokens_path, "w", encoding="utf-8", newline="\n") as handle:
        for line in interleave(paths):
            handle.write(line)
            count += 1
    return count


def merge_steps(count_paths: list[str | Path], stats_paths: list[str | Path]) -> dict[str, Any]:
    """Documents and the per-step attrition counts over all shards (``steps.json``), from
    the scan counts and the shard statistics."""
    tally = StepCounts()
    n_documents = 0
    for counts in map(read_json, count_paths):
        tally.merge(StepCounts.from_dict(counts["tally"]))
        n_documents += counts["documents"]
    for stats in map(read_json, stats_paths):
        tally.merge(StepCounts.from_dict(stats["tally"]))
    return {"documents": n_documents, "steps": tally.counts()}


def phrase_rows(
    shard_stats: Iterable[dict[str, Any]], fitted: FittedTokeniser, aliases: Collection[str] = ()
) -> list[list[Any]]:
    """Rows of phrases.csv: every joined token with its count, words, where it came from
    (a user phrase, an alias from ``tokenise.aliases``, a name, or a learnt collocation) and
    its NPMI score where its words were scored as a collocation, most frequent first."""
    phrases: Counter[str] = Counter()
    names: set[str] = set()
    for stats in shard_stats:
        phrases.update(stats["phrases"])
        names.update(stats["names"])
    scores = layer_scores(fitted.layers)
    rows = []
    for phrase, n in sorted(phrases.items(), key=lambda item: (-item[1], item[0])):
        if phrase in fitted.user.joined:
            source = "user"
        elif phrase in aliases:
            source = "alias"
        elif phrase in names:
            source = "name"
        else:
            source = "collocation"
        score = scores.get(phrase)
        words = phrase.count(JOINER) + 1
        rows.append([phrase, n, words, source, "" if score is None else f"{score:.3f}"])
    return rows
