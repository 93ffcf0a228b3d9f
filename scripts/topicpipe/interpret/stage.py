"""The topics stage: from the selected model and its topic shares to every topic table.

``topic_tables`` is what the rule ``topics`` runs; it works on any model, topic shares
and documents (``records`` is called twice, so a large corpus is streamed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary

from topicpipe.corpus import dictionary_terms, term_counts
from topicpipe.interpret import guardrails as guard
from topicpipe.interpret import representative as rep
from topicpipe.interpret.documents import modelled_units, texts_of
from topicpipe.interpret.labels import FLAT_LABEL, LabelSettings, label_map, label_table
from topicpipe.interpret.rollup import Articles, article_rollup
from topicpipe.interpret.tables import topic_summary, topics_markdown, unit_topic_table
from topicpipe.interpret.term_rankings import ranked_terms, term_probabilities
from topicpipe.notes import Note
from topicpipe.tokenise.tokens import WordClassifier


@dataclass
class TopicTables:
    """Every output of the topics stage, in memory."""

    terms: pd.DataFrame
    summary: pd.DataFrame
    markdown: str
    documents: pd.DataFrame
    articles: Articles
    representative: pd.DataFrame
    representative_markdown: str
    notes: list[Note]


def word_forms(classify: WordClassifier) -> rep.WordForms:
    """The tokens a surface word becomes under a tokeniser's word classifier (its name form
    and its common form), for matching keywords in snippets as whole tokens."""

    def forms(word: str) -> tuple[str, str]:
        classified = classify(word)
        return classified.name, classified.common

    return forms


def topic_tables(
    phi: np.ndarray,
    dictionary: Dictionary,
    theta: np.ndarray,
    human_labels: Mapping[int, str],
    corpus_rows: pd.DataFrame,
    records: Callable[[], Iterable[Mapping[str, Any]]],
    options: Mapping[str, Any],
    guardrails: guard.GuardrailSettings,
    forms: rep.WordForms,
) -> TopicTables:
    """Term rankings, labels, guardrail flags, unit and article tables, and representative
    articles.

    ``phi`` (K, V) are the topics over the terms of ``dictionary`` (whose term counts give
    the corpus-wide term shares), ``theta`` (D, K) the shares of the corpus rows
    ``corpus_rows`` (``documents.csv``); ``records()`` streams the ingested documents;
    ``options`` is the ``topics`` section of the config; ``forms`` gives the tokens a word
    of a text becomes (``word_forms``), to find keywords in snippets.
    """
    top_n, n_docs = options["top_n"], options["representative_docs"]
    min_share = options["representative_min_share"]
    counts = term_counts(dictionary)
    p_term = term_probabilities(counts)
    terms = ranked_terms(
        phi,
        p_term,
        dictionary_terms(dictionary),
        top_n,
        options["frex_weight"],
        options["relevance_lambda"],
    )
    flat = guard.flat_topics(phi, guardrails.flat_entropy)
    labels = label_table(
        terms,
        human_labels,
        dict(zip(dictionary_terms(dictionary), counts, strict=True)),
        flat,
        LabelSettings.from_config(options),
    )
    # A topic with nothing but tied terms has no label either: it is flat too.
    flat = sorted(set(flat) | set(labels.loc[labels["auto_label"] == FLAT_LABEL, "topic"]))
    units = modelled_units(corpus_rows, records())
    articles = article_rollup(units, theta)
    summary = topic_summary(labels, terms, articles.theta, top_n)
    carried = guard.one_document_topics(
        theta, units["n_tokens"].to_numpy(), guardrails.single_document_share
    )
    flags = guard.topic_flags(
        flat,
        guard.empty_topics(summary["prevalence"], guardrails.empty_share),
        carried,
        label_map(labels),
    )
    summary["flags"] = guard.flags_column(flags)
    notes = guard.topic_notes(flags, carried, units["id"].tolist(), guardrails)
    notes += guard.k_documents_notes(len(phi), len(theta), guardrails.documents_per_topic)
    keywords = rep.topic_keywords(terms, labels["topic"], top_n)
    matchers = rep.keyword_matchers(keywords, forms)
    chosen = rep.best_units(units, theta, articles.ids, articles.theta, n_docs, min_share)
    texts = texts_of(records(), set(chosen.values()))
    representative = rep.representative_table(
        articles.table[["id", "title", "date", "source"]],
        articles.theta,
        label_map(labels),
        rep.snippets(chosen, texts, matchers, options["snippet_chars"] // 2),
        n_docs,
        min_share,
    )
    return TopicTables(
        terms=terms,
        summary=summary,
        markdown=topics_markdown(summary, terms, top_n),
        documents=unit_topic_table(units, theta),
        articles=articles,
        representative=representative,
        representative_markdown=rep.representative_markdown(
            representative, keywords, label_map(labels), matchers, min_share
        ),
        notes=notes,
    )
