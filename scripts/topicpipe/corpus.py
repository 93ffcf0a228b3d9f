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


def build_dictionary(token_lists: Iterable[list[str]], prune: PruneSettings) -> Dictionary:
    """Count terms over a stream of token lists, then prune rare and common terms.

    Term ids are renumbered in sorted term order so that the dictionary does
    not depend on the order in which the documents were read.
    """
    dictionary = Dictionary()
    for tokens in token_lists:
        dictionary.add_documents([tokens])
    dictionary.filter_extremes(
        no_below=prune.no_below, no_above=prune.no_above, keep_n=prune.keep_n
    )
    return sorted_dictionary(dictionary)


def sorted_dictionary(dictionary: Dictionary) -> Dictionary:
    """Return a copy of ``dictionary`` whose ids follow alphabetical term order."""
    ordered = Dictionary()
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

    @property
    def n_tokens(self) -> int:
        return sum(count for _, count in self.bow)


def bag_of_words(
    documents: Iterable[tuple[str, list[str]]], dictionary: Dictionary
) -> Iterator[CorpusRow]:
    """Yield each (id, tokens) document as a bag of words over ``dictionary``."""
    for doc_id, tokens in documents:
        yield CorpusRow(doc_id, sorted(dictionary.doc2bow(tokens)))


def split_empty(rows: Iterable[CorpusRow], on_empty: Callable[[str], None]) -> Iterator[CorpusRow]:
    """Pass non-empty rows through; report the id of every empty one to ``on_empty``."""
    for row in rows:
        if row.bow:
            yield row
        else:
            on_empty(row.doc_id)
