"""Stopword lists.

The built-in English list is gensim's ``STOPWORDS`` (337 words; gensim took it
from the Glasgow Information Retrieval Group's stop list), which ships with
the package, so nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterable


def english_stopwords() -> frozenset[str]:
    """The built-in English stopword list (gensim's, from the Glasgow IR group)."""
    from gensim.parsing.preprocessing import STOPWORDS

    return frozenset(STOPWORDS)


def build_stopwords(extra: Iterable[str] = ()) -> frozenset[str]:
    """The built-in list plus the user's ``extra`` words (lowercased)."""
    return english_stopwords() | {word.strip().lower() for word in extra if word.strip()}
