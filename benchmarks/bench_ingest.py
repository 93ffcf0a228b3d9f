"""Benchmark: ingest of 10,000 news-sized synthetic articles on one core.

Writes a folder of made-up articles (title, byline, timestamp, repeated title,
dateline, four to eight paragraphs, a footer with share counters and a "Related
News:" list; 2% are re-posts of another article), then times the whole ingest stage
(decode, normalise, clean, extract metadata, de-duplicate, write documents.jsonl)
against a baseline that only reads and UTF-8-decodes the same files. Prints a table
and writes it to the "## Ingest" section of benchmarks/README.md.

    python benchmarks/bench_ingest.py [--docs 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from readme_section import write_section  # noqa: E402

from topicpipe.ingest import Ingest, IngestOptions  # noqa: E402
from topicpipe.jsonl import write_jsonl  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "ne", "dri", "pa", "gol", "ish", "an", "te"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def write_corpus(folder: Path, n_docs: int, seed: int = 7) -> int:
    """Write ``n_docs`` articles into ``folder``/<outlet>/; return their total size in bytes."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(20000)]
    outlets = [f"outlet{i}" for i in range(10)]
    for outlet in outlets:
        (folder / outlet).mkdir(parents=True, exist_ok=True)
    total, bodies = 0, []

    def sentence() -> str:
        return " ".join(rng.choices(vocabulary, k=rng.randint(8, 25))).capitalize() + "."

    for number in range(n_docs):
        title = " ".join(rng.choices(vocabulary, k=rng.randint(5, 11))).title()
        if bodies and rng.random() < 0.02:
            body = rng.choice(bodies)
        else:
            body = "\n\n".join(
                " ".join(sentence() for _ in range(rng.randint(2, 5)))
                for _ in range(rng.randint(4, 8))
            )
            bodies.append(body)
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2022)}"
        text = (
            f"{title}\n\nBy Outlet {number % 10}\n{date}, {rng.randint(0, 23)}:15 GMT\n{title}\n\n"
            f"CITY (AGENCY)- {date} - {body}\n\n{rng.randint(10, 9999)} views\nShare this article\n"
            "Related News:\n"
            + "\n".join(" ".join(rng.choices(vocabulary, k=7)) for _ in range(3))
            + f"\n\u00a9 {date[-4:]} Outlet. All rights reserved.\n"
        )
        data = text.encode("utf-8")
        (folder / outlets[number % 10] / f"{number:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def baseline(folder: Path) -> int:
    """Only read and decode every file: the floor any ingest must pay."""
    count = 0
    for path in sorted(folder.rglob("*.txt")):
        count += len(path.read_bytes().decode("utf-8"))
    return count


def ingest(folder: Path, out: Path) -> dict:
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))["ingest"]
    run = Ingest(folder, IngestOptions.from_config(config))
    write_jsonl(out, run.documents())
    return run.counts.as_dict()


def timed(function, *args, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-readme", action="store_true", help="only print the table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        size = write_corpus(folder, args.docs)
        base, _ = timed(baseline, folder, repeats=args.repeats)
        full, summary = timed(ingest, folder, Path(tmp) / "documents.jsonl", repeats=args.repeats)
    kept = summary["articles"]["kept"]
    dups = summary["duplicates_removed"]
    rows = [
        (
            "articles written",
            f"{args.docs:,} ({size / 1e6:.1f} MB, {size / args.docs / 1e3:.1f} kB each)",
        ),
        ("read + decode only (baseline)", f"{base:.2f} s"),
        ("full ingest (median)", f"{full:.2f} s ({args.docs / full:,.0f} articles/s)"),
        ("ratio full / baseline", f"{full / base:.1f}"),
        ("articles kept", f"{kept:,} (dated {summary['articles']['dated']:,})"),
        ("duplicates removed", f"{dups['exact']:,} exact, {dups['near']:,} near"),
        ("boilerplate removed", f"{summary['boilerplate']['share_of_chars']:.1%} of characters"),
        ("goal", "10,000 articles under 30 s on one core"),
    ]
    table = "| measure | value |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)
    print(table)
    if not args.no_readme:
        body = (
            "`python benchmarks/bench_ingest.py` - synthetic news-sized articles with header and "
            f"footer boilerplate, one core, median of {args.repeats} runs "
            f"(Python {sys.version.split()[0]}).\n\n{table}"
        )
        write_section("## Ingest", body)


if __name__ == "__main__":
    main()
