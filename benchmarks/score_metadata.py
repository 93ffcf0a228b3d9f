"""Score ingest's reading of real-world article layouts: title, date, source, author,
boilerplate removed and body kept, per field, on the hand-written fixture set in
``tests/data/outlets`` (see its README and ``expected.yaml``).

Runs ingest with the default config on that folder, compares every article with its
expected values and prints a table of per-field accuracy; with ``--write`` the table also
goes into the "## Metadata and boilerplate" section of benchmarks/README.md. With
``--details`` every miss is listed.

    python benchmarks/score_metadata.py [--write] [--details]
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "outlets"
# The package, and this folder (the tests import this file by its path).
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "benchmarks")]

from readme_section import write_section  # noqa: E402

from topicpipe.ingest import Ingest, IngestOptions  # noqa: E402
from topicpipe.ingest.normalise import normalise_text  # noqa: E402

FIELDS = ("title", "date", "source", "author", "boilerplate removed", "body kept")
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b)\s*", re.IGNORECASE)


@dataclass
class Score:
    """Checks passed and made per field, and a note for each miss."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, where: str, got: Any = None, want: Any = None) -> None:
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.misses.append(f"{where}: {name}: got {got!r}, want {want!r}")

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 1.0


def _names(value: str) -> set[str]:
    return {part.casefold() for part in _NAME_SPLIT.split(normalise_text(value)) if part.strip()}


def _line(value: str) -> str:
    return normalise_text(value).strip()


def read_fixtures(folder: Path = FIXTURES) -> tuple[list[dict[str, Any]], dict[str, dict]]:
    """The expectations and what ingest (default config) makes of each article, by file."""
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))["ingest"]
    config = {**config, "source_from_folder": False}
    quiet = logging.getLogger("score_metadata")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False  # the folder's README and expectations are "skipped" files
    run = Ingest(folder, IngestOptions.from_config(config), log=quiet)
    records = {Path(r["source_path"]).name: r for r in run.documents()}
    return expected, records


def score(expected: list[dict[str, Any]], records: dict[str, dict], title_words: int) -> Score:
    """Compare each article's record with its expectations (see ``expected.yaml``)."""
    result = Score()
    for want in expected:
        name = want["file"]
        got = records.get(name, {})
        title = want["title"]
        if title is None:  # no title line: the first words of the story
            title = " ".join(_line(want["keep"][0]).split()[:title_words])
        result.check(
            "title", _line(got.get("title", "")) == _line(title), name, got.get("title"), title
        )
        result.check(
            "date", got.get("date", "") == want["date"], name, got.get("date"), want["date"]
        )
        sources = want["source"] if isinstance(want["source"], list) else [want["source"]]
        source = _line(got.get("source", "")).casefold()
        result.check(
            "source",
            source in {_line(s).casefold() for s in sources},
            name,
            got.get("source"),
            sources,
        )
        result.check(
            "author",
            _names(got.get("author", "")) == _names(want["author"]),
            name,
            got.get("author"),
            want["author"],
        )
        lines = [line.strip() for line in got.get("text", "").split("\n")]
        line_set = set(lines)
        for line in want["remove"]:
            result.check("boilerplate removed", _line(line) not in line_set, name, line, "removed")
        if want.get("dateline"):
            prefix = _line(want["dateline"])
            result.check(
                "boilerplate removed",
                not any(line.startswith(prefix) for line in lines),
                name,
                prefix,
                "dateline removed",
            )
        for line in want["keep"]:
            result.check("body kept", _line(line) in line_set, name, line, "kept")
    return result


def table(result: Score, n_articles: int, n_outlets: int) -> str:
    """Markdown table of per-field accuracy."""
    rows = [
        f"Fixture set: {n_articles} invented articles in the layouts of {n_outlets} outlets "
        "(`tests/data/outlets`), read with the default config.",
        "",
        "| field | right | checks | accuracy |",
        "|---|---:|---:|---:|",
    ]
    for name in FIELDS:
        rows.append(
            f"| {name} | {result.right[name]} | {result.total[name]} | "
            f"{100 * result.accuracy(name):.1f}% |"
        )
    overall = sum(result.right.values()) / sum(result.total.values())
    rows.append(
        f"| all checks | {sum(result.right.values())} | {sum(result.total.values())} | "
        f"{100 * overall:.1f}% |"
    )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the table to the README")
    parser.add_argument("--details", action="store_true", help="list every miss")
    args = parser.parse_args()
    expected, records = read_fixtures()
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    result = score(expected, records, config["ingest"]["layout"]["title_words"])
    text = table(result, len(expected), len({e["outlet"] for e in expected}))
    print(text)
    if args.details:
        print("\n".join(["", *result.misses]))
    if args.write:
        write_section(
            "## Metadata and boilerplate",
            f"`python benchmarks/score_metadata.py --write`\n\n{text}",
        )


if __name__ == "__main__":
    main()
