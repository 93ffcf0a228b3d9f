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
from topicpipe.interpret import representative as rep
from topicpipe.interpret.documents import modelled_units, texts_of
from topicpipe.interpret.labels import label_map, label_table
from topicpipe.interpret.rollup import Articles, article_rollup
from topicpipe.interpret.tables import topic_summary, topics_markdown, unit_topic_table
from topicpipe.interpret.term_rankings import ranked_terms, term_probabilities


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


def topic_tables(
    phi: np.ndarray,
    dictionary: Dictionary,
    theta: np.ndarray,
    human_labels: Mapping[int, str],
    corpus_rows: pd.DataFrame,
    records: Callable[[], Iterable[Mapping[str, Any]]],
    options: Mapping[str, Any],
) -> TopicTables:
    """Term rankings, labels, unit and article tables, and representative articles.

    ``phi`` (K, V) are the topics over the terms of ``dictionary`` (whose term counts give
    the corpus-wide term shares), ``theta`` (D, K) the shares of the corpus rows
    ``corpus_rows`` (``documents.csv``); ``records()`` streams the ingested documents;
    ``options`` is the ``topics`` section of the config.
    """
    top_n, n_docs = options["top_n"], options["representative_docs"]
    p_term = term_probabilities(term_counts(dictionary))
    terms = ranked_terms(
        phi,
        p_term,
        dictionary_terms(dictionary),
        top_n,
        options["frex_weight"],
        options["relevance_lambda"],
    )
    labels = label_table(terms, human_labels, options["label_terms"])
    units = modelled_units(corpus_rows, records())
    articles = article_rollup(units, theta)
    summary = topic_summary(labels, terms, articles.theta, top_n)
    keywords = rep.topic_keywords(terms, labels["topic"], top_n)
    chosen = rep.best_units(units, theta, articles.ids, articles.theta, n_docs)
    texts = texts_of(records(), set(chosen.values()))
    representative = rep.representative_table(
        articles.table[["id", "title", "date", "source"]],
        articles.theta,
        label_map(labels),
        rep.snippets(chosen, texts, keywords, options["snippet_chars"] // 2),
        n_docs,
    )
    return TopicTables(
        terms=terms,
        summary=summary,
        markdown=topics_markdown(summary, terms, top_n),
        documents=unit_topic_table(units, theta),
        articles=articles,
        representative=representative,
        representative_markdown=rep.representative_markdown(
            representative, keywords, list(labels["topic"])
        ),
    )
