"""Jensen–Shannon distances, classical MDS and topic correlations."""

import numpy as np
import pytest

from topicpipe.interpret.distances import (
    classical_mds,
    correlation_table,
    distance_table,
    js_distances,
    topic_correlations,
)


def test_js_distance_is_zero_for_equal_and_one_for_disjoint_topics():
    phi = np.array([[0.5, 0.5, 0.0, 0.0], [0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 0.5]])
    d = js_distances(phi)
    assert d[0, 1] == pytest.approx(0.0) and d[0, 2] == pytest.approx(1.0)
    assert distance_table(phi)["js_distance"].tolist() == pytest.approx([0.0, 1.0, 1.0])


def test_classical_mds_recovers_planar_distances():
    points = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 4.0], [3.0, 4.0], [1.0, 1.0]])
    distances = np.linalg.norm(points[:, None] - points[None], axis=-1)
    coords = classical_mds(distances)
    recovered = np.linalg.norm(coords[:, None] - coords[None], axis=-1)
    np.testing.assert_allclose(recovered, distances, atol=1e-9)


def test_correlations_find_topics_that_exclude_each_other():
    theta = np.array([[0.9, 0.1, 0.0], [0.1, 0.9, 0.0], [0.8, 0.2, 0.0], [0.2, 0.8, 0.0]])
    corr = topic_correlations(theta)
    assert corr[0, 1] == pytest.approx(-1.0)
    assert corr[2, 2] == 1.0 and corr[0, 2] == 0.0
    assert len(correlation_table(corr)) == 9
