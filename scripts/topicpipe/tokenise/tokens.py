"""From one document's text to its list of tokens.

nltk's ``NLTKWordTokenizer`` is rule-based and needs no downloaded data.
Lemmas come from simplemma, which ships its dictionaries. Capitalised words
inside a sentence and acronyms are taken to be names and are never
lemmatised, so "United States" stays "united states", not "unite state".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma
from nltk.tokenize import NLTKWordTokenizer

# Typographic variants folded to ASCII before tokenising, so "Russia’s" splits like "Russia's".
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u00ad": "",
        "\u200b": "",
    }
)
_WORD = re.compile(r"^[^\W\d_][\w\-\.']*$")
_SENTENCE_END = {".", "!", "?", ":", '"', "''", "``"}


@dataclass(frozen=True)
class TokeniseOptions:
    """How tokens are made (the ``tokenise`` section of the config)."""

    lowercase: bool = True
    lemmatise: bool = True
    min_length: int = 3
    stopwords: frozenset[str] = field(default_factory=frozenset)


class Tokeniser:
    """Callable that turns text into a list of tokens according to ``TokeniseOptions``."""

    def __init__(self, options: TokeniseOptions):
        self.options = options
        self._words = NLTKWordTokenizer()

    def __call__(self, text: str) -> list[str]:
        tokens: list[str] = []
        sentence_start = True
        for raw in self._words.tokenize(text.translate(_FOLD)):
            if raw in _SENTENCE_END:
                sentence_start = True
                continue
            word = raw.strip(".'-")
            if raw.startswith("'") or not _WORD.match(word):
                sentence_start = sentence_start and not word
                continue
            token = self._normalise(word, sentence_start)
            sentence_start = False
            if token is not None:
                tokens.append(token)
        return tokens

    def _normalise(self, word: str, sentence_start: bool) -> str | None:
        acronym = _is_acronym(word)
        name = acronym or (word[0].isupper() and not sentence_start)
        token = word.replace(".", "") if acronym else word
        if self.options.lowercase:
            token = token.lower()
        if self.options.lemmatise and not name:
            token = _lemma(token)
        # An acronym such as "US" is a name, not the pronoun on the stopword list.
        if not acronym and token.lower() in self.options.stopwords:
            return None
        if len(token) < self.options.min_length and not acronym:
            return None
        return token


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    lemma = simplemma.lemmatize(word, lang="en")
    # simplemma capitalises some lemmas (russia -> Russia); keep the caller's case.
    return lemma.lower() if word.islower() else lemma
