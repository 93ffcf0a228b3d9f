"""Snakemake adapter: prevalence over time (stacked area, small multiples) and by group.

When a prevalence table holds only a ``note`` (no dates, no group values), the figure
says so instead of failing the run.
"""

import pandas as pd

from topicpipe.logsetup import get_logger
from topicpipe.plots.prevalence_group import plot_prevalence_group
from topicpipe.plots.prevalence_time import plot_prevalence_area, plot_prevalence_lines
from topicpipe.plots.style import placeholder_figure, save_figure

smk = snakemake  # noqa: F821 (injected by Snakemake)
log = get_logger("figure_prevalence", smk.log[0])
opts = smk.params.options
dpi = smk.params.dpi

over_time = pd.read_csv(smk.input.over_time, keep_default_na=False, na_values=[""])
if "note" in over_time.columns:
    note = over_time["note"].iloc[0]
    log.warning("no prevalence over time: %s", note)
    area = placeholder_figure("Topic prevalence over time: not available", note)
    lines = placeholder_figure("Topic prevalence over time: not available", note)
else:
    area = plot_prevalence_area(over_time, opts["period"], opts["min_documents"])
    lines = plot_prevalence_lines(
        over_time, opts["period"], opts["min_documents"], opts["confidence"]
    )
save_figure(area, smk.output.area, dpi)
save_figure(lines, smk.output.lines, dpi)

by_group = pd.read_csv(smk.input.by_group, keep_default_na=False, na_values=[""])
if "note" in by_group.columns:
    note = by_group["note"].iloc[0]
    log.warning("no prevalence by group: %s", note)
    group = placeholder_figure(f"Topic prevalence by {opts['group_by']}: not available", note)
else:
    by_group["group"] = by_group["group"].astype(str)
    group = plot_prevalence_group(by_group, opts["max_groups"], opts["min_documents"])
save_figure(group, smk.output.group, dpi)
log.info("wrote prevalence figures")
