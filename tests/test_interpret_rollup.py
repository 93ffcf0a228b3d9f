"""Paragraph → article roll-up of topic shares."""

import numpy as np
import pandas as pd

from topicpipe.interpret.rollup import first_units, has_sub_units, roll_up


def test_articles_get_token_weighted_shares_in_first_seen_order():
    theta = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [0.2, 0.8]])
    parents, shares, units, tokens = roll_up(["b", "b", "a", "b"], [30, 10, 4, 0], theta)
    assert parents == ["b", "a"]
    # Article b: 30 tokens all topic 1, 10 tokens all topic 2, an empty paragraph ignored.
    np.testing.assert_allclose(shares[0], [0.75, 0.25])
    np.testing.assert_allclose(shares[1], [0.5, 0.5])
    assert units.tolist() == [3, 1] and tokens.tolist() == [40, 4]
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)


def test_whole_articles_roll_up_to_themselves():
    theta = np.array([[0.3, 0.7], [0.9, 0.1]])
    parents, shares, _, _ = roll_up(["x", "y"], [5, 7], theta)
    assert parents == ["x", "y"]
    np.testing.assert_allclose(shares, theta)
    assert not has_sub_units(["x", "y"], ["x", "y"])
    assert has_sub_units(["x#p1", "x#p2"], ["x", "x"])


def test_article_without_tokens_gets_plain_mean():
    _, shares, _, _ = roll_up(["a", "a"], [0, 0], np.array([[1.0, 0.0], [0.0, 1.0]]))
    np.testing.assert_allclose(shares[0], [0.5, 0.5])


def test_each_article_takes_the_metadata_of_its_first_paragraph():
    units = pd.DataFrame(
        {"id": ["b#1", "b#2", "a#1"], "parent_id": ["b", "b", "a"], "date": ["d1", "d1", "d2"]}
    )
    first = first_units(units, ["a", "b"])
    assert first.index.tolist() == ["a", "b"] and first["id"].tolist() == ["a#1", "b#1"]
