"""The topic palette: 50 colours that stay apart, the first dozen also for colour-blind
readers, and labels that read on any of them."""

import numpy as np
import pytest

from topicpipe.plots.palette import (
    OKABE_ITO,
    PALETTE_SIZE,
    contrast_ratio,
    delta_e,
    hex_to_rgb,
    ink_for,
    topic_palette,
    views,
)
from topicpipe.plots.style import topic_colour, topic_hatch


def _closest_pair(colours: list[str], view: int) -> float:
    seen = views(hex_to_rgb(colours))[view]
    distances = delta_e(seen[:, None, :], seen[None, :, :])
    np.fill_diagonal(distances, np.inf)
    return float(distances.min())


@pytest.mark.parametrize(
    ("lab_a", "lab_b", "expected"),
    [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ],
)
def test_delta_e_matches_published_test_pairs(lab_a, lab_b, expected):
    # Test pairs of Sharma, Wu & Dalal (2005), the CIEDE2000 reference data.
    assert delta_e(np.array(lab_a), np.array(lab_b)) == pytest.approx(expected, abs=1e-4)


def test_fifty_topics_have_fifty_distinguishable_colours():
    colours = list(topic_palette())
    assert len(colours) == PALETTE_SIZE == 50 and len(set(colours)) == 50
    assert colours[:7] == OKABE_ITO
    # CIEDE2000 of about 10 or more reads as a different colour at a glance.
    assert _closest_pair(colours, 0) >= 9.0
    assert _closest_pair(colours[:20], 0) >= 15.0


@pytest.mark.parametrize("view", [1, 2], ids=["protanopia", "deuteranopia"])
def test_the_first_twelve_colours_stay_apart_for_colour_blind_readers(view):
    assert _closest_pair(list(topic_palette())[:12], view) >= 10.0


def test_colours_repeat_with_a_hatch_only_past_fifty_topics():
    assert {topic_hatch(k) for k in range(50)} == {""}
    styles = {(topic_colour(k), topic_hatch(k)) for k in range(300)}
    assert len(styles) == 300


def test_labels_are_black_or_white_whichever_reads_better():
    for colour in topic_palette():
        ink = ink_for(colour)
        other = "#FFFFFF" if ink == "#000000" else "#000000"
        assert contrast_ratio(colour, ink) >= contrast_ratio(colour, other)
        assert contrast_ratio(colour, ink) >= 4.5 or contrast_ratio(colour, other) < 4.5
