"""Settings left at auto: what a small and a large corpus get, and that the user's value wins."""

from __future__ import annotations

import pytest

from defaults import CONFIG
from topicpipe.adapt import (
    choose_heldout_fraction,
    choose_max_k,
    choose_unit,
    chosen_settings,
    k_skip_reason,
    prune_settings,
    resolved_config,
    skipped_footnote,
    sweep_notes,
    unit_notes,
)
from topicpipe.corpus import PruneSettings

ADAPT = CONFIG["adapt"]
AUTO_DICTIONARY = {"no_below": "auto", "no_above": "auto", "keep_n": 100000}


def test_the_default_corpus_keeps_the_long_standing_values():
    # Lee: 292 articles, 263 of them trained on.
    assert choose_unit("auto", 292, ADAPT["paragraphs_below"]) == "article"
    settings, notes = prune_settings(AUTO_DICTIONARY, ADAPT, 292)
    assert settings == PruneSettings(5, 0.5, 100000)
    assert [n.subject for n in notes] == ["dictionary.no_below", "dictionary.no_above"]
    assert choose_heldout_fraction("auto", 292, ADAPT)[0] == 0.1
    assert choose_max_k("auto", 263, ADAPT["documents_per_topic"]) >= 20


@pytest.mark.parametrize(
    ("documents", "no_below", "no_above"),
    [(1, 1, 1.0), (3, 1, 1.0), (10, 1, 0.5), (27, 2, 0.5), (60, 3, 0.5), (5000, 5, 0.5)],
)
def test_the_vocabulary_filter_follows_the_number_of_documents(documents, no_below, no_above):
    settings, _ = prune_settings(AUTO_DICTIONARY, ADAPT, documents)
    assert (settings.no_below, settings.no_above) == (no_below, no_above)


def test_a_small_corpus_is_modelled_as_paragraphs_without_a_heldout_split():
    assert choose_unit("auto", 3, ADAPT["paragraphs_below"]) == "paragraph"
    fraction, notes = choose_heldout_fraction("auto", 27, ADAPT)
    assert fraction == 0.0 and "fewer than adapt.heldout_below" in notes[0].message
    notes = unit_notes("auto", 3, {"paragraph": 27}, ADAPT["paragraphs_below"])
    assert notes[0].value == "paragraph" and "3 articles" in notes[0].message
    assert "ingest.unit" in notes[0].override


def test_explicit_settings_always_win():
    assert choose_unit("article", 1, 50) == "article"
    settings, notes = prune_settings({"no_below": 7, "no_above": 0.3, "keep_n": 10}, ADAPT, 3)
    assert settings == PruneSettings(7, 0.3, 10) and notes == []
    assert choose_heldout_fraction(0.2, 3, ADAPT) == (0.2, [])
    assert choose_max_k(40, 3, 5) == 40


def test_a_single_article_is_reported_as_no_corpus():
    notes = unit_notes("auto", 1, {"paragraph": 14}, 50)
    warning = [n for n in notes if n.kind == "warning"][0]
    assert warning.subject == "single_article" and "14 paragraphs" in warning.message
    assert "not meaningful" in warning.message


def test_k_above_what_the_documents_support_is_skipped_but_the_smallest_k_is_trained():
    assert k_skip_reason(10, 5, 27, always_train=False) == (
        "K=10 is above model.max_k (5) for 27 training documents"
    )
    assert k_skip_reason(5, 5, 27, always_train=False) == ""
    assert k_skip_reason(5, 2, 10, always_train=True) == ""


def test_sweep_notes_name_the_cap_the_skipped_k_and_a_forced_k():
    fits = [
        {"k": 5, "seed": 1, "max_k": 2, "train_documents": 10},
        {"k": 10, "seed": 1, "max_k": 2, "train_documents": 10, "skipped": "K=10 is above"},
    ]
    notes = {n.subject: n for n in sweep_notes(fits, "auto", 5)}
    assert notes["model.max_k"].value == "2" and "K 10 not trained" in notes["model.max_k"].message
    assert "K=5 is the smallest K" in notes["k_above_supported"].message
    explicit = {n.subject for n in sweep_notes(fits, 2, 5)}
    assert explicit == {"k_skipped", "k_above_supported"}
    assert skipped_footnote(fits).startswith("Not trained: K 10")
    assert skipped_footnote(fits[:1]) == ""


def test_a_resolved_config_holds_the_values_chosen_for_auto_with_their_types():
    config = {
        "ingest": {"unit": "auto", "date_order": "auto"},
        "dictionary": {"no_below": "auto", "no_above": 0.3, "keep_n": 100},
        "evaluation": {"heldout_fraction": "auto"},
    }
    notes = unit_notes("auto", 3, {"paragraph": 12}, 50)
    notes += prune_settings({**config["dictionary"], "no_above": "auto"}, ADAPT, 12)[1]
    notes += choose_heldout_fraction("auto", 12, ADAPT)[1]
    chosen = chosen_settings(notes)
    assert chosen == {
        "ingest.unit": "paragraph",
        "dictionary.no_below": 1,
        "dictionary.no_above": 0.5,
        "evaluation.heldout_fraction": 0,
    }
    resolved = resolved_config(config, chosen)
    assert resolved["ingest"] == {"unit": "paragraph", "date_order": "auto"}
    # The user's own value stays, whatever a note says.
    assert resolved["dictionary"] == {"no_below": 1, "no_above": 0.3, "keep_n": 100}
    assert resolved["evaluation"]["heldout_fraction"] == 0
    assert config["ingest"]["unit"] == "auto"


def test_the_sweeps_note_gives_each_model_its_sweeps_and_names_a_capped_run():
    converged = "converged: the training log-likelihood per word changed by 0.0004"
    fits = [
        {"model": "k5_seed1", "iterations": "auto", "sweeps": 230, "stopped": converged},
        {"model": "k5_seed2", "iterations": "auto", "sweeps": 1000, "stopped": "max_iterations"},
        {"model": "k10_seed1", "iterations": 300, "sweeps": 300, "stopped": "iterations (300)"},
    ]
    for fit in fits:
        fit.update(k=int(fit["model"][1:].split("_")[0]), seed=1, max_k=50, train_documents=500)
    (note,) = [n for n in sweep_notes(fits, "auto", 5) if n.subject.endswith("iterations")]
    assert note.value == "1000"
    assert "k5_seed1 230, k5_seed2 1000" in note.message and "k10_seed1" not in note.message
    assert "1 model reached model.tomotopy.max_iterations" in note.message
    assert chosen_settings([note]) == {"model.tomotopy.iterations": 1000}
    assert not [n for n in sweep_notes(fits[2:], "auto", 5) if "iterations" in n.subject]
