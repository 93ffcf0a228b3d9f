"""Tokenise: text to tokens that keep their meaning (names, phrases), in two streamed passes.

Pass one (``Scanner``) splits each document into chunks of lemmatised tokens
with capitalised names still as runs; ``fit_model`` then learns from the whole
corpus which runs are names and which word sequences are phrases; pass two
(``TokenModel.tokens``) gives each document its final tokens.
"""

from topicpipe.tokenise.model import (
    Tokeniser,
    TokenModel,
    fit_model,
    load_tokeniser,
    tokenise_texts,
)
from topicpipe.tokenise.phrases import PhraseSettings
from topicpipe.tokenise.scan import Scanner
from topicpipe.tokenise.settings import Settings, settings_from_config
from topicpipe.tokenise.stopwords import build_stopwords
from topicpipe.tokenise.tokens import TokeniseOptions

__all__ = [
    "PhraseSettings",
    "Scanner",
    "Settings",
    "TokenModel",
    "TokeniseOptions",
    "Tokeniser",
    "build_stopwords",
    "fit_model",
    "load_tokeniser",
    "settings_from_config",
    "tokenise_texts",
]
