"""The ``tokenise`` section of the config, turned into the objects the steps need."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from topicpipe.tokenise.names import TITLES
from topicpipe.tokenise.phrases import PhraseSettings
from topicpipe.tokenise.scan import Scanner
from topicpipe.tokenise.stopwords import build_stopwords
from topicpipe.tokenise.tokens import TokeniseOptions


@dataclass(frozen=True)
class Settings:
    """Everything the tokenise steps read from the config."""

    options: TokeniseOptions
    titles: frozenset[str]
    join_names: bool
    name_min_count: int
    phrases: PhraseSettings
    corpus_stopwords_above: float
    shards: int

    def scanner(self) -> Scanner:
        """The first-pass scanner these settings describe."""
        return Scanner(self.options, self.titles, self.join_names)

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> Settings:
        """Settings from the ``tokenise`` section of the (schema-validated) config."""
        names = section["names"]
        phrases = section["phrases"]
        forms = [
            (surface, token)
            for token, surfaces in sorted(section["aliases"].items())
            for surface in surfaces
        ]
        options = TokeniseOptions(
            lowercase=section["lowercase"],
            normalise=section["normalise"],
            min_length=section["min_length"],
            keep_numbers=section["numbers"] == "keep",
            stopwords=build_stopwords(section["extra_stopwords"], news=section["news_stopwords"]),
            aliases=tuple((s, t) for s, t in forms if " " not in s.strip()),
            run_aliases=tuple((" ".join(s.split()), t) for s, t in forms if " " in s.strip()),
        )
        return cls(
            options=options,
            titles=TITLES | {title.lower() for title in names["extra_titles"]},
            join_names=names["join"],
            name_min_count=names["min_count"],
            phrases=PhraseSettings(
                collocations=phrases["collocations"],
                min_count=phrases["min_count"],
                threshold=phrases["threshold"],
                trigrams=phrases["trigrams"],
                user=tuple(phrases["user"]),
            ),
            corpus_stopwords_above=section["corpus_stopwords_above"],
            shards=section["shards"],
        )
