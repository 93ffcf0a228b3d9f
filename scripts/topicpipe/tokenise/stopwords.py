"""Stopword lists: built-in English, a news list, the user's words, and corpus-specific terms.

The built-in English list is gensim's ``STOPWORDS`` (337 words; gensim took it
from the Glasgow Information Retrieval Group's stop list), which ships with
the package, so nothing is downloaded. The news list is ours: words that
appear in nearly every news article whatever its subject (reporting verbs,
weekdays, months, newsroom words).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Reporting verbs (all inflections, because stopwords are checked before and after lemmatising),
# time words and newsroom vocabulary. Written for this project.
NEWS_STOPWORDS = frozenset(
    str.split(
        """
    say says said saying tell tells told telling add adds added adding note notes noted noting
    quote quotes quoted quoting cite cites cited citing explain explains explained explaining
    stress stresses stressed stressing emphasize emphasizes emphasized emphasizing emphasise
    emphasises emphasised emphasising remark remarks remarked comment comments commented
    mention mentions mentioned mentioning according accord reporter reporters correspondent
    correspondents journalist journalists editor editors newspaper news wire photo photos
    image images caption copyright subscribe
    click read reads website today yesterday tomorrow tonight week weeks weekend monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    gmt utc edt est mr mrs ms
    """
    )
)


def english_stopwords() -> frozenset[str]:
    """The built-in English stopword list (gensim's, from the Glasgow IR group)."""
    from gensim.parsing.preprocessing import STOPWORDS

    return frozenset(STOPWORDS)


def normalise_entry(word: str) -> str:
    """A user's stopword or phrase as a token: lowercased, words joined by ``_``."""
    return "_".join(word.lower().split())


def build_stopwords(extra: Iterable[str], news: bool) -> frozenset[str]:
    """The built-in list, the news list if ``news``, and the user's ``extra`` words.

    A multi-word entry such as "Vestnik Kavkaza" removes the joined name ``vestnik_kavkaza``.
    """
    words = set(english_stopwords())
    if news:
        words |= NEWS_STOPWORDS
    words |= {normalise_entry(word) for word in extra if word.strip()}
    return frozenset(words)


def corpus_stopwords(
    document_frequency: Mapping[str, int], n_documents: int, max_share: float
) -> dict[str, int]:
    """Terms found in more than ``max_share`` of ``n_documents`` documents, with their counts."""
    if n_documents == 0 or max_share >= 1.0:
        return {}
    limit = max_share * n_documents
    return {term: df for term, df in sorted(document_frequency.items()) if df > limit}
