"""The dynamics stage: what the rules ``dynamics_fit`` and ``dynamics_tables`` compute.

``fit_dynamics`` places the modelled documents in periods, fits the dynamic model over the
periods that hold enough of them and links its topics to the static model's;
``dynamic_tables`` turns that fit into the tidy tables and the rise-and-fall page. When
fewer than two periods can be modelled, the fit's summary holds a ``note`` and every table
says why instead of failing the run. Both log their progress to ``log``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from topicpipe.dynamics import DynamicsError
from topicpipe.dynamics.fit import DTYPE, DynamicFit, IterationHook, fit_periods, save_fit
from topicpipe.dynamics.guardrails import link_notes
from topicpipe.dynamics.linking import link_table, link_topics, renumber
from topicpipe.dynamics.period_documents import spill_periods
from topicpipe.dynamics.periods import MODELLED, PeriodPlan, document_periods, plan_periods
from topicpipe.dynamics.rise_fall import comparison_pairs, prevalence_changes
from topicpipe.dynamics.summary import no_model_markdown, rise_fall_markdown
from topicpipe.dynamics.tables import prevalence_by_period, topic_terms_by_period
from topicpipe.dynamics.term_changes import term_changes
from topicpipe.interpret.prevalence import placeholder
from topicpipe.interpret.rollup import first_units, roll_up
from topicpipe.notes import Note

ENGINE = "chained_em"
# The fit holds one (T, K, V) array, the word distributions (which the E-step overwrites
# with their expected counts), two more with SQUAREM (the start of a cycle and its first
# step), and allowance for as much as one again: one topic in double precision, a
# period's documents, the program itself.
FIT_ARRAYS = {"squarem": 4, "none": 2}
# How many of the largest consecutive changes the log lists.
LOGGED_CHANGES = 5


@dataclass
class DynamicsFit:
    """What rule ``dynamics_fit`` writes.

    ``periods`` is ``periods.csv``, ``documents`` is ``documents.csv`` (one row per corpus
    row), ``summary`` is ``fit.json``. ``fit`` is the model with its topics in the static
    model's order, saved with ``links`` (``rows``: the corpus rows of ``fit.theta``;
    ``link_order``, ``link_cosine``, ``link_by_period`` from ``linking.link_topics``);
    ``fit`` is None when no model could be fitted (``summary["note"]`` says why).
    """

    periods: pd.DataFrame
    documents: pd.DataFrame
    summary: dict[str, Any]
    fit: DynamicFit | None = None
    links: dict[str, np.ndarray] = field(default_factory=dict)


def plan_summary(plan: PeriodPlan, n_documents: int, options: Mapping[str, Any]) -> dict[str, Any]:
    """The part of ``fit.json`` known before fitting: settings, documents, periods and gaps."""
    gaps = plan.table[plan.table["status"] != MODELLED]
    return {
        "engine": ENGINE,
        "period": options["period"],
        "min_documents": options["min_documents"],
        "acceleration": options["acceleration"],
        "n_documents": n_documents,
        "n_undated": plan.n_undated,
        "n_left_out": plan.n_left_out,
        "periods": len(plan.table),
        "modelled_periods": len(plan.modelled),
        "gaps": gaps[["period", "status", "n_documents"]].to_dict("records"),
    }


def fit_summary(fit: DynamicFit, smoothing: float) -> dict[str, Any]:
    """The part of ``fit.json`` that describes a fitted model."""
    _, n_topics, n_terms = fit.phi.shape
    return {
        "k": n_topics,
        "terms": n_terms,
        "smoothing": smoothing,
        "iterations": len(fit.loglik),
        "converged": fit.converged,
        "extrapolations_accepted": fit.accepted,
        "extrapolations_rejected": fit.rejected,
        "loglik_per_word": fit.loglik.tolist(),
        "seconds": round(fit.seconds, 3),
    }


def check_memory(
    n_periods: int, n_topics: int, n_terms: int, mem_mb: int, period: str, acceleration: str
) -> None:
    """Raise ``DynamicsError`` when the fit (with ``acceleration``) needs more than
    ``mem_mb`` megabytes."""
    arrays = FIT_ARRAYS[acceleration]
    needed_mb = arrays * n_periods * n_topics * n_terms * np.dtype(DTYPE).itemsize / 1e6
    if needed_mb > mem_mb:
        raise DynamicsError(
            f"{n_periods} {period} periods x {n_topics} topics x {n_terms} terms need about "
            f"{needed_mb:,.0f} MB, more than this rule's {mem_mb} MB. Choose a longer "
            "dynamics.period, prune the vocabulary (dictionary.keep_n), or give the rule more "
            "memory (--set-resources dynamics_fit:mem_mb=...)."
        )


def fit_dynamics(
    units: pd.DataFrame,
    static_phi: np.ndarray,
    corpus: Iterable[list[tuple[int, int]]],
    num_terms: int,
    options: Mapping[str, Any],
    mem_mb: int,
    log: logging.Logger,
) -> DynamicsFit:
    """Periods, each document's period and the dynamic model linked to the static topics.

    ``units`` are the modelled documents in corpus row order (``id``, ``parent_id``,
    ``date``: ``interpret.documents.modelled_units``); ``static_phi`` (K, V) the static
    model's topics; ``corpus`` the same rows' bags of words over ``num_terms`` terms, read
    once (streamed to a temporary file) only when a model is fitted; ``options`` from
    ``settings.fit_options``. Raises
    ``DynamicsError`` when the fit would need more than ``mem_mb`` megabytes.
    """
    period = options["period"]
    plan = plan_periods(units["date"], period, options["min_documents"], units["parent_id"])
    documents = document_periods(units["id"], units["parent_id"], units["date"], plan)
    summary = plan_summary(plan, len(units), options)
    _log_plan(summary, log)
    note = plan.note()
    if note:
        return DynamicsFit(plan.table, documents, {**summary, "note": note})
    n_periods, (n_topics, n_terms) = len(plan.modelled), static_phi.shape
    check_memory(n_periods, n_topics, n_terms, mem_mb, period, options["acceleration"])
    rows = np.flatnonzero(plan.timepoints >= 0)
    log.info(
        "fitting %d topics over %d periods: %d documents, %d terms (smoothing %.2f)",
        n_topics,
        n_periods,
        len(rows),
        n_terms,
        options["smoothing"],
    )
    with spill_periods(corpus, plan.timepoints, n_periods, num_terms) as periods:
        fit = fit_periods(
            periods,
            plan.positions,
            static_phi,
            smoothing=options["smoothing"],
            max_iterations=options["max_iterations"],
            tolerance=options["tolerance"],
            acceleration=options["acceleration"],
            on_iteration=_progress(log),
        )
    order, cosine, by_period = link_topics(fit.phi, static_phi, periods.tokens)
    log.info(
        "%s after %d iterations (%.1f s; acceleration %s: %d extrapolations accepted, "
        "%d rejected); log-likelihood per word %.6f",
        "converged" if fit.converged else "stopped at dynamics.max_iterations",
        len(fit.loglik),
        fit.seconds,
        options["acceleration"],
        fit.accepted,
        fit.rejected,
        fit.loglik[-1],
    )
    links = {"rows": rows, "link_order": order, "link_cosine": cosine, "link_by_period": by_period}
    summary.update(fit_summary(fit, options["smoothing"]))
    return DynamicsFit(plan.table, documents, summary, renumber(fit, order), links)


def write_fit(result: DynamicsFit, path: str | Path) -> None:
    """Write ``fit.npz``: the model and its links, or, when there is no model, an empty
    archive, so that the rule's outputs exist."""
    if result.fit is None:
        np.savez(path)
    else:
        save_fit(result.fit, path, **result.links)


