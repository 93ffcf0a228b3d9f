"""Settings left at ``auto``: the value each gets for the corpus at hand, and the note saying so.

The rules follow the size of the corpus. A corpus of a few hundred articles or more gets the
long-standing values (articles as documents, ``no_below`` 5, ``no_above`` 0.5, 10% held out,
every K of the sweep); a small corpus gets values under which a topic model can still be
fitted and read: paragraphs as documents, a vocabulary filter scaled to the number of
documents, no held-out split, and no K that the documents cannot support. The thresholds
are the ``adapt`` section of the config; a value the user sets always wins over ``auto``.
Each function returns the value and a ``Note`` (see ``topicpipe.notes``) that names the rule.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import yaml

from topicpipe.config import AUTO
from topicpipe.engines.sweep import trains
from topicpipe.notes import CHOICE, Note, choice, count, warning

if TYPE_CHECKING:
    from topicpipe.corpus import PruneSettings


def is_auto(value: Any) -> bool:
    """Whether a setting was left at ``auto``."""
    return value == AUTO


def chosen_settings(notes: Iterable[Note]) -> dict[str, Any]:
    """The settings a run chose for ``auto`` (its choice notes), by dotted key
    (``ingest.unit``), each value with its config type ("0.5" → 0.5, "3" → 3)."""
    return {note.subject: yaml.safe_load(note.value) for note in notes if note.kind == CHOICE}


def resolved_config(config: Mapping[str, Any], chosen: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``config`` in which every setting left at ``auto`` that the run chose a
    value for (``chosen``, from ``chosen_settings``) holds that value, so that the copy says
    what the run did, and re-using it on other text (a model bundle) repeats it rather than
    choosing again for that text."""
    resolved = copy.deepcopy(dict(config))
    for key, value in chosen.items():
        *path, name = key.split(".")
        section = resolved
        for part in path:
            section = section.get(part, {})
        if is_auto(section.get(name)):
            section[name] = value
    return resolved


def choose_unit(setting: str, n_articles: int, paragraphs_below: int) -> str:
    """``ingest.unit``: the setting, or for ``auto`` paragraphs when the corpus has fewer than
    ``paragraphs_below`` articles (a few articles give LDA too few documents), else articles."""
    if not is_auto(setting):
        return setting
    return "paragraph" if n_articles < paragraphs_below else "article"


def unit_notes(
    setting: str, n_articles: int, documents_by_unit: Mapping[str, int], paragraphs_below: int
) -> list[Note]:
    """The notes of the ingest stage: the unit chosen for ``auto``, and a warning when the
    corpus holds a single article (topics then split one text, not a corpus)."""
    notes = []
    unit = choose_unit(setting, n_articles, paragraphs_below)
    n_documents = sum(documents_by_unit.values())
    if is_auto(setting):
        if unit == "paragraph":
            why = (
                f"the corpus has {count(n_articles, 'article')}, fewer than "
                f"adapt.paragraphs_below ({paragraphs_below}), so each paragraph is a document "
                f"({count(n_documents, 'document')}); tables and figures still report articles"
            )
        else:
            why = (
                f"the corpus has {count(n_articles, 'article')} (adapt.paragraphs_below is "
                f"{paragraphs_below}), so each article is a document"
            )
        notes.append(
            choice(
                "ingest",
                "ingest.unit",
                unit,
                why,
                "set ingest.unit to article, paragraph or window, e.g. "
                '--config \'ingest={"unit": "article"}\'',
            )
        )
    if n_articles == 1:
        notes.append(
            warning(
                "ingest",
                "single_article",
                "1 article",
                "the corpus holds a single article: a topic model finds themes that recur "
                "across documents, so its topics here only split one text into parts (its "
                f"{count(n_documents, unit)}) and are not meaningful as topics of a corpus",
                "add more articles to the corpus",
            )
        )
    return notes


