"""Topic labels: automatic from FREX, overridden by the config's topic_labels."""

import numpy as np
import pytest

from topicpipe.interpret.labels import (
    LabelError,
    check_human_labels,
    display_label,
    label_table,
)
from topicpipe.interpret.term_rankings import ranked_terms

TERMS = ["said", "nuclear", "enrichment", "oil", "barrel", "opec"]
PHI = np.array(
    [
        [0.4, 0.3, 0.2, 0.04, 0.03, 0.03],
        [0.4, 0.03, 0.02, 0.3, 0.15, 0.1],
    ]
)


def test_automatic_label_is_top_frex_terms_and_human_label_wins():
    # Rare filler terms make the vocabulary realistic: FREX ranks by within-topic ECDFs.
    fillers = np.random.default_rng(1).uniform(0.0005, 0.002, size=(2, 40))
    phi = np.hstack([PHI, fillers])
    phi /= phi.sum(axis=1, keepdims=True)
    words = TERMS + [f"filler{i}" for i in range(40)]
    terms = ranked_terms(phi, phi.mean(axis=0), words, top_n=3, frex_weight=0.5, lam=0.6)
    table = label_table(terms, {2: "Oil market"}, num_terms=2)
    assert table.loc[0, "label"] == "nuclear, enrichment"
    assert table.loc[1, "label"] == "Oil market"
    assert table.loc[1, "auto_label"] == "oil, barrel"
    assert display_label(2, "Oil market") == "2 · Oil market"


def test_human_labels_accept_string_keys_and_tidy_whitespace():
    assert check_human_labels({"3": "  Sanctions \n policy "}, 5) == {3: "Sanctions policy"}


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({7: "Syria"}, "topic 7 does not exist; the model has topics 1 to 5"),
        ({0: "Zero"}, "topic 0 does not exist"),
        ({"three": "x"}, "key 'three' is not a topic number"),
        ({2: " "}, "the label of topic 2 is empty"),
    ],
)
def test_bad_human_labels_name_the_problem(labels, message):
    with pytest.raises(LabelError, match=message):
        check_human_labels(labels, 5)
