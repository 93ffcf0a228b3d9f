"""Layout for print: widths, wrapping that keeps words and phrases whole, notes and flags."""

import matplotlib.pyplot as plt
import pytest

from topicpipe.plots.layout import (
    add_note,
    columns_that_fit,
    drawn_texts,
    figure_width,
    flagged_label,
    flags_note,
    wrap_text,
)
from topicpipe.plots.style import placeholder_figure


def test_named_widths_are_journal_sizes():
    assert figure_width("column") == 3.5 and figure_width("page") == 6.5
    assert figure_width(5) == 5.0


def test_panels_per_row_follow_the_width():
    assert columns_that_fit(6.5, 1.55, 20) == 4
    assert columns_that_fit(3.5, 1.55, 20) == 2
    assert columns_that_fit(6.5, 1.55, 3) == 3


def test_wrapping_keeps_words_and_breaks_phrases_at_underscores():
    assert wrap_text("3 · new, russian_security_council, css", 19, 4) == (
        "3 · new, russian_\nsecurity_council,\ncss"
    )
    assert wrap_text("iran, nuclear, deal", 40) == "iran, nuclear, deal"


def test_wrapping_cuts_only_what_does_not_fit():
    text = "A long human label that needs more than two lines to be read"
    assert "…" not in wrap_text(text, 20, 4)
    cut = wrap_text(text, 20, 2)
    assert cut.count("\n") == 1 and cut.endswith("…")


def test_flags_mark_topics_and_explain_the_mark():
    flags = {7: "flat", 3: "one_document; same_label"}
    assert flagged_label("7 · year, people", 7, flags) == "7 · year, people *"
    assert flagged_label("2 · oil", 2, flags) == "2 · oil"
    note = flags_note(flags)
    assert note.startswith("* Topic 3 carried by one document: describes that document")
    assert "; Topic 7 flat: no term stands out" in note and "Topic 3 sharing a label" in note
    assert flags_note(None) == ""


def test_a_note_is_printed_under_the_figure():
    fig, ax = plt.subplots(figsize=(3.5, 2))
    add_note(fig, "Too few documents for correlations.", width=3.5)
    texts = [t.get_text() for t in drawn_texts(fig)]
    assert "Too few documents for correlations." in texts
    plt.close(fig)


@pytest.mark.parametrize("width", [3.5, 6.5])
def test_placeholder_wraps_its_message_to_the_width(width):
    message = "None of the 292 documents has a date, so prevalence over time cannot be computed."
    fig = placeholder_figure("Topic prevalence over time: not available", message, width)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    assert fig.get_tightbbox(renderer).width <= width + 0.01
    plt.close(fig)
