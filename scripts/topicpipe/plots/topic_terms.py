"""Grid of horizontal bar charts: the top terms of every topic."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from topicpipe.interpret.labels import candidate_order, display_label
from topicpipe.plots.layout import (
    MIN_TEXT_PT,
    add_note,
    chars_that_fit,
    columns_that_fit,
    flagged_label,
    flags_note,
    title_over_labels,
    wrap_text,
)
from topicpipe.plots.style import apply_style, panel_grid, shorten, topic_colour

# How the bars of a panel can be ordered: the column of topic_terms.csv and its name.
RANKINGS = {
    "frex": ("rank_frex", "FREX (frequent and exclusive)"),
    "probability": ("rank", "probability in the topic"),
    "relevance": ("rank_relevance", "relevance (LDAvis λ)"),
    "lift": ("rank_lift", "lift"),
}
# Narrowest panel (term labels and bars) that keeps terms legible, in inches.
_PANEL_WIDTH = 1.55
# Height of one bar row at 7 pt, and of one line of a panel's title, in inches.
_ROW = 0.135
_TITLE_LINE = 0.15
# Label terms are joined by this in an automatic label (``labels.automatic_labels``).
_LABEL_JOINER = ", "


def panel_terms(
    rows: pd.DataFrame, top_n: int, ranking: str, label: str
) -> tuple[pd.DataFrame, set[str]]:
    """One topic's ``top_n`` rows of the terms table in the order of ``ranking``, and the
    terms of its automatic ``label`` among them.

    By FREX, terms are ordered as labels choose them (``labels.candidate_order``: equal
    scores go to the term more frequent in the corpus), and a label term ranked below
    ``top_n`` (the label skips numbers, units and rare terms) takes the place of the last
    bar that is not a label term, so that every term of a title has its bar.
    """
    corpus_share = rows["weight"] / rows["lift"].where(rows["lift"] > 0)
    if ranking == "frex":
        shares = dict(zip(rows["term"], corpus_share.fillna(0.0), strict=True))
        ordered = candidate_order(rows, shares)
    else:
        ordered = rows.sort_values(RANKINGS[ranking][0])
    in_label = set(label.split(_LABEL_JOINER)) & set(ordered["term"])
    top = ordered.head(top_n)
    missing = ordered[ordered["term"].isin(in_label - set(top["term"]))]
    if len(missing):
        spare = top[~top["term"].isin(in_label)].index[-len(missing) :]
        top = ordered.loc[ordered.index.isin(top.index.drop(spare).union(missing.index))]
    return top, in_label


def plot_topic_terms(
    terms: pd.DataFrame,
    top_n: int = 10,
    labels: Mapping[int, str] | None = None,
    ranking: str = "frex",
    width: float = 6.5,
    flags: Mapping[int, str] | None = None,
    note: str = "",
) -> plt.Figure:
    """One panel per topic with its ``top_n`` terms in the order of ``ranking`` (a key of
    ``RANKINGS``; "frex" is how automatic labels are made, so a title agrees with its bars:
    ``panel_terms``), the terms of the title in bold and the title wrapped, never cut.

    Bars are the term's probability in the topic on one scale for all panels; a grey tick
    marks the term's share of the whole corpus, so a bar far beyond its tick is a term
    the topic uses much more than the corpus does. ``terms`` is the tidy topic_terms
    table (topic, term, weight, lift and the rank columns); ``labels`` maps topic numbers
    to labels; ``flags`` marks topics with "*" and a footnote; ``note`` goes under the figure.
    """
    apply_style()
    labels = labels or {}
    rank_name = RANKINGS[ranking][1]
    topics = sorted(terms["topic"].unique())
    columns = columns_that_fit(width, _PANEL_WIDTH, len(topics))
    # Titles are bold (wider letters), span the whole panel, term names included, and wrap
    # onto as many lines as they need: every panel of the grid gets room for the longest.
    title_chars = int(chars_that_fit(width / columns - 0.1, 8) * 0.88)
    titles = {
        topic: wrap_text(
            flagged_label(display_label(topic, labels.get(topic, "")), topic, flags),
            title_chars,
            12,
        )
        for topic in topics
    }
    title_lines = max(t.count("\n") + 1 for t in titles.values())
    panel_height = _ROW * top_n + _TITLE_LINE * title_lines + 0.12
    fig, axes = panel_grid(
        len(topics), columns, width / columns, panel_height, extra_height=0.55, sharex=True
    )
    panels = {
        topic: panel_terms(terms[terms["topic"] == topic], top_n, ranking, labels.get(topic, ""))
        for topic in topics
    }
    shown = pd.concat([group for group, _ in panels.values()])
    corpus_share = shown["weight"] / shown["lift"].where(shown["lift"] > 0)
    # One x scale for every panel, so bar lengths compare across topics.
    x_max = float(np.nanmax([shown["weight"].max(), corpus_share.max()])) * 1.08
    term_chars = chars_that_fit(width / columns * 0.58, MIN_TEXT_PT)
    for index, (ax, topic) in enumerate(zip(axes.flat, topics, strict=False)):
        group, in_label = panels[topic]
        y = np.arange(len(group))
        ax.barh(y, group["weight"], color=topic_colour(topic - 1), height=0.75)
        share = (group["weight"] / group["lift"].where(group["lift"] > 0)).to_numpy()
        ax.scatter(share, y, marker="|", s=40, color="#333333", linewidths=1.0, zorder=3)
        ax.set_yticks(y, [shorten(t, term_chars) for t in group["term"]])
        # The terms of the title are in bold, so a reader sees which bars make it.
        for tick, term in zip(ax.get_yticklabels(), group["term"], strict=True):
            tick.set_fontweight("bold" if term in in_label else "normal")
        ax.set_ylim(top_n - 0.5, -0.6)
        title_over_labels(ax, titles[topic], fontweight="bold", fontsize=8)
        ax.xaxis.set_major_locator(plt.MaxNLocator(2))
        ax.set_xlim(0, x_max)
        # The x scale is shared: numbers only under the last panel of each column.
        below = index + columns
        ax.tick_params(axis="x", labelbottom=below >= len(topics))
    fig.supxlabel(
        wrap_text(
            "bar: probability of the term in the topic; dark tick: its share of the whole corpus",
            chars_that_fit(width, 8),
        ),
        fontsize=8,
    )
    fig.suptitle(
        wrap_text(
            f"Top {top_n} terms per topic, ordered by {rank_name}; bold: the terms of the "
            "topic's label",
            chars_that_fit(width, 9),
        ),
        x=0.0,
        ha="left",
    )
    add_note(fig, flags_note(flags), note, width=width)
    return fig
