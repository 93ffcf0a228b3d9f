"""Tokenising throughput against a plain ``re.findall(r"\\w+")`` baseline, in one run.

Corpus: gensim's bundled Lee corpus (both files, repeated ``--repeat`` times), so no
download is needed. The full stage is what the Snakemake rules run with one shard, on
files in a temporary folder: read ``documents.jsonl``, scan, fit names and phrases,
save and load the model, apply it, merge (``topicpipe.tokenise.stage``). Each timing
runs in a fresh forked process, as each Snakemake job does, so no cache (classified
words, lemmas) carries over between runs; imports and simplemma's dictionary are
loaded before the fork and timed once, separately. Variants alternate, ``--runs``
times each; the median is reported, and its ratio to the baseline's median from the
same run is the figure of merit (goal: the full stage at >= 25% of the baseline's
speed). One process, i.e. per core.

    python benchmarks/bench_tokenise.py [--runs 5] [--repeat 4]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from readme_section import write_section  # noqa: E402

from topicpipe.jsonl import write_jsonl  # noqa: E402
from topicpipe.tokenise import Settings, load_tokeniser  # noqa: E402
from topicpipe.tokenise.stage import (  # noqa: E402
    apply_fitted,
    fit_shards,
    merge_steps,
    merge_tokens,
    phrase_rows,
    scan_shard,
)

WORD = re.compile(r"\w+")


def lee_texts() -> list[str]:
    from gensim.test.utils import datapath

    texts = []
    for name in ("lee_background.cor", "lee.cor"):
        with open(datapath(name), encoding="utf-8", errors="replace") as handle:
            texts.extend(line.strip() for line in handle if line.strip())
    return texts


def baseline(texts: list[str], folder: Path) -> None:
    for text in texts:
        WORD.findall(text)


def default_settings():
    """The tokenise settings of config.yaml (the project's defaults)."""
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    return Settings.from_config(config["tokenise"])


def scan_only(texts: list[str], folder: Path) -> None:
    settings = default_settings()
    scan_shard(folder / "documents.jsonl", 0, 1, settings.scanner(), folder / "0.scan.txt")


def full_stage(texts: list[str], folder: Path) -> None:
    """The four tokenise rules with one shard, as ``scripts/steps/tokenise_*.py`` run them."""
    settings = default_settings()
    scan = folder / "0.scan.txt"
    summary = scan_shard(folder / "documents.jsonl", 0, 1, settings.scanner(), scan)
    (folder / "0.counts.json").write_text(json.dumps(summary.to_dict(), sort_keys=True))
    fitted = fit_shards([scan], [summary], settings)
    fitted.save(folder / "model", settings.scanner())
    tokeniser = load_tokeniser(folder / "model")
    stats = apply_fitted(tokeniser.fitted, scan, folder / "0.tokens.jsonl")
    (folder / "0.stats.json").write_text(json.dumps(stats.to_dict(), sort_keys=True))
    merge_tokens([folder / "0.tokens.jsonl"], folder / "tokens.jsonl")
    merge_steps([folder / "0.counts.json"], [folder / "0.stats.json"])
    phrase_rows([stats.to_dict()], tokeniser.fitted)


def _child(function, texts: list[str], folder: str, pipe) -> None:
    start = time.perf_counter()
    function(texts, Path(folder))
    pipe.send(time.perf_counter() - start)


def timed(function, texts: list[str], folder: Path) -> float:
    """Seconds ``function`` takes in a freshly forked process."""
    fork = multiprocessing.get_context("fork")
    receive, send = fork.Pipe(duplex=False)
    process = fork.Process(target=_child, args=(function, texts, str(folder), send))
    process.start()
    seconds = receive.recv()
    process.join()
    return seconds


def load_dictionary() -> float:
    """Seconds to load simplemma's English dictionary (once per process)."""
    import simplemma

    start = time.perf_counter()
    simplemma.lemmatize("tokens", lang="en")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=4, help="copies of the Lee corpus")
    args = parser.parse_args()
    texts = lee_texts() * args.repeat
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    dictionary = load_dictionary()
    variants = {
        're.findall(r"\\w+") (baseline)': baseline,
        "scan only (pass one: split, names, lemmas, stopwords)": scan_only,
        "full stage (files in and out, both passes, names, phrases, lemmas)": full_stage,
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_jsonl(
            folder / "documents.jsonl",
            ({"id": f"doc{i}", "text": text} for i, text in enumerate(texts)),
        )
        for _ in range(args.runs):
            for name, function in variants.items():
                times[name].append(timed(function, texts, folder))
    base = statistics.median(times[next(iter(variants))])
    lines = [
        f"Corpus: Lee corpus x{args.repeat} ({len(texts)} documents, {megabytes:.2f} MB); "
        f"median of {args.runs} runs, each in a fresh process, one core, "
        f"Python {sys.version.split()[0]}. Not timed: simplemma's dictionary, loaded once per "
        f"process ({dictionary:.2f} s).",
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
    write_section(
        "## Tokenise",
        "`python benchmarks/bench_tokenise.py` "
        "(goal: full stage at >= 25% of the baseline's speed)\n\n" + table,
    )


if __name__ == "__main__":
    main()
