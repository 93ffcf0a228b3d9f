"""Applying a model bundle to a new corpus, on files: ingest and tokenise it with the
bundle's settings, infer its topic shares with the bundle's model, and write the same
tables as the training run (``doc_topics.csv``, ``article_topics.csv``, prevalence over
time), with the documents that could not be scored and why.

The rule ``apply_model`` and ``python -m topicpipe.apply`` both call ``apply_bundle``.
Only ``TopicEngine.infer`` touches the model, so any engine serves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary

from topicpipe.apply.bundle import Bundle
from topicpipe.apply.layout import MANIFEST
from topicpipe.apply.request import ApplyError, input_settings
from topicpipe.corpus import EXCLUDED_FIELDS, CorpusRow, corpus_row, exclusion_reason
from topicpipe.engines.base import packed, unpacked
from topicpipe.files import read_json, write_csv, write_json
from topicpipe.ingest import IngestError, IngestOptions
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
from topicpipe.interpret.documents import modelled_units
from topicpipe.interpret.guardrails import flag_explanations
from topicpipe.interpret.prevalence import is_placeholder, over_time_table
from topicpipe.interpret.rollup import article_rollup
from topicpipe.interpret.tables import unit_topic_table
from topicpipe.jsonl import read_jsonl
from topicpipe.provenance import sha256_file
from topicpipe.tokenise.stage import tokenise_with

COVERAGE_FIELDS = ["id", "n_tokens", "n_known", "known_share"]


@dataclass(frozen=True)
class ApplyPaths:
    """Where applying a bundle writes its files: the ingest stage's, then its own."""

    ingest: IngestPaths
    tokens: str | Path
    doc_topics: str | Path
    article_topics: str | Path
    excluded: str | Path
    coverage: str | Path
    prevalence: str | Path
    record: str | Path

    @classmethod
    def of(cls, outputs: Mapping[str, Any]) -> ApplyPaths:
        """The paths named like the fields of ``IngestPaths`` and of this class in
        ``outputs`` (a rule's ``snakemake.output``)."""
        # The ingest paths with a default (the copy kept on failure) may be left out.
        given = set(outputs.keys())
        ingest = IngestPaths(
            **{f.name: outputs[f.name] for f in fields(IngestPaths) if f.name in given}
        )
        own = {f.name: outputs[f.name] for f in fields(cls) if f.name != "ingest"}
        return cls(ingest, **own)

    @classmethod
    def under(cls, directory: str | Path) -> ApplyPaths:
        """The files in ``directory`` under their standard names (as ``results/apply/<name>``)."""
        return cls.of({name: Path(directory) / file for name, file in APPLY_FILES.items()})


APPLY_FILES = {
    "documents": "documents.jsonl",
    "manifest": "manifest.csv",
    "summary": "summary.json",
    "summary_md": "summary.md",
    "duplicates": "duplicates.csv",
    "boilerplate": "boilerplate_removed.csv",
    "problems": "problems.csv",
    "tokens": "tokens.jsonl",
    "doc_topics": "doc_topics.csv",
    "article_topics": "article_topics.csv",
    "excluded": "excluded.csv",
    "coverage": "coverage.csv",
    "prevalence": "prevalence_time.csv",
    "record": "apply.json",
}


@dataclass
class Scored:
    """The new documents split into those with a known word (``rows``: id and known-token
    count, ``bows`` their bags of words) and those without (``excluded``: id and reason),
    and every document's vocabulary coverage. The bags are packed (``engines.base.packed``):
    as lists of tuples, they took over 1 GB of the 1.7 GB that applying a model to 100,000
    news articles peaked at (680 MB packed)."""

    rows: pd.DataFrame
    bows: list[np.ndarray]
    excluded: list[tuple[str, str]]
    coverage: list[tuple[str, int, int, str]]

    @property
    def tokens(self) -> int:
        return sum(row[1] for row in self.coverage)

    @property
    def known(self) -> int:
        return sum(row[2] for row in self.coverage)


def unknown_reason(row: CorpusRow, tokens: list[str]) -> str:
    """Why a new document gets no topic shares: no token at all (as in training), or no token
    the model knows (with a few of its tokens, so that a reader can tell why)."""
    if row.input_tokens == 0:
        return exclusion_reason(row)
    examples = ", ".join(sorted(set(tokens))[:5])
    return f"none of its {row.input_tokens} tokens is in the model's vocabulary (e.g. {examples})"


def score_documents(documents: Iterable[tuple[str, list[str]]], dictionary: Dictionary) -> Scored:
    """Bags of words over the model's ``dictionary`` for ``(id, tokens)`` documents; a
    document with no known word is excluded with its reason, never given shares."""
    ids, known, bows, excluded, coverage = [], [], [], [], []
    for doc_id, tokens in documents:
        row = corpus_row(doc_id, tokens, dictionary)
        share = f"{row.n_tokens / row.input_tokens:.4f}" if row.input_tokens else ""
        coverage.append((row.doc_id, row.input_tokens, row.n_tokens, share))
        if row.bow:
            ids.append(row.doc_id)
            known.append(row.n_tokens)
            bows.append(packed(row.bow))
        else:
            excluded.append((row.doc_id, unknown_reason(row, tokens)))
    rows = pd.DataFrame({"id": pd.Series(ids, dtype=str), "n_tokens": pd.Series(known, dtype=int)})
    return Scored(rows, bows, excluded, coverage)