def _log_plan(summary: Mapping[str, Any], log: logging.Logger) -> None:
    # The undated documents, the gaps and why there may be no model are the rule's notes
    # (guardrails.fit_notes), which its entry point logs.
    log.info(
        "%d documents: %d undated (excluded from this stage), %d in %d %s periods",
        summary["n_documents"],
        summary["n_undated"],
        summary["n_documents"] - summary["n_undated"],
        summary["periods"],
        summary["period"],
    )


def _progress(log: logging.Logger) -> IterationHook:
    def report(iteration: int, loglik: float) -> None:
        if iteration == 1 or iteration % 10 == 0:
            log.info("iteration %d: log-likelihood per word %.6f", iteration, loglik)

    return report


@dataclass
class DynamicsTables:
    """What rule ``dynamics_tables`` writes: the tables (each named after its output),
    ``rise_fall.md`` and the rule's notes (topics matched only loosely)."""

    terms: pd.DataFrame
    prevalence: pd.DataFrame
    changes: pd.DataFrame
    term_changes: pd.DataFrame
    links: pd.DataFrame
    markdown: str
    notes: list[Note] = field(default_factory=list)

    def csv_tables(self) -> dict[str, pd.DataFrame]:
        """Every table by the name of the rule's output it is written to."""
        return {
            "terms": self.terms,
            "prevalence": self.prevalence,
            "changes": self.changes,
            "term_changes": self.term_changes,
            "links": self.links,
        }


