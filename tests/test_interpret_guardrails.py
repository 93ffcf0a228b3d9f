"""Guardrails: flat, empty and one-document topics, shared labels, K against documents,
correlations from too few documents, and what the figures say about them."""

from __future__ import annotations

import numpy as np

from defaults import CONFIG
from topicpipe.interpret.distances import correlation_output
from topicpipe.interpret.guardrails import (
    GuardrailSettings,
    empty_topics,
    figure_footnote,
    flags_column,
    flat_topics,
    k_documents_notes,
    normalised_entropy,
    one_document_topics,
    same_labels,
    topic_flags,
    topic_notes,
)
from topicpipe.interpret.prevalence import is_placeholder
from topicpipe.plots.guarded import correlation_figure

SETTINGS = GuardrailSettings.from_config(CONFIG["guardrails"], CONFIG["adapt"])


def test_a_near_uniform_topic_is_flat_and_a_peaked_one_is_not():
    vocabulary = 400
    peaked = np.full(vocabulary, 0.5 / (vocabulary - 5))
    peaked[:5] = 0.1
    uniform = np.full(vocabulary, 1 / vocabulary)
    # A topic given a handful of words: ten equally probable top terms.
    few = np.full(vocabulary, 0.5 / vocabulary)
    few[:12] += 0.5 / 12
    phi = np.vstack([peaked, uniform, few])
    assert np.isclose(normalised_entropy(uniform[None])[0], 1.0)
    assert flat_topics(phi, SETTINGS.flat_entropy) == [2, 3]


def test_a_topic_with_a_tiny_prevalence_is_empty():
    # An even share is 1/4; "empty" is below a tenth of it.
    assert empty_topics([0.5, 0.445, 0.05, 0.005], SETTINGS.empty_share) == [4]


def test_a_topic_drawn_from_one_document_is_flagged_with_that_document():
    theta = np.array([[0.9, 0.1], [0.5, 0.5], [0.5, 0.5], [0.0, 1.0]])
    lengths = [10, 10, 10, 200]
    assert one_document_topics(theta, lengths, 0.5) == {2: (3, 200 / 211)}


def test_flags_and_notes_name_the_topics_and_what_to_do():
    labels = {1: "oil, price", 2: "Oil, price", 3: "flat topic", 4: "nuclear"}
    flags = topic_flags([3], [3], {4: (1, 0.8)}, labels)
    assert flags_column(flags) == ["same_label", "same_label", "flat; empty", "one_document"]
    notes = {n.subject: n for n in topic_notes(flags, {4: (1, 0.8)}, ["a", "b"], SETTINGS)}
    assert set(notes) == {"flat_topic", "empty_topic", "one_document_topic", "same_label"}
    assert notes["one_document_topic"].value == "topic 4" and "80% from b" in (
        notes["one_document_topic"].message
    )
    assert notes["same_label"].value == "topics 1, 2"
    assert same_labels(labels, skip=[3]) == [[1, 2]]


def test_k_close_to_the_number_of_documents_is_warned_about():
    assert k_documents_notes(20, 292, 5) == []
    [note] = k_documents_notes(5, 10, 5)
    assert note.value == "K=5, 10 documents" and "fewer than" in note.message


def test_correlations_from_too_few_documents_are_left_out_and_the_figure_says_so():
    theta = np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]])
    table, notes = correlation_output(theta, SETTINGS.correlation_min_documents)
    assert is_placeholder(table) and notes[0].subject == "correlation_too_few_documents"
    figure = correlation_figure(table, {1: "a", 2: "b"})
    texts = " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))
    assert "not shown" in texts and "correlation_min_documents (20)" in texts
    table, notes = correlation_output(np.tile(theta, (10, 1)), SETTINGS.correlation_min_documents)
    assert not is_placeholder(table) and notes == []


def test_figure_footnote_explains_every_flag():
    footnote = figure_footnote({1: "", 2: "flat; empty", 3: "one_document", 4: "one_document"})
    assert footnote.startswith("Warning - Topic 2 flat: no term stands out")
    assert "Topics 3, 4 carried by one document" in footnote
    assert figure_footnote({1: ""}) == ""