def apply_bundle(
    bundle: Bundle,
    corpus: str | Path,
    reading: Mapping[str, Any],
    paths: ApplyPaths,
    log: logging.Logger,
) -> dict[str, Any]:
    """Ingest, tokenise and score ``corpus`` with ``bundle``, writing ``paths``; return what
    ``apply.json`` records.

    ``reading`` holds the input keys of the ``ingest`` settings that differ for this corpus
    (``request.input_settings``). Raises ``ApplyError`` when no document could be read.
    """
    for warning in bundle.warnings:
        log.warning("%s", warning)
    flagged = bundle.flagged_topics()
    if flagged:
        log.warning(
            "%s (flagged in training, see the training run's run_notes.md)",
            "; ".join(flag_explanations(flagged)),
        )
    options = IngestOptions.from_config(input_settings(bundle.config["ingest"], reading))
    try:
        ingest_to_files(Path(corpus), options, paths.ingest, log)
    except IngestError:
        raise ApplyError(
            _nothing_read(corpus, read_json(paths.ingest.summary), paths.ingest.manifest)
        ) from None

    stats = tokenise_with(
        bundle.tokeniser(),
        paths.ingest.documents,
        paths.tokens,
        progress=lambda n: log.info("tokenised %d documents", n),
    )
    log.info("tokenised %d documents with the bundle's tokeniser", stats.documents)
    scored = score_documents(
        ((record["id"], record["tokens"]) for record in read_jsonl(paths.tokens)),
        bundle.dictionary(),
    )
    for doc_id, reason in scored.excluded:
        log.warning("document %s gets no topic shares: %s", doc_id, reason)

    model = bundle.model()
    theta = (
        model.infer(unpacked(bow) for bow in scored.bows)
        if scored.bows
        else np.zeros((0, model.num_topics))
    )
    units = modelled_units(scored.rows, read_jsonl(paths.ingest.documents))
    articles = article_rollup(units, theta)
    over_time, note = over_time_table(
        articles.table, articles.theta, bundle.labels(), bundle.config["prevalence"]
    )
    (log.warning if is_placeholder(over_time) else log.info)(note)

    for table, path in [
        (unit_topic_table(units, theta), paths.doc_topics),
        (articles.table, paths.article_topics),
        (over_time, paths.prevalence),
    ]:
        table.to_csv(path, index=False, float_format="%.6g")
    write_csv(paths.excluded, EXCLUDED_FIELDS, scored.excluded)
    write_csv(paths.coverage, COVERAGE_FIELDS, scored.coverage)
    record = apply_record(bundle, corpus, scored, articles.describe(), note)
    write_json(paths.record, record, newline=True, indent=1, sort_keys=True)
    log.info(
        "%d documents scored, %d without a known word; %.1f%% of their tokens known to the model",
        len(scored.bows),
        len(scored.excluded),
        100 * record["known_share"],
    )
    if not scored.bows:
        log.warning(
            "no document has a word the model knows: is this the model for this corpus "
            "(language, subject)? See %s",
            paths.excluded,
        )
    return record


def apply_record(
    bundle: Bundle, corpus: str | Path, scored: Scored, articles: str, prevalence: str
) -> dict[str, Any]:
    """``apply.json``: which bundle was applied to what, and how much of it could be scored."""
    manifest = bundle.manifest
    return {
        "bundle": str(bundle.directory),
        "bundle_manifest_sha256": sha256_file(bundle.directory / MANIFEST),
        "topicpipe": manifest["topicpipe"],
        "engine": manifest["engine"],
        "num_topics": manifest["num_topics"],
        "model": manifest["model"],
        "corpus": str(corpus),
        "documents": len(scored.coverage),
        "scored": len(scored.bows),
        "excluded": len(scored.excluded),
        "articles": articles,
        "tokens": scored.tokens,
        "known_tokens": scored.known,
        "known_share": scored.known / scored.tokens if scored.tokens else 0.0,
        "prevalence": prevalence,
        "flagged_topics": {str(topic): flags for topic, flags in bundle.flagged_topics().items()},
        "warnings": bundle.warnings,
    }


def _nothing_read(corpus: str | Path, summary: Mapping[str, Any], manifest: str | Path) -> str:
    files = summary["files"]
    why = (
        f"all {files['seen']} files were skipped or emptied by cleaning (reasons: "
        f"{files['skipped_by_reason'] or 'none'}); see {manifest} for each file's fate"
        if files["seen"]
        else "it holds no file"
    )
    return (
        f"no documents were read from {str(corpus)!r}: {why}. Give a folder of text files "
        "or a table file, or say "
        "how to read it (apply_ingest: format, glob, columns in config.yaml; --format, --glob, "
        "--column with python -m topicpipe.apply)"
    )
