"""What to apply a model bundle to: the new corpus, the name of its results, and how to read
it where it differs from the training corpus (never how its text is cleaned)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from topicpipe.ingest import resolve_corpus

# The ``ingest`` keys that describe the input files, not how their text is cleaned: a new
# corpus may come in another format or with other column names than the training corpus.
INPUT_KEYS = ("format", "glob", "columns", "metadata")
NAME_PATTERN = r"[A-Za-z0-9_-]+"


class ApplyError(Exception):
    """The new corpus cannot be read or scored (the message says why and what to do)."""


def apply_name(corpus: str | Path, name: str = "") -> str:
    """The name of an apply run (``results/apply/<name>``): ``name`` if given, else the
    corpus's file or folder name without suffix, other characters than letters, digits,
    ``_`` and ``-`` replaced by ``_`` ("new articles/" → "new_articles", "march.csv" →
    "march")."""
    if name:
        if not re.fullmatch(NAME_PATTERN, name):
            raise ApplyError(
                f"apply_name: {name!r} may hold only letters, digits, '_' and '-' "
                "(it names the folder results/apply/<name>)"
            )
        return name
    stem = Path(corpus).expanduser().resolve().stem
    return re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_") or "corpus"


def new_corpus(spec: str | Path, setting: str) -> Path:
    """The path of the new corpus (``lee`` is the bundled corpus, as for ``corpus``), which
    must exist; ``setting`` names where it was given, for the message."""
    if not str(spec).strip():
        raise ApplyError(
            f"{setting}: no new corpus given; run e.g. "
            "snakemake --cores all apply --config apply_corpus=path/to/new/articles"
        )
    path = resolve_corpus(str(spec))
    if not path.exists():
        raise ApplyError(
            f"{setting}: the new corpus {str(path)!r} does not exist; give a folder of .txt "
            "files or a table file (.csv, .tsv, .jsonl), as for training"
        )
    return path


def requested(config: Mapping[str, Any]) -> tuple[str, Path]:
    """The name and path of the corpus that ``apply_corpus`` and ``apply_name`` ask for."""
    corpus = new_corpus(config["apply_corpus"], "apply_corpus")
    return apply_name(corpus, config["apply_name"]), corpus


def input_settings(ingest: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The bundle's ``ingest`` settings for reading a new corpus: cleaning exactly as in
    training, with the input keys (``INPUT_KEYS``) of ``overrides`` in place of the
    training corpus's. A column map is merged field by field; the training corpus's
    metadata sidecar never applies to new documents."""
    other = sorted(set(overrides) - set(INPUT_KEYS))
    if other:
        raise ApplyError(
            f"apply_ingest: {', '.join(other)} cannot differ from training (only "
            f"{', '.join(INPUT_KEYS)} can): it changes how text is cleaned, so the new "
            "documents would not be processed as the training documents were"
        )
    fields = sorted(set(overrides.get("columns", {})) - set(ingest["columns"]))
    if fields:
        raise ApplyError(
            f"apply_ingest.columns: no field {', '.join(fields)}; the fields are "
            f"{', '.join(ingest['columns'])}"
        )
    settings = {**ingest, "metadata": ""}
    for key, value in overrides.items():
        settings[key] = {**ingest["columns"], **value} if key == "columns" else value
    return settings
