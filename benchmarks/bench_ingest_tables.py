"""Benchmark: ingest of one JSON Lines table of news-like articles, 10k and 100k rows.

Writes a JSON Lines file of made-up news articles (about 250 words each, sentences
resampled from the Lee corpus that gensim ships, so the text has real names and
punctuation; id, title, date, source and section in columns; 1% re-posts of an earlier
article on its day), then runs the whole ingest stage (``ingest.stage.ingest_to_files``,
default config) on it in a fresh process and records its wall time and peak resident
memory (``VmHWM``). The baseline, measured in the same session, is a process that imports
the ingest stage (its modules' memory is the floor) and only reads the file line by line
and parses each line as JSON. With ``--compare DIR`` the same runs are made with the
package in ``DIR`` (the ``scripts`` folder of another version, e.g. the branch point), so
before and after are measured side by side. Prints a table and writes it to the
"## Ingest: one large table" section of benchmarks/README.md.

    python benchmarks/bench_ingest_tables.py [--rows 10000 100000] [--repeats 3]
        [--compare /tmp/base/scripts --compare-label "before (main)"]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ingest import write_section  # noqa: E402

OUTLETS = [
    f"Outlet {name}"
    for name in ["Alpha", "Bravo", "Coral", "Delta", "Ember", "Fjord", "Garnet", "Harbor"]
]

# Runs in the child process: the package folder is argv[1], then corpus, output folder,
# and a JSON object of config overrides. The file names of IngestPaths are taken from
# its fields so that any version of the stage can be run.
CHILD = """
import dataclasses, json, logging, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import yaml
from topicpipe.ingest import IngestOptions
from topicpipe.ingest.stage import IngestPaths, ingest_to_files
config = yaml.safe_load(Path(sys.argv[5]).read_text())["ingest"]
for key, value in json.loads(sys.argv[4]).items():
    if isinstance(value, dict):
        config[key].update(value)
    else:
        config[key] = value
out = Path(sys.argv[3])
paths = IngestPaths(**{f.name: out / f.name for f in dataclasses.fields(IngestPaths)
                       if f.default is dataclasses.MISSING})
summary = ingest_to_files(Path(sys.argv[2]), IngestOptions.from_config(config), paths,
                          logging.getLogger("bench"))
print(summary["articles"]["kept"])
print(PEAK())
"""

# The child's own peak resident set (VmHWM, in kB), which exec resets.
PEAK = """
def PEAK():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
"""
CHILD = PEAK + CHILD

BASELINE = (
    PEAK
    + """
import json, sys
sys.path.insert(0, sys.argv[2])
import topicpipe.ingest.stage
count = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        count += len(json.loads(line)["text"])
print(count)
print(PEAK())
"""
)


def lee_sentences() -> list[str]:
    """Sentences of the Lee background corpus (shipped with gensim).

    Found without importing gensim, which this process does not need.
    """
    package = Path(importlib.util.find_spec("gensim").origin).parent
    text = (package / "test" / "test_data" / "lee_background.cor").read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 5]


def write_table(path: Path, rows: int, seed: int = 11) -> int:
    """Write ``rows`` articles as JSON Lines; return the file size in bytes."""
    rng = random.Random(seed)
    sentences = lee_sentences()
    originals: list[tuple[str, str]] = []
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(rows):
            day = f"{rng.randint(2015, 2022)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if originals and rng.random() < 0.01:
                # A re-post the same day: the story again with one more sentence.
                body, day = rng.choice(originals)
                body += " " + rng.choice(sentences)
            else:
                picked, words = [], 0
                while words < 230:
                    sentence = rng.choice(sentences)
                    picked.append(sentence)
                    words += len(sentence.split())
                paragraphs = [" ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)]
                body = "\n\n".join(paragraphs)
                if len(originals) < 2000:
                    originals.append((body, day))
            record = {
                "id": f"wire-{number:06d}",
                "title": " ".join(rng.choice(sentences).split()[:9]).rstrip(".,"),
                "date": day,
                "source": rng.choice(OUTLETS),
                "section": rng.choice(["world", "politics", "business"]),
                "text": body,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def measured(command: list[str]) -> tuple[float, float, str]:
    """Run ``command``; return its wall seconds, its peak RSS in MB (the last line it
    prints) and the line before (its result)."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed:\n{result.stderr[-2000:]}")
    *_, output, peak = result.stdout.split()
    return wall, int(peak) / 1024, output


def run_ingest(package: Path, table: Path, overrides: dict, tmp: Path) -> tuple[float, float, str]:
    out = Path(tempfile.mkdtemp(dir=tmp))
    command = [sys.executable, "-c", CHILD, str(package), str(table), str(out)]
    command += [json.dumps(overrides), str(ROOT / "config.yaml")]
    return measured(command)


def median_runs(function, repeats: int) -> tuple[float, float, str]:
    runs = [function() for _ in range(repeats)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        runs[-1][2],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="scripts folder of another version")
    parser.add_argument("--compare-label", default="before")
    parser.add_argument(
        "--compare-max-bytes",
        type=int,
        default=10**9,
        help="ingest.max_bytes for the compared version (older versions cap the whole table)",
    )
    parser.add_argument("--no-readme", action="store_true", help="only print the table")
    args = parser.parse_args()
    versions = [
        ("this branch", ROOT / "scripts", {}),
        (
            "this branch, duplicates.detect: false",
            ROOT / "scripts",
            {"duplicates": {"detect": False}},
        ),
    ]
    if args.compare:
        versions.insert(
            0, (args.compare_label, args.compare, {"max_bytes": args.compare_max_bytes})
        )
    lines = [
        "| rows | size | version | wall s | peak RSS MB | wall / base | RSS / base | kept |",
        "|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for rows in args.rows:
            table = tmp / f"wire_{rows}.jsonl"
            size = write_table(table, rows)
            base_wall, base_rss, _ = median_runs(
                lambda t=table: measured(
                    [sys.executable, "-c", BASELINE, str(t), str(ROOT / "scripts")]
                ),
                args.repeats,
            )
            lines.append(
                f"| {rows:,} | {size / 1e6:.0f} MB | baseline: imports, read + json.loads | "
                f"{base_wall:.1f} | {base_rss:.0f} | 1.00 | 1.00 | |"
            )
            for label, package, overrides in versions:
                wall, rss, kept = median_runs(
                    lambda p=package, o=overrides, t=table: run_ingest(p, t, o, tmp), args.repeats
                )
                lines.append(
                    f"| {rows:,} | {size / 1e6:.0f} MB | {label} | {wall:.1f} | {rss:.0f} | "
                    f"{wall / base_wall:.1f} | {rss / base_rss:.1f} | {int(kept):,} |"
                )
                print(lines[-1], flush=True)
            table.unlink()
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_readme:
        section = (
            "## Ingest: one large table\n\n"
            "`python benchmarks/bench_ingest_tables.py` - one JSON Lines file of news-like "
            "articles (about 250 words, sentences resampled from gensim's Lee corpus; id, title, "
            "date, source and section in columns; 1% re-posts), the whole ingest stage with the "
            f"default config in a fresh process, median of {args.repeats} runs "
            f"(Python {sys.version.split()[0]}, {os.cpu_count()} cores, shared machine). "
            "Peak RSS is the process's maximum resident set (`VmHWM`). The baseline imports the "
            "ingest stage, reads the file line by line and parses each line as JSON, in the same "
            "session.\n\n"
            f"{text}"
        )
        write_section(ROOT / "benchmarks" / "README.md", section, "## Ingest: one large table")


if __name__ == "__main__":
    main()
