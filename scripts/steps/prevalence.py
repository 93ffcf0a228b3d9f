"""Snakemake adapter: topic prevalence per period and per group, with bootstrap intervals.

Without dates (or without the group column) a one-row table with a ``note`` is written
instead, so that the run goes on and the report says why.
"""

import pandas as pd

from topicpipe.interpret.prevalence import (
    placeholder,
    prevalence_by_group,
    prevalence_over_time,
)
from topicpipe.interpret.tables import topic_columns
from topicpipe.logsetup import get_logger

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("prevalence", smk.log[0])
opts = smk.params.options

articles = pd.read_csv(smk.input.article_topics, dtype=str, keep_default_na=False)
theta = articles[topic_columns(articles)].astype(float).to_numpy()
summary = pd.read_csv(smk.input.summary, keep_default_na=False)
labels = dict(zip(summary["topic"], summary["label"], strict=True))
common = dict(
    n_boot=opts["bootstrap"],
    confidence=opts["confidence"],
    min_documents=opts["min_documents"],
    seed=opts["seed"],
)

over_time = prevalence_over_time(
    theta, articles["date"].tolist(), labels, period=opts["period"], **common
)
n_dated = int(pd.to_datetime(articles["date"], format="%Y-%m-%d", errors="coerce").notna().sum())
if over_time.empty:
    reason = (
        f"None of the {len(articles)} documents has a date, so prevalence over time cannot be "
        "computed. Give dates through the corpus (a date line in each article, a date column, "
        "or the ingest.metadata sidecar file)."
    )
    log.warning(reason)
    over_time = placeholder(reason)
else:
    log.info(
        "prevalence per %s: %d of %d documents dated; %d periods",
        opts["period"],
        n_dated,
        len(articles),
        over_time["period"].nunique(),
    )
over_time.to_csv(smk.output.over_time, index=False, float_format="%.6g")

column = opts["group_by"]
if column not in articles.columns:
    reason = (
        f"The documents have no field {column!r} (prevalence.group_by); available: "
        + ", ".join(c for c in articles.columns if c not in topic_columns(articles))
    )
    by_group = pd.DataFrame()
else:
    by_group = prevalence_by_group(theta, articles[column].tolist(), labels, column, **common)
    reason = (
        f"No document has a value for {column!r} (prevalence.group_by), so prevalence by "
        f"{column} cannot be computed."
    )
if by_group.empty:
    log.warning(reason)
    by_group = placeholder(reason)
else:
    log.info("prevalence by %s: %d groups", column, by_group["group"].nunique())
by_group.to_csv(smk.output.by_group, index=False, float_format="%.6g")
