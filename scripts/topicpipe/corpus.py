"""Dictionary and bag-of-words corpus: from token lists to gensim's Matrix Market files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from gensim import utils as gensim_utils
from gensim.corpora import Dictionary
from gensim.matutils import MmWriter, corpus2csc

VOCABULARY_FIELDS = ["term", "documents", "count", "kept"]
DOCUMENT_FIELDS = ["row", "id", "n_tokens"]
EXCLUDED_FIELDS = ["id", "reason"]
# gensim's ``Dictionary.add_documents`` keeps at most this many terms (its ``prune_at``).
PRUNE_AT = 2_000_000


class CorpusError(ValueError):
    """No corpus can be built with these settings (the message says which to change)."""


@dataclass(frozen=True)
class PruneSettings:
    """Vocabulary pruning, as gensim's ``Dictionary.filter_extremes``."""

    no_below: int
    no_above: float
    keep_n: int | None

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> PruneSettings:
        """Settings from the ``dictionary`` section of the (schema-validated) config."""
        return cls(section["no_below"], section["no_above"], section["keep_n"])


def count_terms(token_lists: Iterable[list[str]], prune_at: int = PRUNE_AT) -> Dictionary:
    """Every term of a stream of token lists with its document and corpus frequency.

    Term ids follow sorted term order, so the dictionary does not depend on the
    order in which the documents were read. The counts are those of gensim's
    ``Dictionary.add_documents`` one document at a time, including its cut to the
    ``prune_at`` terms in most documents whenever the vocabulary has grown past that,
    but counted with ``Counter`` (in C) instead of term by term.
    """
    dfs: Counter[str] = Counter()
    cfs: Counter[str] = Counter()
    # Terms in the order gensim numbers them (by first document, sorted within it): the
    # order in which ``_keep_widest`` breaks ties.
    order: dict[str, None] = {}
    num_docs = 0
    for tokens in token_lists:
        if len(order) > prune_at:
            _keep_widest(order, dfs, cfs, prune_at)
        distinct = set(tokens)
        new = distinct.difference(order)
        if new:
            order.update(dict.fromkeys(sorted(new)))
        dfs.update(distinct)
        cfs.update(tokens)
        num_docs += 1
    return _sorted_terms(dfs, cfs, num_docs)


def _keep_widest(order: dict[str, None], dfs: Counter, cfs: Counter, keep: int) -> None:
    """Keep the ``keep`` terms in most documents (earlier terms first among equals), as
    gensim's ``filter_extremes(no_below=0, no_above=1.0, keep_n=keep)``."""
    kept = set(sorted(order, key=dfs.__getitem__, reverse=True)[:keep])
    for term in [term for term in order if term not in kept]:
        del order[term], dfs[term], cfs[term]


def prune(counted: Dictionary, settings: PruneSettings) -> Dictionary:
    """A copy of ``counted`` without rare and common terms (ids again in term order)."""
    pruned = sorted_dictionary(counted)
    pruned.filter_extremes(
        no_below=settings.no_below, no_above=settings.no_above, keep_n=settings.keep_n
    )
    return sorted_dictionary(pruned)


def build_vocabulary(
    token_lists: Iterable[list[str]],
    settings: PruneSettings,
    steps: Mapping[str, Any] | None = None,
) -> tuple[Dictionary, Dictionary]:
    """Every term counted over a stream of token lists, and the pruned dictionary.

    Raises ``CorpusError`` when no document has a token (saying, from the tokenise
    stage's ``steps`` counts, which step took the words) or when pruning leaves no term.
    """
    counted = count_terms(token_lists)
    return counted, pruned_vocabulary(counted, settings, steps)


def pruned_vocabulary(
    counted: Dictionary, settings: PruneSettings, steps: Mapping[str, Any] | None = None
) -> Dictionary:
    """``prune``, or ``CorpusError`` when there is nothing to prune (the message says, from
    the tokenise stage's ``steps`` counts, which step took the words) or when pruning leaves
    no term (the message names the settings and the counts)."""
    if len(counted) == 0:
        raise CorpusError(no_tokens_message(steps or {}))
    dictionary = prune(counted, settings)
    if len(dictionary) == 0:
        raise CorpusError(pruned_away_message(counted, settings))
    return dictionary


# Tokenise steps that can remove every word, with what each removed and the setting to change.
_LOSSES = {
    "raw": (
        "found no words",
        "the documents hold no text the tokeniser reads as words; check "
        "results/ingest/documents.jsonl",
    ),
    "stopwords": (
        "left after removing stopwords",
        "every word was a stopword (built-in, news and tokenise.extra_stopwords lists); "
        "check that the corpus holds the text you expect (results/ingest/documents.jsonl), "
        "or keep more words with tokenise.news_stopwords: false",
    ),
    "filters": (
        "left after removing numbers and short words",
        "every word left was a number or shorter than tokenise.min_length; set "
        "tokenise.numbers: keep or lower tokenise.min_length",
    ),
    "corpus stopwords": (
        "left after removing corpus stopwords",
        "every term is in more than tokenise.corpus_stopwords_above of the documents; "
        "raise it (1.0 turns it off)",
    ),
}


