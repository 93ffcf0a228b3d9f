"""Dictionary and pruning: order-independent ids, threshold arithmetic, exclusion reasons."""

from __future__ import annotations

import numpy as np
import pytest
from gensim.corpora import Dictionary, MmCorpus

from topicpipe.corpus import (
    CorpusError,
    PruneSettings,
    bag_of_words,
    bow_matrix,
    build_vocabulary,
    corpus_summary,
    count_terms,
    dictionary_terms,
    exclusion_reason,
    prune,
    sorted_dictionary,
    split_empty,
    term_counts,
    vocabulary_rows,
    vocabulary_size,
    write_corpus,
    write_matrix_market,
)
from topicpipe.tokenise.attrition import StepCounts, attrition_rows

DOCS = [["iran", "oil", "sco"], ["oil", "russia"], ["oil", "iran", "iran"], ["deal"]]


def test_term_ids_do_not_depend_on_document_order():
    settings = PruneSettings(no_below=1, no_above=1.0, keep_n=None)
    _, forward = build_vocabulary(DOCS, settings)
    _, backward = build_vocabulary(list(reversed(DOCS)), settings)
    assert forward.token2id == backward.token2id
    assert list(forward.token2id) == sorted(forward.token2id)
    assert forward.dfs == backward.dfs


def test_vocabulary_size_agrees_with_gensim_filter_extremes():
    counted = count_terms(DOCS)
    dfs = list(counted.dfs.values())
    for no_below in (1, 2, 3):
        for no_above in (0.25, 0.5, 0.75, 1.0):
            pruned = prune(counted, PruneSettings(no_below, no_above, None))
            assert vocabulary_size(dfs, len(DOCS), no_below, no_above) == len(pruned)


def test_vocabulary_rows_mark_pruned_terms():
    counted = count_terms(DOCS)
    pruned = prune(counted, PruneSettings(no_below=2, no_above=0.5, keep_n=None))
    rows = {term: (df, cf, kept) for term, df, cf, kept in vocabulary_rows(counted, pruned)}
    assert rows["iran"] == (2, 3, 1)
    assert rows["oil"][2] == 0  # in 3 of 4 documents: above no_above
    assert rows["deal"][2] == 0  # in 1 document: below no_below


def test_empty_documents_are_reported_with_why():
    dictionary = prune(count_terms(DOCS), PruneSettings(no_below=2, no_above=1.0, keep_n=None))
    documents = [("a", ["iran", "oil"]), ("b", []), ("c", ["deal"])]
    empty = []
    kept = list(split_empty(bag_of_words(documents, dictionary), empty.append))
    assert [row.doc_id for row in kept] == ["a"]
    reasons = {row.doc_id: exclusion_reason(row) for row in empty}
    assert "tokenising" in reasons["b"] and "pruning" in reasons["c"]


def test_attrition_rows_follow_the_pipeline_and_merge_across_shards():
    first, second = StepCounts(), StepCounts()
    first.add_fates([("Iran", "iran", 2), ("the", "the", 0), ("12", "12", 1)])
    second.add_fates([("IRAN", "iran", 2), ("oil", "oil", 2)])
    first.merge(second)
    first.add("phrases", ["iran", "iran", "oil"])
    rows = attrition_rows(first.counts(), 2, {"documents": 2, "tokens": 2, "vocabulary": 1})
    assert [r["step"] for r in rows] == ["raw", "stopwords", "filters", "phrases", "pruning"]
    raw, stop, filters = rows[0], rows[1], rows[2]
    assert (raw["tokens"], raw["vocabulary"]) == (5, 4)
    assert (stop["tokens"], stop["tokens_removed"]) == (4, 1)
    assert (filters["tokens"], filters["vocabulary"]) == (3, 2)
    assert rows[-1]["tokens_removed"] == 1


def test_pruning_that_keeps_no_term_names_the_settings_to_change():
    with pytest.raises(CorpusError, match="dictionary.no_below"):
        build_vocabulary(DOCS, PruneSettings(no_below=5, no_above=1.0, keep_n=None))


def test_term_counts_kept_by_the_dictionary_equal_the_corpus_column_sums(tmp_path):
    documents = [("a", ["iran", "oil", "oil"]), ("b", ["deal"]), ("c", ["oil", "iran", "sco"])]
    counted, dictionary = build_vocabulary(
        (tokens for _, tokens in documents), PruneSettings(no_below=2, no_above=1.0, keep_n=None)
    )
    kept, excluded = write_corpus(documents, dictionary, tmp_path / "corpus.mm")
    assert kept == [("a", 3), ("c", 2)] and [row.doc_id for row in excluded] == ["b"]
    sums = np.zeros(len(dictionary))
    for bow in MmCorpus(str(tmp_path / "corpus.mm")):
        for term, count in bow:
            sums[term] += count
    np.testing.assert_array_equal(term_counts(dictionary), sums)
    matrix = bow_matrix(MmCorpus(str(tmp_path / "corpus.mm")), len(dictionary))
    assert matrix.shape == (2, 2) and matrix.toarray().tolist() == [[1, 2], [1, 1]]
    assert dictionary_terms(dictionary) == ["iran", "oil"]
    summary = corpus_summary(kept, excluded, counted, dictionary, {"no_below": 2})
    assert (summary["documents"], summary["tokens"], summary["vocabulary"]) == (2, 5, 2)
    assert summary["vocabulary_before_pruning"] == 4


def _gensim_counts(token_lists, prune_at):
    """What gensim's own ``add_documents`` counts, one document at a time."""
    dictionary = Dictionary()
    for tokens in token_lists:
        dictionary.add_documents([tokens], prune_at=prune_at)
    return sorted_dictionary(dictionary)


@pytest.mark.parametrize("prune_at", [2_000_000, 3])
def test_term_counts_are_gensims_also_when_the_vocabulary_is_cut(prune_at):
    docs = DOCS + [["zeta", "yak", "oil"], ["yak", "deal", "kiwi"], ["iran", "kiwi"], ["sco"]]
    counted = count_terms(docs, prune_at=prune_at)
    expected = _gensim_counts(docs, prune_at)
    assert counted.token2id == expected.token2id
    assert (counted.dfs, counted.cfs) == (expected.dfs, expected.cfs)
    assert (counted.num_docs, counted.num_pos, counted.num_nnz) == (
        expected.num_docs,
        expected.num_pos,
        expected.num_nnz,
    )
    if prune_at == 3:
        # Cut to the terms in most documents whenever more than 3 were counted.
        assert len(counted) < len(count_terms(docs)) and "oil" in counted.token2id


def test_bags_of_words_and_corpus_files_are_gensims(tmp_path):
    dictionary = prune(count_terms(DOCS), PruneSettings(no_below=1, no_above=1.0, keep_n=None))
    documents = [("a", ["oil", "iran", "oil", "unknown"]), ("b", ["nothing"]), ("c", ["sco"])]
    bows = [row.bow for row in bag_of_words(documents, dictionary)]
    assert bows == [dictionary.doc2bow(tokens) for _, tokens in documents]
    assert bows[1] == [] and bows[0] == [
        (dictionary.token2id["iran"], 1),
        (dictionary.token2id["oil"], 2),
    ]
    assert write_matrix_market(tmp_path / "ours.mm", bows) == 3
    MmCorpus.serialize(str(tmp_path / "gensim.mm"), bows)
    for suffix in ("mm", "mm.index"):
        ours, theirs = tmp_path / f"ours.{suffix}", tmp_path / f"gensim.{suffix}"
        assert ours.read_bytes() == theirs.read_bytes()
    assert list(MmCorpus(str(tmp_path / "ours.mm"))) == bows
