"""Tokenise: text to tokens that keep their meaning (names, phrases), in two streamed passes.

Pass one (``Scanner``) splits each document into chunks of lemmatised tokens
with capitalised names still as runs; ``fit_tokeniser`` then learns from the whole
corpus which runs are names and which word sequences are phrases; pass two
(``FittedTokeniser.tokens``) gives each document its final tokens. ``stage`` runs
the passes on files, shard by shard, and merges the shards.
"""

from topicpipe.tokenise.fitted import FittedTokeniser, Tokeniser, fit_tokeniser, load_tokeniser
from topicpipe.tokenise.phrases import PhraseSettings
from topicpipe.tokenise.scan import Scanner
from topicpipe.tokenise.settings import Settings
from topicpipe.tokenise.stopwords import build_stopwords
from topicpipe.tokenise.tokens import TokeniseOptions

__all__ = [
    "FittedTokeniser",
    "PhraseSettings",
    "Scanner",
    "Settings",
    "TokeniseOptions",
    "Tokeniser",
    "build_stopwords",
    "fit_tokeniser",
    "load_tokeniser",
]
