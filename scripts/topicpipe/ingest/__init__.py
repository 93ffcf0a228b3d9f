"""Ingest: turn a user's corpus (folder of text files, one-document-per-line file, CSV/TSV
or JSON Lines) into clean documents with metadata, and account for every input file."""

from topicpipe.ingest.formats import content_index
from topicpipe.ingest.pipeline import Ingest, IngestError, IngestOptions
from topicpipe.ingest.sources import resolve_corpus

__all__ = ["Ingest", "IngestError", "IngestOptions", "content_index", "resolve_corpus"]