def no_tokens_message(steps: Mapping[str, Any]) -> str:
    """Why no document has a token: the words left after each tokenise step (from
    ``steps.json``) up to the one that left none, and the setting to change."""
    counts = steps.get("steps", {})
    trail, reason = [], "every word was removed while tokenising; see results/tokens/steps.json"
    for step, (what, why) in _LOSSES.items():
        if step not in counts:
            continue
        tokens = counts[step]["tokens"]
        trail.append(f"{tokens:,} words found" if step == "raw" else f"{tokens:,} {what}")
        if tokens == 0:
            reason = why
            break
    n = steps.get("documents", 0)
    numbers = f" ({n:,} document{'s' * (n != 1)}: {'; '.join(trail)})" if trail else ""
    return (
        f"no document has a word left after tokenising{numbers}: {reason}. This is not a "
        "vocabulary-pruning problem, so changing dictionary.no_below or no_above will not help."
    )


def pruned_away_message(counted: Dictionary, settings: PruneSettings) -> str:
    """Why pruning left no term: the thresholds against the corpus's document counts."""
    n_documents = counted.num_docs
    widest = max(counted.dfs.values(), default=0)
    return (
        f"no term survived pruning: none of the {len(counted):,} terms is in at least "
        f"dictionary.no_below = {settings.no_below} and at most dictionary.no_above = "
        f"{settings.no_above:g} of the {n_documents:,} documents (the most widespread term is in "
        f"{widest}). Lower dictionary.no_below in config.yaml (small corpora need 1 or 2) or "
        "raise dictionary.no_above (or set both to auto)."
    )


def vocabulary_rows(counted: Dictionary, pruned: Dictionary) -> Iterator[tuple[str, int, int, int]]:
    """(term, documents, occurrences, 1 if kept after pruning else 0) for every term, in
    term order: the rows of vocabulary.csv."""
    for term, term_id in sorted(counted.token2id.items()):
        yield term, counted.dfs[term_id], counted.cfs[term_id], int(term in pruned.token2id)


def dictionary_terms(dictionary: Dictionary) -> list[str]:
    """The dictionary's terms in id order (so ``terms[i]`` is term id ``i``)."""
    return [dictionary[i] for i in range(len(dictionary))]


def term_counts(dictionary: Dictionary) -> np.ndarray:
    """How often each term (by id) occurs in the corpus, as counted when the corpus was built.

    Pruning keeps the counts of the terms it keeps, and a document's bag of words holds
    exactly its kept terms, so these equal the column sums of the bag-of-words corpus.
    """
    return np.array([dictionary.cfs[i] for i in range(len(dictionary))], dtype=np.float64)


def bow_matrix(corpus: Iterable[list[tuple[int, int]]], num_terms: int) -> sp.csr_matrix:
    """A bag-of-words corpus (e.g. ``MmCorpus``) as a (documents × ``num_terms``) sparse
    matrix of counts, row *i* the *i*-th document."""
    return corpus2csc(corpus, num_terms=num_terms).T.tocsr()


def vocabulary_size(
    document_frequencies: list[int], n_documents: int, no_below: int, no_above: float
) -> int:
    """How many terms ``no_below``/``no_above`` keep (before ``keep_n``), as ``filter_extremes``."""
    limit = int(no_above * n_documents)
    return sum(1 for df in document_frequencies if no_below <= df <= limit)


def sorted_dictionary(dictionary: Dictionary) -> Dictionary:
    """Return a copy of ``dictionary`` whose ids follow alphabetical term order."""
    ids = dictionary.token2id
    return _sorted_terms(
        {term: dictionary.dfs[i] for term, i in ids.items()},
        {term: dictionary.cfs[i] for term, i in ids.items()},
        dictionary.num_docs,
    )


def _sorted_terms(dfs: Mapping[str, int], cfs: Mapping[str, int], num_docs: int) -> Dictionary:
    """A dictionary of the terms of ``dfs`` (ids in alphabetical term order) with these
    document and corpus frequencies."""
    ordered = Dictionary()
    # gensim stamps each save with the date and platform; without it the file is byte-identical.
    ordered.lifecycle_events = None
    terms = sorted(dfs)
    ordered.token2id = {term: i for i, term in enumerate(terms)}
    ordered.id2token = {}
    ordered.dfs = {i: dfs[term] for i, term in enumerate(terms)}
    ordered.cfs = {i: cfs[term] for i, term in enumerate(terms)}
    ordered.num_docs = num_docs
    ordered.num_pos = sum(ordered.cfs.values())
    ordered.num_nnz = sum(ordered.dfs.values())
    return ordered


