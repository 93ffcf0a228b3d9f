"""Stops that say what happened, with the numbers, and which setting to change."""

from __future__ import annotations

import pytest
from test_tokenise_stage import SMALL, tokenise

from defaults import CONFIG, deep_merge
from topicpipe.adapt import choose_max_k, k_skip_reason
from topicpipe.config_check import sweep_problems
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


def test_k_above_the_training_documents_is_refused_when_max_k_lets_it_train():
    sets = ["train"] * 12 + ["heldout"]
    fit = sweep_fit([5, 10], sets, max_k=100)
    assert fit["trained"] == [5, 10] and fit["skipped"] == []
    assert (fit["documents"], fit["train"], fit["heldout"]) == (13, 12, 1)
    with pytest.raises(SweepError) as stop:
        sweep_fit([5, 10, 15, 20], sets, max_k=100)
    message = str(stop.value)
    assert message.startswith("model.k: K = 15, 20 is more than the 12 documents")
    assert "13 modelled, 1 held out" in message and "model.max_k (100)" in message
    assert """--config 'model={"k": [5, 10]}'""" in message
    assert "model.max_k: auto" in message


def test_k_above_the_documents_is_skipped_under_the_auto_cap_not_refused():
    """model.max_k auto gives 12 // 5 = 2 here: K 10 and 20 are skipped, the smallest K (5)
    is trained above the cap, as train_model does; nothing is refused."""
    sets = ["train"] * 12
    fit = sweep_fit([5, 10, 20], sets, choose_max_k("auto", 12, 5))
    assert (fit["max_k"], fit["trained"], fit["skipped"]) == (2, [5], [10, 20])
    assert [k_skip_reason(k, 2, 12, k == 5) == "" for k in (5, 10, 20)] == [True, False, False]


def test_selection_and_labels_are_checked_against_the_k_that_train():
    """What check_sweep raises once the auto cap is known, before any model trains."""
    config = deep_merge(CONFIG, {"selection": {"rule": "fixed", "k": 20}})
    problems = sweep_problems(config, [5], "auto: 2 for 12 training documents")
    assert problems == [
        "selection.k: K = 20 is not trained, being above model.max_k (auto: 2 for 12 training "
        "documents); pick one of the K trained [5], or raise model.max_k"
    ]
    labelled = deep_merge(CONFIG, {"topic_labels": {8: "Syria"}})
    assert sweep_problems(labelled, [5, 10], "auto: 2 for 12 training documents") == []
    (problem,) = sweep_problems(labelled, [5], "auto: 2 for 12 training documents")
    assert problem.startswith("topic_labels: topic 8 does not exist")
    assert "model.k and model.max_k: largest K is 5" in problem


def test_a_label_of_a_topic_the_selected_model_lacks_says_how_to_keep_it():
    with pytest.raises(LabelError) as stop:
        check_human_labels({15: "Syria"}, 10)
    assert "the model has topics 1 to 10" in str(stop.value)
    assert "selection: {rule: fixed, k: 15}" in str(stop.value)
