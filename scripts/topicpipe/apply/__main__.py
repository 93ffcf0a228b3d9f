"""Apply a model bundle to new documents outside Snakemake.

    PYTHONPATH=scripts python -m topicpipe.apply results/model path/to/new results/apply/new

BUNDLE is a ``results/model`` folder (or a copy of it), INPUT a folder of text files or a
table file, OUTPUT the folder for the tables (created). The steps and files are those of
``snakemake apply`` (``topicpipe.apply.stage``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from topicpipe.apply.bundle import BundleError, open_bundle
from topicpipe.apply.request import ApplyError, new_corpus
from topicpipe.apply.stage import ApplyPaths, apply_bundle
from topicpipe.ingest.metadata import MetadataError
from topicpipe.logsetup import get_logger, stop_on

FORMATS = ["auto", "folder", "lines", "csv", "tsv", "jsonl"]


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m topicpipe.apply``."""
    commands = argparse.ArgumentParser(
        prog="python -m topicpipe.apply",
        description="Infer the topic shares of new documents with a trained topicpipe model, "
        "cleaned and tokenised exactly as its training documents were.",
    )
    commands.add_argument("bundle", help="the model bundle: a results/model folder or a copy")
    commands.add_argument("input", help="the new documents: a folder or a table file")
    commands.add_argument("output", help="folder for the tables (created if missing)")
    commands.add_argument("--format", choices=FORMATS, help="how to read INPUT (ingest.format)")
    commands.add_argument("--glob", help="which files of a folder are read (ingest.glob)")
    commands.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=NAME",
        help="the table column of a field, e.g. --column text=body (ingest.columns)",
    )
    commands.add_argument("--metadata", help="a sidecar CSV for the new documents")
    commands.add_argument(
        "--allow-other-version",
        action="store_true",
        help="apply a bundle made by another topicpipe version (recorded as a warning)",
    )
    return commands


def reading_options(args: argparse.Namespace) -> dict[str, Any]:
    """The input settings given on the command line (``request.input_settings``)."""
    reading: dict[str, Any] = {
        key: getattr(args, key) for key in ("format", "glob", "metadata") if getattr(args, key)
    }
    columns = {}
    for spec in args.column:
        field, sep, name = spec.partition("=")
        if not sep or not field or not name:
            raise ApplyError(f"--column {spec!r}: write FIELD=NAME, e.g. --column text=body")
        columns[field] = name
    if columns:
        reading["columns"] = columns
    return reading


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; a problem the user can fix stops it with ``apply: <message>``."""
    args = parser().parse_args(argv)
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    log = get_logger("apply", str(output / "apply.log"))
    with stop_on(BundleError, ApplyError, MetadataError, stage="apply", log=log):
        bundle = open_bundle(args.bundle, args.allow_other_version)
        corpus = new_corpus(args.input, "INPUT")
        apply_bundle(bundle, corpus, reading_options(args), ApplyPaths.under(output), log)


if __name__ == "__main__":
    main()
