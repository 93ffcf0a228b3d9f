"""Paragraph → article roll-up of topic shares.

When ingest splits articles into paragraphs (records whose ``parent_id`` differs from
their ``id``), the model sees paragraphs; readers want articles. An article's topic
shares are its paragraphs' shares weighted by their token counts, i.e. the share of the
article's modelled tokens assigned to each topic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from topicpipe.interpret.tables import doc_topic_table


def has_sub_units(ids: Sequence[str], parent_ids: Sequence[str]) -> bool:
    """True when any modelled document is part of a larger one (paragraph units)."""
    return any(doc_id != parent for doc_id, parent in zip(ids, parent_ids, strict=True))


def roll_up(
    parent_ids: Sequence[str], n_tokens: Sequence[float], theta: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Token-weighted topic shares per parent, parents in order of first appearance.

    Returns (parent ids, shares (P × K, rows sum to 1), units per parent, tokens per parent).
    A parent whose units have no tokens gets the plain mean of its units' shares.
    """
    codes, parents = pd.factorize(pd.Series(list(parent_ids), dtype=object), sort=False)
    weights = np.asarray(n_tokens, dtype=np.float64)
    n_parents = len(parents)
    weighted = np.zeros((n_parents, theta.shape[1]))
    np.add.at(weighted, codes, theta * weights[:, np.newaxis])
    plain = np.zeros_like(weighted)
    np.add.at(plain, codes, theta)
    tokens = np.bincount(codes, weights=weights, minlength=n_parents)
    units = np.bincount(codes, minlength=n_parents)
    shares = np.where(
        tokens[:, np.newaxis] > 0,
        weighted / np.where(tokens > 0, tokens, 1.0)[:, np.newaxis],
        plain / np.maximum(units, 1)[:, np.newaxis],
    )
    return [str(p) for p in parents], shares, units, tokens


def first_units(units: pd.DataFrame, parent_ids: Sequence[str]) -> pd.DataFrame:
    """The first unit of each article in ``parent_ids`` (e.g. from ``roll_up``), indexed by
    the article id: the article's metadata, which all its units share."""
    return units.drop_duplicates("parent_id").set_index("parent_id").loc[list(parent_ids)]


@dataclass
class Articles:
    """Topic shares rolled up from modelled units to articles.

    ``table`` is ``article_topics.csv`` (id, title, metadata, ``n_units``, ``n_tokens``,
    dominant topic, shares), ``theta`` its shares, ``ids`` the article ids in its order.
    """

    table: pd.DataFrame
    theta: np.ndarray
    ids: list[str]
    n_units: int
    from_paragraphs: bool

    def describe(self) -> str:
        """One line for the log: how many units became how many articles, and how."""
        how = (
            "paragraph units rolled up by token count" if self.from_paragraphs else "whole articles"
        )
        return f"{self.n_units} modelled units in {len(self.ids)} articles ({how})"


def article_rollup(units: pd.DataFrame, theta: np.ndarray) -> Articles:
    """Articles from the modelled ``units`` (see ``documents.modelled_units``) and their
    shares ``theta``: paragraph shares weighted by tokens (identity for whole articles)."""
    parent_ids, shares, n_units, n_tokens = roll_up(units["parent_id"], units["n_tokens"], theta)
    first = first_units(units, parent_ids)
    extra = first[[c for c in first.columns if c not in ("id", "title", "n_tokens")]]
    extra = extra.reset_index(drop=True)
    extra.insert(2, "n_units", n_units)
    extra.insert(3, "n_tokens", n_tokens.astype(int))
    table = doc_topic_table(parent_ids, first["title"].tolist(), shares, extra)
    from_paragraphs = has_sub_units(units["id"], units["parent_id"])
    return Articles(table, shares, parent_ids, len(units), from_paragraphs)
