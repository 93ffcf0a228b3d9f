"""Tokenise: text to lists of lowercase tokens, with names kept intact."""

from topicpipe.tokenise.stopwords import build_stopwords
from topicpipe.tokenise.tokens import TokeniseOptions, Tokeniser

__all__ = ["TokeniseOptions", "Tokeniser", "build_stopwords"]