def choose_no_below(setting: int | str, n_documents: int, adapt: Mapping[str, Any]) -> int:
    """``dictionary.no_below`` for ``auto``: ``adapt.no_below`` documents, or the share
    ``adapt.no_below_share`` of the documents (rounded up, at least 1) when that is fewer."""
    if not is_auto(setting):
        return int(setting)
    scaled = max(1, math.ceil(adapt["no_below_share"] * n_documents))
    return min(int(adapt["no_below"]), scaled)


def choose_no_above(setting: float | str, n_documents: int, adapt: Mapping[str, Any]) -> float:
    """``dictionary.no_above`` for ``auto``: ``adapt.no_above``, or 1.0 (no upper limit) when
    there are fewer than ``adapt.few_documents`` documents, where a share of documents is too
    coarse (with 3 documents, 0.5 would drop every term found in two of them)."""
    if not is_auto(setting):
        return float(setting)
    return 1.0 if n_documents < adapt["few_documents"] else float(adapt["no_above"])


def prune_settings(
    section: Mapping[str, Any], adapt: Mapping[str, Any], n_documents: int
) -> tuple[PruneSettings, list[Note]]:
    """The ``dictionary`` section with ``auto`` values resolved for ``n_documents``, and a
    note for each value so chosen."""
    # Imported here: ingest uses this module too and need not load gensim (2 s, 80 MB).
    from topicpipe.corpus import PruneSettings

    no_below = choose_no_below(section["no_below"], n_documents, adapt)
    no_above = choose_no_above(section["no_above"], n_documents, adapt)
    notes = []
    if is_auto(section["no_below"]):
        notes.append(
            choice(
                "corpus",
                "dictionary.no_below",
                no_below,
                f"{n_documents} documents; a term must be in adapt.no_below "
                f"({adapt['no_below']}) documents, or in adapt.no_below_share "
                f"({adapt['no_below_share']:g}) of them, rounded up, when that is fewer",
                "set dictionary.no_below to a number of documents",
            )
        )
    if is_auto(section["no_above"]):
        rule = (
            f"fewer than adapt.few_documents ({adapt['few_documents']}) documents, so no term "
            "is too common to keep"
            if no_above == 1.0 and n_documents < adapt["few_documents"]
            else f"terms in more than adapt.no_above ({adapt['no_above']:g}) of the "
            f"{n_documents} documents are dropped"
        )
        notes.append(
            choice(
                "corpus",
                "dictionary.no_above",
                f"{no_above:g}",
                rule,
                "set dictionary.no_above to a share of documents (0 to 1)",
            )
        )
    return PruneSettings(no_below, no_above, section["keep_n"]), notes


def choose_heldout_fraction(
    setting: float | str, n_documents: int, adapt: Mapping[str, Any]
) -> tuple[float, list[Note]]:
    """``evaluation.heldout_fraction`` for ``auto``: ``adapt.heldout_fraction``, or none below
    ``adapt.heldout_below`` documents, where every document is needed for training and a
    score from a handful of held-out documents would be noise."""
    if not is_auto(setting):
        return float(setting), []
    if n_documents < adapt["heldout_below"]:
        fraction = 0.0
        why = (
            f"{n_documents} documents, fewer than adapt.heldout_below "
            f"({adapt['heldout_below']}): every document is used for training, so there is no "
            "held-out likelihood, perplexity or convergence curve"
        )
    else:
        fraction = float(adapt["heldout_fraction"])
        why = (
            f"{n_documents} documents; adapt.heldout_fraction ({fraction:g}) of them are held "
            "out of training to score every model on the same unseen documents"
        )
    note = choice(
        "heldout_split",
        "evaluation.heldout_fraction",
        f"{fraction:g}",
        why,
        "set evaluation.heldout_fraction to a share (0 to 0.5)",
    )
    return fraction, [note]


def choose_max_k(setting: int | str, n_train: int, documents_per_topic: int) -> int:
    """``model.max_k``: the setting, or for ``auto`` the training documents divided by
    ``adapt.documents_per_topic`` (rounded down): a topic needs several documents to
    recur in before it is a theme rather than one document's words."""
    if not is_auto(setting):
        return int(setting)
    return n_train // documents_per_topic


