"""Stops that say what happened, with the numbers, and which setting to change."""

from __future__ import annotations

import pytest
from test_tokenise_stage import SMALL, tokenise

from topicpipe.corpus import CorpusError, PruneSettings, build_vocabulary
from topicpipe.engines.sweep import SweepError, sweep_fit
from topicpipe.files import read_json
from topicpipe.interpret.labels import LabelError, check_human_labels
from topicpipe.jsonl import read_jsonl, write_jsonl

STOPWORDS_ONLY = [
    "It was said that they would have been there and then.",
    "They said it, and she said that he had been there too.",
    "The of and to in on with by at from.",
]


def test_a_corpus_of_stopwords_only_is_told_so_not_to_lower_no_below(tmp_path):
    documents = tmp_path / "documents.jsonl"
    write_jsonl(documents, ({"id": str(i), "text": t} for i, t in enumerate(STOPWORDS_ONLY)))
    folder = tokenise(documents, tmp_path / "tokens", 2)
    steps = read_json(folder / "steps.json")
    tokens = (record["tokens"] for record in read_jsonl(folder / "tokens"))
    with pytest.raises(CorpusError) as stop:
        build_vocabulary(tokens, PruneSettings.from_config(SMALL), steps)
    message = str(stop.value)
    raw = steps["steps"]["raw"]["tokens"]
    assert f"(3 documents: {raw} words found; 0 left after removing stopwords)" in message
    assert "every word was a stopword" in message
    assert "tokenise.news_stopwords" in message
    assert "will not help" in message and "Lower dictionary.no_below" not in message


def test_words_lost_to_the_length_filter_name_that_setting():
    steps = {
        "documents": 2,
        "steps": {
            "raw": {"tokens": 9},
            "stopwords": {"tokens": 4},
            "filters": {"tokens": 0},
        },
    }
    with pytest.raises(CorpusError, match="4 left after removing stopwords; 0 left after "):
        build_vocabulary([[], []], PruneSettings(1, 1.0, None), steps)
    with pytest.raises(CorpusError, match="tokenise.min_length"):
        build_vocabulary([[], []], PruneSettings(1, 1.0, None), steps)


def test_pruning_away_every_term_gives_the_thresholds_and_the_counts():
    docs = [["iran", "oil"], ["oil", "deal"], ["sco"]]
    with pytest.raises(CorpusError) as stop:
        build_vocabulary(docs, PruneSettings(no_below=5, no_above=0.5, keep_n=None))
    message = str(stop.value)
    assert "none of the 4 terms" in message
    assert "dictionary.no_below = 5" in message and "of the 3 documents" in message
    assert "the most widespread term is in 2" in message


def test_k_above_the_training_documents_is_refused_with_the_k_that_fit():
    sets = ["train"] * 12 + ["heldout"]
    assert sweep_fit([5, 10], sets) == {"k": [5, 10], "documents": 13, "train": 12, "heldout": 1}
    with pytest.raises(SweepError) as stop:
        sweep_fit([5, 10, 15, 20], sets)
    message = str(stop.value)
    assert message.startswith("model.k: K = 15, 20 is more than the 12 documents")
    assert "13 modelled, 1 held out" in message
    assert """--config 'model={"k": [5, 10]}'""" in message


def test_a_label_of_a_topic_the_selected_model_lacks_says_how_to_keep_it():
    with pytest.raises(LabelError) as stop:
        check_human_labels({15: "Syria"}, 10)
    assert "the model has topics 1 to 10" in str(stop.value)
    assert "selection: {rule: fixed, k: 15}" in str(stop.value)
