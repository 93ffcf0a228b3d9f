"""Snakemake adapter: tables of the dynamic model (terms per topic and period, prevalence
per period, rise and fall with bootstrap intervals, terms gained and lost, topic links).

With paragraph units, prevalence and its changes are computed over articles (paragraph
shares rolled up by tokens). Without a fitted model every table holds the fit's ``note``.
"""

import json
from pathlib import Path

import pandas as pd
from gensim.corpora import Dictionary

from topicpipe.dynamics.fit import load_arrays
from topicpipe.dynamics.linking import link_table
from topicpipe.dynamics.periods import MODELLED
from topicpipe.dynamics.rise_fall import comparison_pairs, prevalence_changes
from topicpipe.dynamics.summary import rise_fall_markdown
from topicpipe.dynamics.tables import prevalence_by_period, topic_terms_by_period
from topicpipe.dynamics.term_changes import term_changes
from topicpipe.interpret.prevalence import placeholder
from topicpipe.interpret.rollup import roll_up
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("dynamics_tables", smk.log[0])
opts = smk.params.options
prevalence = smk.params.prevalence
TABLES = ("terms", "prevalence", "changes", "term_changes", "links")


def write_tables(fit_summary):
    """Every table of a fitted dynamic model."""
    arrays = load_arrays(smk.input.fit)
    phi, theta, modelled_rows = arrays["phi"], arrays["theta"], arrays["rows"]
    summary = pd.read_csv(smk.input.topics, keep_default_na=False)
    labels = dict(zip(summary["topic"], summary["label"], strict=True))
    dictionary = Dictionary.load(smk.input.dictionary)
    terms = [dictionary[i] for i in range(len(dictionary))]
    periods = pd.read_csv(smk.input.periods, dtype={"period": str}, keep_default_na=False)
    modelled = periods[periods["status"] == MODELLED].reset_index(drop=True)
    documents = pd.read_csv(smk.input.documents, dtype=str, keep_default_na=False)
    n_tokens = pd.read_csv(smk.input.corpus_documents)["n_tokens"].to_numpy()

    term_table = topic_terms_by_period(phi, terms, modelled, labels, opts["top_terms"])
    term_table.to_csv(smk.output.terms, index=False, float_format="%.6g")

    # Articles: paragraph shares rolled up by tokens (identity for whole articles).
    units = documents.iloc[modelled_rows]
    article_ids, article_theta, _, _ = roll_up(units["parent_id"], n_tokens[modelled_rows], theta)
    article_period = (
        units.drop_duplicates("parent_id").set_index("parent_id").loc[article_ids, "period"]
    )
    codes = pd.Index(periods["period"]).get_indexer(article_period)
    over_time = prevalence_by_period(
        article_theta,
        codes,
        periods,
        labels,
        prevalence["bootstrap"],
        prevalence["confidence"],
        prevalence["seed"],
    )
    over_time.to_csv(smk.output.prevalence, index=False, float_format="%.6g")
    log.info(
        "%d articles in %d modelled periods (%d periods with gaps)",
        len(article_ids),
        len(modelled),
        len(periods),
    )

    try:
        pairs = comparison_pairs(modelled["period"].tolist(), opts["compare"])
    except ValueError as error:
        raise SystemExit(str(error)) from None
    changes = prevalence_changes(
        article_theta,
        article_period.to_numpy(),
        pairs,
        labels,
        prevalence["bootstrap"],
        prevalence["confidence"],
        prevalence["seed"],
    )
    changes.to_csv(smk.output.changes, index=False, float_format="%.6g")
    gained_lost = term_changes(
        phi, modelled["period"].tolist(), pairs, terms, labels, opts["change_terms"]
    )
    gained_lost.to_csv(smk.output.term_changes, index=False, float_format="%.6g")
    for row in changes[changes["comparison"] == "consecutive"].head(5).itertuples():
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

    links = link_table(
        arrays["link_order"],
        arrays["link_cosine"],
        arrays["link_by_period"],
        modelled["period"].tolist(),
        labels,
        opts["min_link_cosine"],
    )
    links.to_csv(smk.output.links, index=False, float_format="%.6g")
    for row in links[~links["linked"]].itertuples():
        log.warning(
            "topic %d: the dynamic topic matched to it is not close (cosine %.2f < "
            "dynamics.min_link_cosine %.2f); read its trajectories with care",
            row.topic,
            row.cosine,
            opts["min_link_cosine"],
        )
    Path(smk.output.markdown).write_text(
        rise_fall_markdown(
            changes,
            gained_lost,
            fit_summary["period"],
            prevalence["confidence"],
            opts["top_changes"],
        ),
        encoding="utf-8",
    )


fit_summary = json.loads(Path(smk.input.summary).read_text(encoding="utf-8"))
if "note" in fit_summary:
    log.warning("no dynamic model: %s", fit_summary["note"])
    for name in TABLES:
        placeholder(fit_summary["note"]).to_csv(getattr(smk.output, name), index=False)
    Path(smk.output.markdown).write_text(
        f"# Rise and fall of topics\n\n{fit_summary['note']}\n", encoding="utf-8"
    )
else:
    write_tables(fit_summary)