def k_skip_reason(k: int, max_k: int, n_train: int, always_train: bool) -> str:
    """Why the (K, seed) model is not trained ("" when it is): K is above ``max_k`` and not
    the smallest K of the sweep (which is always trained, so that every run has a model)."""
    if trains(k, max_k, always_train):
        return ""
    return f"K={k} is above model.max_k ({max_k}) for {n_train} training documents"


def sweep_notes(
    fits: Sequence[Mapping[str, Any]], setting: int | str, documents_per_topic: int
) -> list[Note]:
    """The notes of the sweep, from the models' ``fit.json``: the K cap chosen for ``auto``,
    the K skipped, and a warning when the smallest K had to be trained above the cap."""
    if not fits:
        return []
    max_k = fits[0]["max_k"]
    n_train = fits[0]["train_documents"]
    skipped = sorted({fit["k"] for fit in fits if fit.get("skipped")})
    trained = sorted({fit["k"] for fit in fits if not fit.get("skipped")})
    notes = []
    override = (
        "set model.max_k to a number (e.g. 1000 trains every K of model.k), or choose "
        "model.k yourself"
    )
    if is_auto(setting):
        outcome = (
            f"K {', '.join(map(str, skipped))} not trained"
            if skipped
            else "every K of model.k is trained"
        )
        notes.append(
            choice(
                "train_model",
                "model.max_k",
                max_k,
                f"{n_train} training documents / adapt.documents_per_topic "
                f"({documents_per_topic}); {outcome}",
                override,
            )
        )
    elif skipped:
        notes.append(
            warning(
                "train_model",
                "k_skipped",
                "K " + ", ".join(map(str, skipped)),
                f"not trained: above model.max_k ({max_k})",
                override,
            )
        )
    notes += sweeps_notes([fit for fit in fits if fit.get("iterations") == AUTO])
    above = [k for k in trained if k > max_k]
    if above:
        notes.append(
            warning(
                "train_model",
                "k_above_supported",
                f"K={above[0]}",
                f"the corpus supports at most K={max_k} ({n_train} training documents), but "
                f"K={above[0]} is the smallest K of model.k, so it was trained to give the run "
                "a model; its topics are not reliable",
                "add documents, or set model.k to smaller values",
            )
        )
    return notes


def sweeps_notes(fits: Sequence[Mapping[str, Any]]) -> list[Note]:
    """The note of ``model.tomotopy.iterations: auto``, from the ``fit.json`` of the models
    trained with it: the sweeps each one ran and why it stopped. Its value is the longest
    run (a number of sweeps that, set by hand, trains each model at least as long)."""
    if not fits:
        return []
    runs = ", ".join(f"{fit['model']} {fit['sweeps']}" for fit in fits)
    capped = [fit["model"] for fit in fits if not fit["stopped"].startswith("converged")]
    why = (
        "Gibbs sweeps until the training log-likelihood per word levelled off "
        f"(model.tomotopy.tolerance): {runs}"
    )
    if capped:
        why += f"; {count(len(capped), 'model')} reached model.tomotopy.max_iterations"
    return [
        choice(
            "train_model",
            "model.tomotopy.iterations",
            max(fit["sweeps"] for fit in fits),
            why,
            "set model.tomotopy.iterations to a number of sweeps",
        )
    ]


def skipped_footnote(fits: Sequence[Mapping[str, Any]]) -> str:
    """A footnote for figures of the sweep naming the K that were not trained ("" if none)."""
    skipped = sorted({fit["k"] for fit in fits if fit.get("skipped")})
    if not skipped:
        return ""
    reason = next(fit["skipped"] for fit in fits if fit.get("skipped"))
    return (
        f"Not trained: K {', '.join(map(str, skipped))} (model.max_k {fits[0]['max_k']}; "
        f"e.g. {reason}); see results/run_notes.md."
    )