def no_model_tables(note: str) -> DynamicsTables:
    """Every table and the page holding only ``note``, why no model could be fitted."""
    table = placeholder(note)
    return DynamicsTables(table, table, table, table, table, no_model_markdown(note))


def article_periods(
    documents: pd.DataFrame, n_tokens: Sequence[float], rows: np.ndarray, theta: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Topic shares and period of every article of the modelled corpus ``rows``.

    ``documents`` is ``dynamics/documents.csv`` (``parent_id``, ``period`` per corpus
    row), ``n_tokens`` every corpus row's tokens, ``theta`` the shares of ``rows``.
    Paragraph shares are rolled up weighted by tokens (identity for whole articles).
    """
    units = documents.iloc[rows]
    articles, shares, _, _ = roll_up(units["parent_id"], np.asarray(n_tokens)[rows], theta)
    return shares, first_units(units, articles)["period"].to_numpy()


def dynamic_tables(
    summary: Mapping[str, Any],
    arrays: Mapping[str, np.ndarray],
    periods: pd.DataFrame,
    documents: pd.DataFrame,
    n_tokens: Sequence[float],
    terms: Sequence[str],
    labels: Mapping[int, str],
    options: Mapping[str, Any],
    log: logging.Logger,
) -> DynamicsTables:
    """Terms per topic and period, prevalence per period, rise and fall, terms gained and
    lost, topic links and the rise-and-fall page of a fit.

    ``summary`` and ``arrays`` are the fit (``fit.json``, ``fit.npz``), ``periods`` and
    ``documents`` its tables, ``n_tokens`` every corpus row's tokens, ``terms`` the
    dictionary's terms by id, ``labels`` the static topics' labels, ``options`` from
    ``settings.table_options``. Prevalence and its changes are over articles. Raises
    ``DynamicsError`` when ``dynamics.compare`` names no pair of modelled periods.
    """
    if "note" in summary:
        log.warning("no dynamic model: %s", summary["note"])
        return no_model_tables(summary["note"])
    modelled = periods[periods["status"] == MODELLED].reset_index(drop=True)
    names = modelled["period"].tolist()
    pairs = comparison_pairs(names, options["compare"])
    phi = arrays["phi"]
    theta, article_period = article_periods(documents, n_tokens, arrays["rows"], arrays["theta"])
    bootstrap = (options["bootstrap"], options["confidence"], options["seed"])
    codes = pd.Index(periods["period"]).get_indexer(article_period)
    prevalence = prevalence_by_period(theta, codes, periods, labels, *bootstrap)
    log.info(
        "%d articles in %d modelled periods (%d periods with gaps)",
        len(theta),
        len(modelled),
        len(periods),
    )
    changes = prevalence_changes(theta, article_period, pairs, labels, *bootstrap)
    gained_lost = term_changes(phi, names, pairs, terms, labels, options["change_terms"])
    _log_changes(changes, log)
    links = link_table(
        arrays["link_order"],
        arrays["link_cosine"],
        arrays["link_by_period"],
        names,
        labels,
        options["min_link_cosine"],
    )
    return DynamicsTables(
        terms=topic_terms_by_period(phi, terms, modelled, labels, options["top_terms"]),
        prevalence=prevalence,
        changes=changes,
        term_changes=gained_lost,
        links=links,
        markdown=rise_fall_markdown(
            changes, gained_lost, summary["period"], options["confidence"], options["top_changes"]
        ),
        notes=link_notes(links, options["min_link_cosine"]),
    )


def _log_changes(changes: pd.DataFrame, log: logging.Logger) -> None:
    for row in changes[changes["comparison"] == "consecutive"].head(LOGGED_CHANGES).itertuples():
        log.info(
            "topic %d %s %+.1f points from %s to %s (interval %+.1f to %+.1f)",
            row.topic,
            row.direction,
            row.change * 100,
            row.period_from,
            row.period_to,
            row.ci_low * 100,
            row.ci_high * 100,
        )
