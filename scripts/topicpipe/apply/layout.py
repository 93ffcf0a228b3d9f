"""The files of a model bundle and the config it records: names only, no heavy imports,
so that the workflow's rules can name a bundle's files without loading gensim."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from topicpipe.engines import BUNDLE_MODEL_DIR

# Raise when the layout or the meaning of a file changes: older bundles are then refused.
BUNDLE_FORMAT = 1
MODEL_DIR = BUNDLE_MODEL_DIR
TOKENISER_DIR = "tokeniser"
DICTIONARY = "dictionary.dict"
TOPICS = "topics.csv"
CONFIG = "config.yaml"
MANIFEST = "bundle.json"
# What a bundle must hold besides its manifest.
PARTS = (MODEL_DIR, TOKENISER_DIR, DICTIONARY, TOPICS, CONFIG)
# Config keys that say what to apply a bundle to, not how its model was made.
APPLY_KEYS = ("apply_corpus", "apply_name", "apply_ingest")


def training_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """The config without the keys that only say what to apply the model to, so that
    applying it to a new corpus changes nothing the training run recorded."""
    return {key: value for key, value in config.items() if key not in APPLY_KEYS}
