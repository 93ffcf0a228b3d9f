"""The topics stage in memory: units with their metadata, the article roll-up, the unit a
snippet comes from, and the tables every later rule reads back."""

from __future__ import annotations

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary

from defaults import CONFIG, section
from topicpipe.interpret.distances import correlation_matrix, correlation_table
from topicpipe.interpret.guardrails import GuardrailSettings
from topicpipe.interpret.labels import display_labels, label_map, read_topic_table
from topicpipe.interpret.prevalence import by_group_table, is_placeholder, over_time_table
from topicpipe.interpret.stage import topic_tables, word_forms
from topicpipe.interpret.tables import read_doc_topics, topic_columns
from topicpipe.tokenise import Settings
from topicpipe.tokenise.tokens import WordClassifier


def record(doc_id: str, title: str, date: str, text: str, section: str = "") -> dict:
    """An ingested document; ``a#p001`` is a paragraph of article ``a``."""
    meta = {"section": section} if section else {}
    parent = doc_id.split("#")[0]
    return {
        "id": doc_id,
        "parent_id": parent,
        "title": title,
        "date": date,
        "source": "X",
        "text": text,
        "meta": meta,
    }


# Two articles in paragraphs and one whole article; "b" has no date.
RECORDS = [
    record("a#p001", "Oil", "2016-02-02", "Crude oil prices fell.", "economy"),
    record("a#p002", "Oil", "2016-02-02", "The nuclear talks resumed in Vienna.", "economy"),
    record("b", "Talks", "", "Nuclear talks, nuclear inspectors."),
    record("c#p001", "Barrels", "2016-03-01", "Barrels of oil and more oil.", "markets"),
]
ROWS = pd.DataFrame(
    {"row": [0, 1, 2, 3], "id": ["a#p001", "a#p002", "b", "c#p001"], "n_tokens": [3, 1, 4, 4]}
)
# Topic 1: oil, topic 2: nuclear.
DICTIONARY = Dictionary([["barrel", "crude", "nuclear", "oil", "talk"]])
PHI = np.array([[0.3, 0.2, 0.0, 0.5, 0.0], [0.0, 0.0, 0.6, 0.0, 0.4]])
THETA = np.array([[0.9, 0.1], [0.2, 0.8], [0.1, 0.9], [1.0, 0.0]])


def tables(**options):
    return topic_tables(
        PHI,
        DICTIONARY,
        THETA,
        {2: "Nuclear talks"},
        ROWS,
        lambda: iter(RECORDS),
        section("topics", top_n=3, representative_docs=2, **options),
        GuardrailSettings.from_config(CONFIG["guardrails"], CONFIG["adapt"]),
        word_forms(WordClassifier(Settings.from_config(section("tokenise")).options)),
    )


def test_paragraphs_roll_up_to_articles_by_tokens_and_keep_their_metadata():
    articles = tables().articles
    assert articles.ids == ["a", "b", "c"]
    assert (
        articles.describe()
        == "4 modelled units in 3 articles (paragraph units rolled up by token count)"
    )
    np.testing.assert_allclose(articles.theta[0], [0.725, 0.275])
    row = articles.table.iloc[0]
    assert (row["n_units"], row["n_tokens"], row["section"]) == (2, 4, "economy")
    assert list(articles.table["dominant_topic"]) == [1, 2, 1]


def test_snippet_comes_from_the_paragraph_richest_in_the_topic():
    representative = tables().representative
    nuclear = representative[representative["topic"] == 2].set_index("id")
    assert "Vienna" in nuclear.loc["a", "snippet"]
    assert "Crude" not in nuclear.loc["a", "snippet"]
    assert (
        set(representative["label"]) == {"Nuclear talks", "crude, oil, barrel"}
        or (representative[representative["topic"] == 2]["label"] == "Nuclear talks").all()
    )


def test_tables_round_trip_through_their_files(tmp_path):
    result = tables()
    result.articles.table.to_csv(tmp_path / "articles.csv", index=False, float_format="%.6g")
    result.summary.to_csv(tmp_path / "topics.csv", index=False, float_format="%.6g")
    table, theta = read_doc_topics(tmp_path / "articles.csv")
    np.testing.assert_allclose(theta, result.articles.theta, rtol=1e-5)
    assert table["date"].tolist() == ["2016-02-02", "", "2016-03-01"]
    summary = read_topic_table(tmp_path / "topics.csv")
    assert label_map(summary)[2] == "Nuclear talks"
    assert display_labels(summary)[1] == "2 · Nuclear talks"


def test_a_label_spelt_like_a_missing_value_stays_text(tmp_path):
    pd.DataFrame({"topic": [1, 2], "label": ["NA", "null"]}).to_csv(tmp_path / "t.csv", index=False)
    assert label_map(read_topic_table(tmp_path / "t.csv")) == {1: "NA", 2: "null"}


def test_prevalence_tables_say_why_they_are_missing():
    articles = tables().articles
    labels = {1: "oil", 2: "nuclear"}
    options = section("prevalence", bootstrap=10, group_by="section")
    over_time, message = over_time_table(articles.table, articles.theta, labels, options)
    assert not is_placeholder(over_time) and "2 of 3 documents dated" in message
    by_group, _ = by_group_table(
        articles.table, articles.theta, labels, topic_columns(articles.table), options
    )
    assert sorted(set(by_group["group"])) == ["economy", "markets"]
    missing, note = by_group_table(
        articles.table, articles.theta, labels, [], {**options, "group_by": "outlet"}
    )
    assert is_placeholder(missing) and "prevalence.group_by" in note and "source" in note
    undated = articles.table.assign(date="")
    placeholder, note = over_time_table(undated, articles.theta, labels, options)
    assert is_placeholder(placeholder) and "ingest.metadata" in note


def test_correlation_matrix_reads_back_the_correlation_table():
    corr = np.array([[1.0, -0.5], [-0.5, 1.0]])
    np.testing.assert_array_equal(correlation_matrix(correlation_table(corr)), corr)
