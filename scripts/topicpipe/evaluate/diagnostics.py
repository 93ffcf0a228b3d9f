"""Per-topic diagnostics in the spirit of MALLET's ``--diagnostics-file``.

MALLET (McCallum 2002; Mimno's topic diagnostics) reports for each topic how
many tokens it holds and how its words and documents are spread. Here the
same quantities come from the topic-term matrix ``phi`` (K, V), the document
topic shares ``theta`` (D, K) and the documents' lengths, so they work for any
engine. Logarithms are natural (nats).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _entropy(p: np.ndarray, axis: int) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.sum(np.where(p > 0, p * np.log(p), 0.0), axis=axis)


def topic_diagnostics(
    phi: np.ndarray, theta: np.ndarray, doc_lengths: np.ndarray, term_counts: np.ndarray
) -> pd.DataFrame:
    """One row per topic (numbered from 1) with these columns:

    - ``tokens``: expected number of tokens assigned to the topic, sum_d n_d theta_dk;
    - ``token_share``: the same as a share of all tokens;
    - ``document_entropy``: entropy of how the topic's tokens spread over documents
      (low: concentrated in a few documents);
    - ``effective_words``: 1 / sum_w phi_kw^2, how many terms the topic really uses;
    - ``corpus_distance``: KL divergence of the topic from the corpus's term
      distribution (low: the topic is just the corpus background);
    - ``uniform_distance``: KL divergence of the topic from the uniform distribution;
    - ``top_document_share``: share of documents in which it is the largest topic.
    """
    phi = np.asarray(phi, dtype=np.float64)
    theta = np.asarray(theta, dtype=np.float64)
    weighted = theta * np.asarray(doc_lengths, dtype=np.float64)[:, None]
    tokens = weighted.sum(axis=0)
    spread = weighted / np.where(tokens > 0, tokens, 1.0)
    corpus = np.asarray(term_counts, dtype=np.float64)
    corpus = corpus / corpus.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.where(phi > 0, np.log(phi / corpus), 0.0)
    n_topics, n_terms = phi.shape
    dominant = np.bincount(theta.argmax(axis=1), minlength=n_topics) if len(theta) else 0
    return pd.DataFrame(
        {
            "topic": np.arange(1, n_topics + 1),
            "tokens": tokens,
            "token_share": tokens / tokens.sum() if tokens.sum() else tokens,
            "document_entropy": _entropy(spread, axis=0),
            "effective_words": 1.0 / np.sum(phi**2, axis=1),
            "corpus_distance": np.sum(phi * log_ratio, axis=1),
            "uniform_distance": np.log(n_terms) - _entropy(phi, axis=1),
            "top_document_share": dominant / max(len(theta), 1),
        }
    )