# Characters kept blank for the size line of a Matrix Market header (as gensim's MmWriter).
_MM_STATS_WIDTH = 50


@dataclass(frozen=True)
class CorpusRow:
    """One document's bag of words, or the reason it was left out."""

    doc_id: str
    bow: list[tuple[int, int]]
    input_tokens: int = 0

    @property
    def n_tokens(self) -> int:
        return sum(count for _, count in self.bow)


def corpus_row(doc_id: str, tokens: list[str], dictionary: Dictionary) -> CorpusRow:
    """One document as a bag of words over ``dictionary`` (terms it does not know are left
    out): gensim's ``doc2bow``, counted with ``Counter`` (in C) instead of term by term."""
    counts = Counter(map(dictionary.token2id.get, tokens))
    counts.pop(None, None)
    return CorpusRow(doc_id, [(term, counts[term]) for term in sorted(counts)], len(tokens))


def bag_of_words(
    documents: Iterable[tuple[str, list[str]]], dictionary: Dictionary
) -> Iterator[CorpusRow]:
    """Yield each (id, tokens) document as a bag of words over ``dictionary``."""
    for doc_id, tokens in documents:
        yield corpus_row(doc_id, tokens, dictionary)


def exclusion_reason(row: CorpusRow) -> str:
    """Why an empty row is not modelled."""
    if row.input_tokens == 0:
        return "no tokens after tokenising (only stopwords, numbers or short words)"
    return "no tokens left after vocabulary pruning (dictionary settings)"


def split_empty(
    rows: Iterable[CorpusRow], on_empty: Callable[[CorpusRow], None]
) -> Iterator[CorpusRow]:
    """Pass non-empty rows through; report every empty one to ``on_empty``."""
    for row in rows:
        if row.bow:
            yield row
        else:
            on_empty(row)


def write_corpus(
    documents: Iterable[tuple[str, list[str]]], dictionary: Dictionary, path: str | Path
) -> tuple[list[tuple[str, int]], list[CorpusRow]]:
    """Stream (id, tokens) documents into a Matrix Market corpus at ``path``.

    Returns (id, tokens) of the documents written, in row order, and the empty ones
    left out (see ``exclusion_reason``).
    """
    kept: list[tuple[str, int]] = []
    excluded: list[CorpusRow] = []

    def rows() -> Iterator[list[tuple[int, int]]]:
        for row in split_empty(bag_of_words(documents, dictionary), excluded.append):
            kept.append((row.doc_id, row.n_tokens))
            yield row.bow

    write_matrix_market(path, rows())
    return kept, excluded


def write_matrix_market(path: str | Path, rows: Iterable[list[tuple[int, int]]]) -> int:
    """Write bag-of-words rows (sorted by term id, counts above 0, as ``corpus_row`` makes
    them) to ``path`` and the offset of each row to ``path.index``; return the rows written.

    The files are those of gensim's ``MmCorpus.serialize`` byte for byte (so ``MmCorpus``
    reads them), written a row at a time instead of an entry at a time: the header's size
    line is left blank and filled in at the end, and an empty row's offset is -1.
    """
    offsets: list[int] = []
    num_terms = num_nnz = docs = 0
    with open(path, "wb") as out:
        out.write(MmWriter.HEADER_LINE + b" " * _MM_STATS_WIDTH + b"\n")
        for docs, bow in enumerate(rows, start=1):
            position = out.tell()
            if offsets and offsets[-1] == position:
                offsets[-1] = -1
            offsets.append(position)
            if bow:
                out.write("".join(f"{docs} {term + 1} {count}\n" for term, count in bow).encode())
                num_terms = max(num_terms, bow[-1][0] + 1)
                num_nnz += len(bow)
        stats = f"{docs} {num_terms} {num_nnz}"
        if len(stats) > _MM_STATS_WIDTH:
            raise ValueError(
                f"{path}: the matrix is too large for a Matrix Market header ({stats})"
            )
        out.seek(len(MmWriter.HEADER_LINE))
        out.write(stats.encode())
    gensim_utils.pickle(offsets, f"{path}.index")
    return docs


def corpus_summary(
    kept: list[tuple[str, int]],
    excluded: list[CorpusRow],
    counted: Dictionary,
    dictionary: Dictionary,
    settings: Mapping[str, Any],
) -> dict[str, Any]:
    """The corpus stage's summary: documents, tokens and vocabulary kept, and the settings."""
    return {
        "documents": len(kept),
        "excluded": len(excluded),
        "tokens": sum(n for _, n in kept),
        "vocabulary": len(dictionary),
        "vocabulary_before_pruning": len(counted),
        "settings": dict(settings),
    }
