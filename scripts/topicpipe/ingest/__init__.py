"""Ingest: turn a user's corpus (folder of .txt files or one-document-per-line file)
into documents with ids and titles, and account for every input file."""

from topicpipe.ingest.pipeline import IngestError, ingest_corpus
from topicpipe.ingest.sources import resolve_corpus

__all__ = ["IngestError", "ingest_corpus", "resolve_corpus"]
