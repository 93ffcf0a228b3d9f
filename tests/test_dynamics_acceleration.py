"""SQUAREM reaches plain EM's fixed point in fewer EM evaluations, and its safeguards hold."""

from __future__ import annotations

import numpy as np
import pytest

from topicpipe.dynamics.acceleration import extrapolate, plain_em, squarem, step_length

# Three heavily overlapping unit-variance normals: EM for their weights converges slowly.
MEANS = np.array([0.0, 0.6, 1.2])


@pytest.fixture(scope="module")
def densities():
    """Each observation's density under each component, for 3,000 draws with weights
    0.2, 0.5 and 0.3."""
    rng = np.random.default_rng(5)
    draws = rng.normal(MEANS[rng.choice(3, size=3000, p=[0.2, 0.5, 0.3])], 1.0)
    return np.exp(-0.5 * (draws[:, np.newaxis] - MEANS) ** 2) / np.sqrt(2 * np.pi)


def mixture_step(densities):
    """EM for the mixture weights, in place; returns the log-likelihood at the input."""

    def step(params):
        (weights,) = params
        joint = densities * weights
        mixture = joint.sum(axis=1, keepdims=True)
        weights[:] = (joint / mixture).mean(axis=0)
        return float(np.log(mixture).sum())

    return step


def run(method, densities, step=None, **options):
    start = np.full(3, 1.0 / 3.0)
    return method(step or mixture_step(densities), [start], **{"tolerance": 1e-13, **options})


@pytest.fixture(scope="module")
def plain_limit(densities):
    """Plain EM run until a step no longer changes the log-likelihood at all."""
    return run(plain_em, densities, tolerance=0.0, max_evaluations=5000).params[0]


def assert_at_the_maximum(densities, weights):
    # The known answer: at the maximum the likelihood's gradient is the same (the number
    # of observations) for every weight inside the simplex.
    gradient = (densities / (densities @ weights)[:, np.newaxis]).sum(axis=0)
    np.testing.assert_allclose(gradient, len(densities), rtol=1e-6)


def test_squarem_reaches_plain_em_fixed_point_in_far_fewer_evaluations(densities, plain_limit):
    plain = run(plain_em, densities, max_evaluations=100_000)
    fast = run(squarem, densities, max_evaluations=100_000)
    assert plain.converged and fast.converged and fast.accepted > 0
    assert len(fast.trace) * 4 < len(plain.trace)
    assert_at_the_maximum(densities, fast.params[0])
    # Closer to where plain EM ends up than plain EM at the same tolerance.
    assert np.abs(fast.params[0] - plain_limit).max() < 1e-5
    assert np.abs(fast.params[0] - plain_limit).max() < np.abs(plain.params[0] - plain_limit).max()


def test_every_evaluation_counts_against_the_maximum(densities):
    fast = run(squarem, densities, max_evaluations=7)
    assert len(fast.trace) == 7 and not fast.converged
    assert np.isclose(fast.params[0].sum(), 1.0) and (fast.params[0] > 0).all()


def test_an_extrapolation_that_loses_ground_is_dropped_for_the_plain_em_point(densities):
    # The fourth evaluation checks the first extrapolation (after its EM step): an
    # objective made to drop there must send the run back to the plain EM point.
    em = mixture_step(densities)
    calls = []

    def step(params):
        calls.append(params[0].copy())
        return em(params) - (1e6 if len(calls) == 4 else 0.0)

    fast = run(squarem, densities, step=step, max_evaluations=100_000)
    assert fast.rejected >= 1
    # After the rejection EM continues from x2 of the first cycle: two plain steps from
    # the start, which is what plain EM's third evaluation is given.
    second = mixture_step(densities)
    x2 = np.full(3, 1.0 / 3.0)
    second([x2])
    second([x2])
    np.testing.assert_array_equal(calls[4], x2)
    assert_at_the_maximum(densities, fast.params[0])


def test_no_extrapolation_before_em_steps_settle(densities):
    plain = run(plain_em, densities, max_evaluations=100_000)
    changes = np.abs(np.diff(plain.trace)) / np.abs(plain.trace[:-1])
    settled = int(np.argmax(changes <= 1e-6))
    fast = run(squarem, densities, max_evaluations=100_000, warm_up=1e-6)
    # Up to there both runs are the same plain EM steps.
    np.testing.assert_array_equal(fast.trace[: settled + 1], plain.trace[: settled + 1])
    assert fast.converged and fast.accepted > 0
    assert_at_the_maximum(densities, fast.params[0])


def test_extrapolated_points_stay_probability_distributions():
    start = [np.array([[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]], dtype=np.float32)]
    first = [np.array([[0.4, 0.35, 0.25], [0.05, 0.1, 0.85]], dtype=np.float32)]
    second = [np.array([[0.34, 0.38, 0.28], [0.02, 0.1, 0.88]], dtype=np.float32)]
    change = [first[0] - start[0]]
    extrapolate(start, change, second, length=50.0, floor=1e-12)
    (point,) = start
    assert point.dtype == np.float32
    assert (point > 0).all()
    np.testing.assert_allclose(point.sum(axis=1), 1.0, rtol=1e-6)
    # A step of length 1 is plain EM's second step.
    start = [np.array([[0.5, 0.3, 0.2]])]
    extrapolate(start, [np.array([[-0.1, 0.05, 0.05]])], [np.array([[0.3, 0.4, 0.3]])], 1.0, 1e-12)
    np.testing.assert_allclose(start[0], [[0.3, 0.4, 0.3]])


def test_the_step_length_is_kept_between_plain_em_and_the_cap():
    assert step_length(4.0, 1.0, cap=16.0) == 2.0
    assert step_length(1.0, 4.0, cap=16.0) == 1.0
    assert step_length(400.0, 1.0, cap=16.0) == 16.0
    assert step_length(1.0, 0.0, cap=4.0) == 4.0
