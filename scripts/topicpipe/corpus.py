"""Dictionary and bag-of-words corpus: from token lists to gensim's Matrix Market files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from gensim.corpora import Dictionary


@dataclass(frozen=True)
class PruneSettings:
    """Vocabulary pruning, as gensim's ``Dictionary.filter_extremes``."""

    no_below: int = 5
    no_above: float = 0.5
    keep_n: int | None = 100_000


def count_terms(token_lists: Iterable[list[str]]) -> Dictionary:
    """Every term of a stream of token lists with its document and corpus frequency.

    Term ids follow sorted term order, so the dictionary does not depend on the
    order in which the documents were read.
    """
    dictionary = Dictionary()
    for tokens in token_lists:
        dictionary.add_documents([tokens])
    return sorted_dictionary(dictionary)


def prune(counted: Dictionary, settings: PruneSettings) -> Dictionary:
    """A copy of ``counted`` without rare and common terms (ids again in term order)."""
    pruned = sorted_dictionary(counted)
    pruned.filter_extremes(
        no_below=settings.no_below, no_above=settings.no_above, keep_n=settings.keep_n
    )
    return sorted_dictionary(pruned)


def build_dictionary(token_lists: Iterable[list[str]], settings: PruneSettings) -> Dictionary:
    """Count terms over a stream of token lists, then prune rare and common terms."""
    return prune(count_terms(token_lists), settings)


def vocabulary_rows(
    counted: Dictionary, pruned: Dictionary
) -> Iterator[tuple[str, int, int, bool]]:
    """(term, documents, occurrences, kept after pruning) for every term, in term order."""
    for term, term_id in sorted(counted.token2id.items()):
        yield term, counted.dfs[term_id], counted.cfs[term_id], term in pruned.token2id


def vocabulary_size(
    document_frequencies: list[int], n_documents: int, no_below: int, no_above: float
) -> int:
    """How many terms ``no_below``/``no_above`` keep (before ``keep_n``), as ``filter_extremes``."""
    limit = int(no_above * n_documents)
    return sum(1 for df in document_frequencies if no_below <= df <= limit)


def sorted_dictionary(dictionary: Dictionary) -> Dictionary:
    """Return a copy of ``dictionary`` whose ids follow alphabetical term order."""
    ordered = Dictionary()
    # gensim stamps each save with the date and platform; without it the file is byte-identical.
    ordered.lifecycle_events = None
    terms = sorted(dictionary.token2id)
    ordered.token2id = {term: i for i, term in enumerate(terms)}
    ordered.id2token = {}
    old_ids = [dictionary.token2id[term] for term in terms]
    ordered.dfs = {i: dictionary.dfs[old] for i, old in enumerate(old_ids)}
    ordered.cfs = {i: dictionary.cfs[old] for i, old in enumerate(old_ids)}
    ordered.num_docs = dictionary.num_docs
    ordered.num_pos = sum(ordered.cfs.values())
    ordered.num_nnz = sum(ordered.dfs.values())
    return ordered


@dataclass(frozen=True)
class CorpusRow:
    """One document's bag of words, or the reason it was left out."""

    doc_id: str
    bow: list[tuple[int, int]]
    input_tokens: int = 0

    @property
    def n_tokens(self) -> int:
        return sum(count for _, count in self.bow)


def bag_of_words(
    documents: Iterable[tuple[str, list[str]]], dictionary: Dictionary
) -> Iterator[CorpusRow]:
    """Yield each (id, tokens) document as a bag of words over ``dictionary``."""
    for doc_id, tokens in documents:
        yield CorpusRow(doc_id, sorted(dictionary.doc2bow(tokens)), len(tokens))


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
