"""Where the corpus is: a user path, or the default corpus that ships with gensim."""

from __future__ import annotations

from pathlib import Path

# The Lee corpus: 300 Australian news articles, one per line, shipped inside gensim.
DEFAULT_CORPUS = "lee"


def default_corpus_path() -> Path:
    """Path of gensim's bundled Lee background corpus in the installed package."""
    from gensim.test.utils import datapath

    return Path(datapath("lee_background.cor"))


def resolve_corpus(spec: str) -> Path:
    """Turn the ``corpus`` config value into a path (``lee`` means the bundled corpus)."""
    if spec == DEFAULT_CORPUS:
        return default_corpus_path()
    return Path(spec).expanduser()
