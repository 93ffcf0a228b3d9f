"""The model bundle (``results/model/``): what is needed to process new text exactly as the
training corpus was and to infer its topic shares, in one folder that can be copied.

Layout (the names below):

- ``topic_model/``: the topic model, as its engine saved it (``engines.load_model``);
- ``tokeniser/``: the fitted tokeniser: its settings, names and phrase layers
  (``tokenise.load_tokeniser``);
- ``dictionary.dict``: the gensim ``Dictionary``, the model's term ids;
- ``topics.csv``: one row per topic: labels, prevalence, top terms;
- ``config.yaml``: every setting of the training run, a setting left at ``auto`` with the
  value the run chose (``ingest`` cleans and cuts new text the same way; ``prevalence`` sets
  how the new documents' prevalence is summarised);
- ``bundle.json``: the bundle's format, the topicpipe, Python and package versions that made
  it, the model, the automatic choices, and the size and SHA-256 of every other file (every
  file is written byte-identically by identical runs, so identical runs give identical
  manifests).

``write_bundle`` assembles it; ``open_bundle`` checks it (complete, unchanged, made by this
topicpipe) before anything is applied.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from gensim.corpora import Dictionary

from topicpipe.adapt import resolved_config
from topicpipe.apply.layout import (
    BUNDLE_FORMAT,
    CONFIG,
    DICTIONARY,
    MANIFEST,
    MODEL_DIR,
    PARTS,
    TOKENISER_DIR,
    TOPICS,
    training_config,
)
from topicpipe.engines import TopicEngine, load_model
from topicpipe.files import read_json, write_json
from topicpipe.interpret.guardrails import flagged_topics
from topicpipe.interpret.labels import label_map, read_topic_table
from topicpipe.provenance import environment, sha256_file
from topicpipe.tokenise import Tokeniser, load_tokeniser


class BundleError(Exception):
    """A model bundle is missing, incomplete, changed or made by another topicpipe."""


def file_checksums(directory: str | Path) -> dict[str, dict[str, Any]]:
    """Size and SHA-256 of every file under ``directory`` but the manifest and hidden files
    (Snakemake's time stamps), by path relative to it (with ``/``), in path order."""
    directory = Path(directory)
    names = sorted(
        path.relative_to(directory).as_posix()
        for path in directory.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )
    return {
        name: {"bytes": (directory / name).stat().st_size, "sha256": sha256_file(directory / name)}
        for name in names
        if name != MANIFEST
    }


def write_bundle(
    directory: str | Path,
    tokeniser: str | Path,
    dictionary: str | Path,
    topics: str | Path,
    config: Mapping[str, Any],
    selected: Mapping[str, Any],
    chosen: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Complete the bundle in ``directory``, which already holds the topic model in
    ``MODEL_DIR``: copy the fitted ``tokeniser`` folder, the ``dictionary`` and the
    ``topics`` table, write the training ``config`` and the manifest; return the manifest.

    ``selected`` is ``selected.json`` (which model of the sweep this is, and why);
    ``chosen`` the values the training run gave the settings left at ``auto``
    (``adapt.chosen_settings``): the bundle's config holds them instead of ``auto``, so that
    new text is cut into the same units as the training text, whatever its size.
    """
    directory = Path(directory)
    chosen = dict(sorted((chosen or {}).items()))
    config = resolved_config(training_config(config), chosen)
    model = load_model(directory / MODEL_DIR)
    shutil.copytree(tokeniser, directory / TOKENISER_DIR, dirs_exist_ok=True)
    shutil.copyfile(dictionary, directory / DICTIONARY)
    shutil.copyfile(topics, directory / TOPICS)
    snapshot = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    (directory / CONFIG).write_text(snapshot, encoding="utf-8")
    manifest = {
        "format": BUNDLE_FORMAT,
        **environment(),
        "engine": model.name,
        "num_topics": model.num_topics,
        "num_terms": len(Dictionary.load(str(directory / DICTIONARY))),
        "unit": config["ingest"]["unit"],
        "automatic": chosen,
        "model": {key: selected[key] for key in ("model", "k", "seed", "rule")},
        "files": file_checksums(directory),
    }
    write_json(directory / MANIFEST, manifest, newline=True, indent=1, sort_keys=True)
    return manifest


@dataclass
class Bundle:
    """A checked model bundle: its parts, loaded on demand."""

    directory: Path
    manifest: dict[str, Any]
    config: dict[str, Any]
    # What differs from the environment that made the bundle but does not stop it (package
    # versions, or the topicpipe version when that was allowed).
    warnings: list[str] = field(default_factory=list)

    def model(self) -> TopicEngine:
        """The topic model."""
        return load_model(self.directory / MODEL_DIR)

    def tokeniser(self) -> Tokeniser:
        """The tokeniser fitted on the training corpus."""
        return load_tokeniser(self.directory / TOKENISER_DIR)

    def dictionary(self) -> Dictionary:
        """The model's dictionary (term ids)."""
        return Dictionary.load(str(self.directory / DICTIONARY))

    def labels(self) -> dict[int, str]:
        """Topic number → label, as in the training run's tables."""
        return label_map(read_topic_table(self.directory / TOPICS))

    def flagged_topics(self) -> dict[int, str]:
        """Topic number → its guardrail flags in training (``flat; empty``…), for the
        flagged topics only: their shares mean as little on new text as on the training text."""
        topics = read_topic_table(self.directory / TOPICS)
        if "flags" not in topics:
            return {}
        return flagged_topics(topics)


def open_bundle(directory: str | Path, allow_other_version: bool = False) -> Bundle:
    """The bundle in ``directory`` after checking it: it exists, has every part and every
    file its manifest lists, unchanged (same SHA-256), in this bundle format, made by this
    topicpipe version (else ``BundleError``, unless ``allow_other_version``: then a warning).
    Other package versions give warnings only.
    """
    from topicpipe import __version__

    directory = Path(directory)
    if not directory.is_dir():
        raise BundleError(
            f"model bundle {str(directory)!r} does not exist; train a model first "
            "(snakemake --cores all builds results/model) or give the path of a copied "
            "results/model folder"
        )
    if not (directory / MANIFEST).is_file():
        raise BundleError(
            f"{str(directory)!r} is not a complete model bundle: it has no {MANIFEST}. A bundle "
            "is the whole results/model folder of a finished training run (snakemake --cores "
            "all); copy all of it"
        )
    manifest = read_json(directory / MANIFEST)
    if manifest.get("format") != BUNDLE_FORMAT:
        raise BundleError(
            f"model bundle {str(directory)!r} has format {manifest.get('format')!r}; topicpipe "
            f"{__version__} reads format {BUNDLE_FORMAT}. Use the topicpipe version that made "
            f"it ({manifest.get('topicpipe', 'unknown')}) or train the model again"
        )
    _check_files(directory, manifest)
    warnings = _version_warnings(manifest) + _inference_warnings(directory)
    if manifest["topicpipe"] != __version__:
        message = (
            f"model bundle {str(directory)!r} was made by topicpipe {manifest['topicpipe']}, "
            f"this is topicpipe {__version__}: new text may be cleaned or tokenised differently "
            "from the training text, so topic shares would not be comparable"
        )
        if not allow_other_version:
            raise BundleError(
                f"{message}. Use topicpipe {manifest['topicpipe']}, or train the model again "
                "with this version (snakemake --cores all --forceall), or allow it knowingly "
                "(--allow-other-version)"
            )
        warnings.insert(0, message)
    config = yaml.safe_load((directory / CONFIG).read_text(encoding="utf-8"))
    return Bundle(directory, manifest, config, warnings)


def _check_files(directory: Path, manifest: Mapping[str, Any]) -> None:
    listed = manifest.get("files", {})
    missing = [part for part in PARTS if not any(_within(name, part) for name in listed)]
    missing += [name for name in listed if not (directory / name).is_file()]
    if missing:
        raise BundleError(
            f"model bundle {str(directory)!r} is incomplete: missing {', '.join(missing)}. "
            "Copy the whole results/model folder of the training run"
        )
    changed = [
        name
        for name, entry in listed.items()
        if (directory / name).stat().st_size != entry["bytes"]
        or sha256_file(directory / name) != entry["sha256"]
    ]
    if changed:
        raise BundleError(
            f"model bundle {str(directory)!r} was changed after it was made (checksum differs): "
            f"{', '.join(changed)}. Copy the bundle again from the training run"
        )


def _within(name: str, part: str) -> bool:
    """Whether the bundle file ``name`` is the part ``part`` or lies in its folder."""
    return name == part or name.startswith(f"{part}/")


def _version_warnings(manifest: Mapping[str, Any]) -> list[str]:
    now = environment()
    warnings = []
    if manifest.get("python") != now["python"]:
        warnings.append(
            f"the bundle was made with Python {manifest.get('python')}, this is {now['python']}"
        )
    for package, version in sorted(manifest.get("packages", {}).items()):
        installed = now["packages"].get(package, "not installed")
        if installed != version:
            warnings.append(f"{package} {version} made the bundle, {installed} is installed")
    return warnings


def _inference_warnings(directory: Path) -> list[str]:
    """A warning when the bundle's tomotopy model was saved while its topic shares were still
    inferred by Gibbs sampling (its params hold ``infer_iterations``): new documents now get
    EM fold-in shares, which differ from its training run's ``doc_topics`` within sampling
    noise, so the two are no longer exactly comparable."""
    meta = read_json(directory / MODEL_DIR / "engine.json")
    if meta.get("engine") != "tomotopy" or "infer_iterations" not in meta.get("params", {}):
        return []
    return [
        f"the model in {str(directory)!r} was trained when tomotopy's topic shares were "
        "inferred by Gibbs sampling; they are now inferred by EM fold-in, so the shares of new "
        "documents differ from the training run's doc_topics (a mean of about 0.02 a share). "
        "Train the model again (snakemake --cores all --forceall) to compare them exactly"
    ]
