"""Phrases: collocations from statistics, the user's list, corpus stopwords, the saved model."""

from __future__ import annotations

from tokenise_in_memory import tokenise_settings, tokenise_texts
from topicpipe.tokenise import load_tokeniser
from topicpipe.tokenise.phrases import layer_scores

# Hand-written: "nuclear program" and "oil price" recur; "and" joins names that must stay apart.
TEXTS = [
    "The nuclear program worried diplomats while the oil price fell in winter.",
    "Diplomats discussed the nuclear program and the oil price with Russia and Iran.",
    "A new nuclear program review and rising oil price dominated talks in Vienna.",
    "Inspectors visited the nuclear program sites; the oil price barely moved.",
    "Russia and Iran signed papers on the nuclear program and the oil price.",
    "Analysts expect the oil price to follow the nuclear program news from Vienna.",
]


def fit(**phrases):
    settings = tokenise_settings(phrases={"min_count": 3, "threshold": 0.3, **phrases})
    return tokenise_texts(TEXTS, settings)


def test_recurring_word_pairs_become_phrases():
    documents, _ = fit()
    found = {token for doc in documents for token in doc}
    assert {"nuclear_program", "oil_price"} <= found


def test_and_never_joins_names_into_a_phrase():
    documents, _ = fit()
    assert not any("_and_" in token for doc in documents for token in doc)


def test_collocations_can_be_turned_off_and_user_phrases_still_join():
    documents, _ = fit(collocations=False, user=["winter talks", "oil price"])
    found = {token for doc in documents for token in doc}
    assert "oil_price" in found and "nuclear_program" not in found


def test_user_phrase_given_with_capitals_matches_the_name_in_the_text():
    settings = tokenise_settings(phrases={"user": ["North-South corridor"]})
    documents, _ = tokenise_texts(["Trade on the North-South corridor grew."], settings)
    assert "north-south_corridor" in documents[0]


def test_corpus_stopwords_remove_terms_found_in_most_documents():
    settings = tokenise_settings(corpus_stopwords_above=0.9, phrases={"min_count": 3})
    documents, fitted = tokenise_texts(TEXTS, settings)
    assert "nuclear_program" in fitted.corpus_stopwords
    assert not any("nuclear_program" in doc for doc in documents)
    assert "vienna" not in fitted.corpus_stopwords


def test_saved_model_tokenises_new_text_exactly_as_the_corpus(tmp_path):
    settings = tokenise_settings(phrases={"min_count": 3, "threshold": 0.3})
    documents, fitted = tokenise_texts(TEXTS, settings)
    fitted.save(tmp_path / "model", settings.scanner())
    loaded = load_tokeniser(tmp_path / "model")
    assert [loaded(text) for text in TEXTS] == documents
    assert "nuclear_program" in loaded("Her nuclear program speech moved the oil price.")


def test_npmi_of_every_phrase_is_at_most_one_and_names_are_not_scored():
    # Issue 11, finding 2: a name joined before phrases ("United States") was scored as if
    # its occurrences were pairs of "united" and "states", rare on their own: NPMI 3.06.
    texts = [
        "Officials of the United States met envoys about the nuclear program. "
        "The United States said the nuclear program must stop."
    ] * 4 + ["Prices at United fell after talks with the States on the nuclear program."]
    _, fitted = tokenise_texts(texts, tokenise_settings())
    scores = layer_scores(fitted.layers)
    assert all(-1.0 <= score <= 1.0 for score in scores.values())
    assert "united_states" not in scores
    assert "nuclear_program" in scores


def test_saved_model_keeps_the_aliases(tmp_path):
    settings = tokenise_settings()
    documents, fitted = tokenise_texts(["The U.S. and the United Kingdom met."], settings)
    fitted.save(tmp_path / "model", settings.scanner())
    assert load_tokeniser(tmp_path / "model")("The US and the U.K. met.") == documents[0]


def test_a_name_is_never_glued_into_a_phrase():
    texts = ["The US President George Bush met troops; the US President George Bush flew on."] * 6
    documents, _ = tokenise_texts(texts, tokenise_settings(phrases={"min_count": 3}))
    assert {"united_states", "george_bush"} <= set(documents[0])
    assert not any("united_states_" in t or "_george_bush" in t for t in documents[0])
