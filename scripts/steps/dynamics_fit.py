"""Snakemake adapter: fit the dynamic topic model over the periods of the dated documents.

Writes the periods (with the gaps), every document's period, the fitted model (``fit.npz``,
topics renumbered after the static model's) and a summary of the fit. When fewer than two
periods hold enough documents, the summary holds a ``note`` instead and the run goes on.
"""

import json

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary, MmCorpus
from gensim.matutils import corpus2csc

from topicpipe.dynamics.fit import fit_dynamic_model, save_fit
from topicpipe.dynamics.linking import link_topics, renumber
from topicpipe.dynamics.periods import MODELLED, document_periods, plan_periods
from topicpipe.engines import load_model
from topicpipe.interpret.documents import document_metadata
from topicpipe.jsonl import read_jsonl
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("dynamics_fit", smk.log[0])
opts = smk.params.options

rows = pd.read_csv(smk.input.corpus_documents, dtype={"id": str}, keep_default_na=False)
meta = document_metadata(read_jsonl(smk.input.documents), set(rows["id"]))
units = rows[["id", "n_tokens"]].merge(
    meta[["id", "parent_id", "date"]], on="id", how="left", validate="one_to_one"
)
units = units.fillna("")
units["parent_id"] = units["parent_id"].where(units["parent_id"] != "", units["id"])
plan = plan_periods(units["date"], opts["period"], opts["min_documents"], units["parent_id"])
plan.table.to_csv(smk.output.periods, index=False)
document_periods(units["id"], units["parent_id"], units["date"], plan).to_csv(
    smk.output.documents, index=False
)
gaps = plan.table[plan.table["status"] != MODELLED]
summary = {
    "engine": "chained_em",
    "period": opts["period"],
    "min_documents": opts["min_documents"],
    "n_documents": len(units),
    "n_undated": plan.n_undated,
    "n_left_out": plan.n_left_out,
    "periods": len(plan.table),
    "modelled_periods": len(plan.modelled),
    "gaps": gaps[["period", "status", "n_documents"]].to_dict("records"),
}
log.info(
    "%d documents: %d undated (excluded from this stage), %d in %d %s periods",
    len(units),
    plan.n_undated,
    len(units) - plan.n_undated,
    len(plan.table),
    opts["period"],
)
for gap in summary["gaps"]:
    log.info(
        "period %s is a gap (%s, %d documents): not modelled, not interpolated",
        gap["period"],
        gap["status"],
        gap["n_documents"],
    )
if plan.n_left_out:
    log.warning(
        "%d dated documents are in periods with fewer than %d documents "
        "(dynamics.min_documents) and are left out of the dynamic model",
        plan.n_left_out,
        opts["min_documents"],
    )

note = plan.note()
if note:
    log.warning("no dynamic model: %s", note)
    summary["note"] = note
    # No model: an empty archive, so that the rule's outputs exist.
    np.savez(smk.output.fit)
else:
    dictionary = Dictionary.load(smk.input.dictionary)
    static_phi = load_model(smk.input.model).topic_term_matrix()
    n_periods, (k, n_terms) = len(plan.modelled), static_phi.shape
    # The fit holds the topics per period, their expected counts and a working copy.
    needed_mb = 3 * n_periods * k * n_terms * 8 / 1e6
    if needed_mb > smk.resources.mem_mb:
        raise SystemExit(
            f"dynamics: {n_periods} {opts['period']} periods x {k} topics x {n_terms} terms "
            f"need about {needed_mb:,.0f} MB, more than this rule's {smk.resources.mem_mb} MB. "
            "Choose a longer dynamics.period, prune the vocabulary (dictionary.keep_n), or "
            "give the rule more memory (--set-resources dynamics_fit:mem_mb=...)."
        )
    modelled = np.flatnonzero(plan.timepoints >= 0)
    bows = corpus2csc(MmCorpus(smk.input.corpus), num_terms=len(dictionary)).T.tocsr()[modelled]
    log.info(
        "fitting %d topics over %d periods: %d documents, %d terms (smoothing %.2f)",
        k,
        n_periods,
        len(modelled),
        n_terms,
        opts["smoothing"],
    )

    def progress(iteration, loglik):
        if iteration == 1 or iteration % 10 == 0:
            log.info("iteration %d: log-likelihood per word %.6f", iteration, loglik)

    fit = fit_dynamic_model(
        bows,
        plan.timepoints[modelled],
        plan.positions,
        static_phi,
        smoothing=opts["smoothing"],
        max_iterations=opts["max_iterations"],
        tolerance=opts["tolerance"],
        on_iteration=progress,
    )
    tokens = np.bincount(
        plan.timepoints[modelled], weights=np.asarray(bows.sum(axis=1)).ravel(), minlength=n_periods
    )
    order, cosine, by_period = link_topics(fit.phi, static_phi, tokens)
    save_fit(
        renumber(fit, order),
        smk.output.fit,
        rows=modelled,
        link_order=order,
        link_cosine=cosine,
        link_by_period=by_period,
    )
    log.info(
        "%s after %d iterations (%.1f s); log-likelihood per word %.6f",
        "converged" if fit.converged else "stopped at dynamics.max_iterations",
        len(fit.loglik),
        fit.seconds,
        fit.loglik[-1],
    )
    summary.update(
        {
            "k": k,
            "terms": n_terms,
            "smoothing": opts["smoothing"],
            "iterations": len(fit.loglik),
            "converged": fit.converged,
            "loglik_per_word": fit.loglik.tolist(),
            "seconds": round(fit.seconds, 3),
        }
    )
with open(smk.output.summary, "w", encoding="utf-8") as handle:
    json.dump(summary, handle, indent=2)
    handle.write("\n")
