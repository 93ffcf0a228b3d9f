"""Tokenising throughput against a plain ``re.findall(r"\\w+")`` baseline, in one run.

Corpus: gensim's bundled Lee corpus (both files, repeated ``--repeat`` times), so no
download is needed. Each variant is timed ``--runs`` times, alternating, and the
median is reported; the ratio to the baseline from the same run is the figure of
merit (goal: the full stage at >= 25% of the baseline's speed). Single process,
i.e. per core.

    python benchmarks/bench_tokenise.py [--runs 5] [--repeat 4]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from topicpipe.tokenise import settings_from_config, tokenise_texts  # noqa: E402

README = Path(__file__).with_name("README.md")
WORD = re.compile(r"\w+")


def lee_texts() -> list[str]:
    from gensim.test.utils import datapath

    texts = []
    for name in ("lee_background.cor", "lee.cor"):
        with open(datapath(name), encoding="utf-8", errors="replace") as handle:
            texts.extend(line.strip() for line in handle if line.strip())
    return texts


def baseline(texts: list[str]) -> None:
    for text in texts:
        WORD.findall(text)


def full_stage(texts: list[str]) -> None:
    tokenise_texts(texts, settings_from_config())


def scan_only(texts: list[str]) -> None:
    scanner = settings_from_config().scanner()
    for text in texts:
        scanner(text)


def timed(function, texts: list[str]) -> float:
    start = time.perf_counter()
    function(texts)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=4, help="copies of the Lee corpus")
    args = parser.parse_args()
    texts = lee_texts() * args.repeat
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    variants = {
        're.findall(r"\\w+") (baseline)': baseline,
        "scan only (pass one: split, names, lemmas, stopwords)": scan_only,
        "full stage (both passes, names, phrases, lemmas)": full_stage,
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, function in variants.items():
            times[name].append(timed(function, texts))
    base = statistics.median(times[next(iter(variants))])
    lines = [
        f"Corpus: Lee corpus x{args.repeat} ({len(texts)} documents, {megabytes:.2f} MB); "
        f"median of {args.runs} runs, one core, Python {sys.version.split()[0]}.",
        "",
        "| variant | median s | MB/s | documents/s | speed vs baseline |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in variants:
        median = statistics.median(times[name])
        lines.append(
            f"| {name} | {median:.3f} | {megabytes / median:.2f} | {len(texts) / median:,.0f} "
            f"| {base / median:.1%} |"
        )
    table = "\n".join(lines)
    print(table)
    write_section(table)


def write_section(table: str) -> None:
    """Replace (or add) the ``## Tokenise`` section of benchmarks/README.md."""
    section = (
        "## Tokenise\n\n`python benchmarks/bench_tokenise.py` "
        "(goal: full stage at >= 25% of the baseline's speed)\n\n" + table + "\n"
    )
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(r"## Tokenise\n.*?(?=\n## |\Z)", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
