"""Both tokenise passes in memory, for texts that fit in it: the steps the pipeline runs on
shards streamed from disk, without the files."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from defaults import section
from topicpipe.tokenise import FittedTokeniser, Settings, fit_tokeniser
from topicpipe.tokenise.names import SEPARATOR
from topicpipe.tokenise.scan import Chunks, chunks_text, text_chunks
from topicpipe.tokenise.stage import split_scan_line


def tokenise_settings(**overrides: Any) -> Settings:
    """The default tokenise settings with ``overrides`` (a dict value updates a sub-section)."""
    return Settings.from_config(section("tokenise", **overrides))


def tokenise_texts(texts: list[str], settings: Settings) -> tuple[list[list[str]], FittedTokeniser]:
    """The final tokens of each text, and what was fitted on all of them."""
    scanner = settings.scanner()
    scans = [scanner(text).chunks for text in texts]
    runs = Counter(
        item for chunks in scans for chunk in chunks for item in chunk if SEPARATOR in item
    )
    fitted = fit_tokeniser(lambda: map(chunks_text, scans), runs, len(texts), settings)
    return [fitted.tokens(chunks) for chunks in scans], fitted


def read_scan_line(line: str) -> tuple[str, Chunks]:
    """The id and chunks of one line of a scan file."""
    doc_id, text = split_scan_line(line)
    return json.loads(doc_id), text_chunks(text)
