"""Fewer EM iterations to the same fixed point: SQUAREM (Varadhan & Roland, 2008).

An EM iteration is a map F from the parameters to new parameters, and the fit is its fixed
point. When EM converges slowly (linearly, with a rate close to 1), each iteration moves
the parameters by nearly the same share of the remaining distance along nearly the same
direction. SQUAREM takes two EM steps from x0, x1 = F(x0) and x2 = F(x1), and from the
first difference r = x1 - x0 and the second v = x2 - 2 x1 + x0 jumps to

    x' = x0 + 2 s r + s^2 v,    s = ||r|| / ||v||  (their step length -alpha, scheme S3),

which s = 1 makes x2 and a larger s carries further along the path EM was taking. One
more EM step from x' (x'' = F(x')) starts the next cycle: three EM evaluations a cycle.

Safeguards, so that the result is EM's fixed point and the objective at the start of a
cycle never drops:
- x' is projected back onto the simplex: every array holds probability distributions
  along its last axis, so values are kept above a floor and each distribution renormalised;
- the step length is at least 1 and at most a cap that starts at 1, grows fourfold each
  time a step at the cap is accepted and shrinks fourfold at a rejection;
- the jump is kept only when the objective at x'' = F(x') (which the next cycle's first EM
  step evaluates) is at least that at x1; otherwise EM continues from x2, which is kept
  until then, and the two evaluations from x' were spent for nothing. Judging x' itself
  would be stricter than needed: a long jump overshoots in the fast directions, which the
  one EM step to x'' removes. A non-finite objective at x' drops it at once.

Far from the optimum EM is not yet in its linear regime and a long jump can land in
another optimum's basin, so extrapolation can be held back until one EM step changes the
objective by less than a threshold (``warm_up``).

The stopping rule is plain EM's: the relative change of the objective over one EM step,
checked on the two plain EM steps that begin every cycle, so a tolerance means the same
with or without acceleration.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

# One EM step, in place over the parameter arrays; returns the objective at the
# parameters it was given (the log-likelihood its E-step computed).
EmStep = Callable[[Sequence[np.ndarray]], float]
EvaluationHook = Callable[[int, float], None]
# How the cap on the step length moves after a step at the cap is accepted, or a rejection.
CAP_FACTOR = 4.0
# Rows extrapolated at a time: bounded temporaries, whatever the arrays' size.
BLOCK_VALUES = 1 << 20


@dataclass(frozen=True)
class EmRun:
    """The end of an EM run.

    ``params``: the parameter arrays after the last EM step (not necessarily the arrays
    given); ``trace``: the objective at every point the EM step was evaluated at, one per
    evaluation; ``converged``: whether the stopping rule fired before the evaluations ran
    out; ``accepted`` / ``rejected``: extrapolations kept and turned down (0 for plain EM).
    """

    params: list[np.ndarray]
    trace: np.ndarray
    converged: bool
    accepted: int = 0
    rejected: int = 0


def has_converged(previous: float, current: float, tolerance: float) -> bool:
    """Whether one EM step changed the objective by at most ``tolerance`` (relative)."""
    return abs(current - previous) <= tolerance * abs(previous)


def plain_em(
    step: EmStep,
    params: Sequence[np.ndarray],
    max_evaluations: int,
    tolerance: float,
    on_evaluation: EvaluationHook | None = None,
) -> EmRun:
    """Apply ``step`` to ``params`` (in place) until one step changes the objective by at
    most ``tolerance`` (relative) or ``max_evaluations`` steps have run."""
    params = list(params)
    trace: list[float] = []
    for _ in range(max_evaluations):
        _evaluate(step, params, trace, on_evaluation)
        if len(trace) > 1 and has_converged(trace[-2], trace[-1], tolerance):
            return EmRun(params, np.array(trace), True)
    return EmRun(params, np.array(trace), False)


def squarem(
    step: EmStep,
    params: Sequence[np.ndarray],
    max_evaluations: int,
    tolerance: float,
    on_evaluation: EvaluationHook | None = None,
    floor: float = 1e-12,
    warm_up: float = math.inf,
) -> EmRun:
    """EM accelerated by SQUAREM (module docstring) from ``params``, whose arrays each hold
    probability distributions along their last axis (kept above ``floor``); stops as
    ``plain_em`` does, counting every evaluation of ``step``. Cycles extrapolate only once
    an EM step changes the objective by at most ``warm_up`` (relative): before that they
    are two plain EM steps, so that a far jump from a poor start cannot carry the fit to
    another optimum than plain EM's.

    Holds two more copies of the parameters; ``params`` is worked on in place.
    """
    # Three sets of arrays change roles: the point EM continues from, the fallback (x2 of
    # the last cycle while its extrapolation is checked) and one free.
    current = list(params)
    fallback = [np.empty_like(array) for array in current]
    free = [np.empty_like(array) for array in current]
    trace: list[float] = []
    cap, length, accepted, rejected = 1.0, 1.0, 0, 0
    # The objective the stabilised point F(x') must reach: the one at x1 of its cycle.
    pending: float | None = None

    def run(converged: bool) -> EmRun:
        return EmRun(current, np.array(trace), converged, accepted, rejected)

    while len(trace) < max_evaluations:
        start = free
        _copy(current, start)
        before_first = _evaluate(step, current, trace, on_evaluation)
        if pending is not None:
            if before_first >= pending:
                accepted += 1
                cap = cap * CAP_FACTOR if length == cap else cap
            else:
                # The extrapolation lost ground: continue from x2 of its cycle instead.
                rejected += 1
                cap = max(1.0, cap / CAP_FACTOR)
                current, fallback = fallback, current
                pending = None
                continue
            pending = None
        if len(trace) == max_evaluations:
            break
        first = fallback
        _copy(current, first)
        after_first = _evaluate(step, current, trace, on_evaluation)
        if has_converged(before_first, after_first, tolerance):
            return run(True)
        if len(trace) == max_evaluations:
            break
        if not has_converged(before_first, after_first, warm_up):
            continue
        for change, before in zip(first, start, strict=True):
            change -= before
        length = step_length(*_squared_norms(start, first, current), cap)
        extrapolate(start, first, current, length, floor)
        at_extrapolated = _evaluate(step, start, trace, on_evaluation)
        if len(trace) == max_evaluations or not math.isfinite(at_extrapolated):
            # Nothing left to check it with, or it failed outright: keep x2.
            rejected += 1
            free, fallback = start, first
            continue
        pending = after_first
        current, fallback, free = start, current, first
    return run(False)


def step_length(change_norm2: float, curvature_norm2: float, cap: float) -> float:
    """SQUAREM's step length ||r|| / ||v|| from the squared norms of the first and second
    differences, kept between 1 (the plain EM point) and ``cap``."""
    if curvature_norm2 <= 0.0:
        return cap
    return min(max(math.sqrt(change_norm2 / curvature_norm2), 1.0), cap)


def extrapolate(
    start: Sequence[np.ndarray],
    change: Sequence[np.ndarray],
    second: Sequence[np.ndarray],
    length: float,
    floor: float,
) -> None:
    """Write x' = x0 + s (2 r + s v) over ``start`` (x0), with r = ``change`` and
    v = ``second`` - x0 - 2 r (``second`` is x2), s = ``length``; then keep every value
    above ``floor`` and renormalise each distribution along the last axis.

    Block by block in the arrays' own precision: the differences of nearby values are
    exact or nearly so, and scaling them (not the points themselves) by s keeps the
    rounding error of x' that of its last digit.
    """
    for x0, r, x2 in zip(start, change, second, strict=True):
        for block in _blocks(x0):
            step = _curvature(x0[block], r[block], x2[block])
            step *= length
            step += r[block]
            step += r[block]
            step *= length
            point = x0[block]
            point += step
            np.maximum(point, floor, out=point)
            point /= point.sum(axis=-1, keepdims=True)


def _squared_norms(
    start: Sequence[np.ndarray], change: Sequence[np.ndarray], second: Sequence[np.ndarray]
) -> tuple[float, float]:
    # ||r||^2 and ||v||^2 over all arrays, block by block, summed in double precision.
    change_norm2 = curvature_norm2 = 0.0
    for x0, r, x2 in zip(start, change, second, strict=True):
        for block in _blocks(x0):
            slope = r[block]
            curvature = _curvature(x0[block], slope, x2[block])
            change_norm2 += float(np.square(slope).sum(dtype=np.float64))
            curvature_norm2 += float(np.square(curvature, out=curvature).sum(dtype=np.float64))
    return change_norm2, curvature_norm2


def _curvature(origin: np.ndarray, slope: np.ndarray, second: np.ndarray) -> np.ndarray:
    # v = x2 - x0 - 2 r, a new array.
    curvature = second - origin
    curvature -= slope
    curvature -= slope
    return curvature


def _blocks(array: np.ndarray) -> Iterator[slice]:
    rows = max(1, BLOCK_VALUES // max(1, array[:1].size))
    for begin in range(0, len(array), rows):
        yield slice(begin, begin + rows)


def _copy(source: Sequence[np.ndarray], target: Sequence[np.ndarray]) -> None:
    for origin, copy in zip(source, target, strict=True):
        np.copyto(copy, origin)


def _evaluate(
    step: EmStep,
    params: Sequence[np.ndarray],
    trace: list[float],
    on_evaluation: EvaluationHook | None,
) -> float:
    value = step(params)
    trace.append(value)
    if on_evaluation is not None:
        on_evaluation(len(trace), value)
    return value
