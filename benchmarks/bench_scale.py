"""Benchmark: the whole workflow on news-like corpora of 1k, 10k and 100k documents.

Each corpus is one JSON Lines file (id, title, text, date, source; about 250 words an
article) sampled offline from a known LDA model (``news_corpus.py``) and cached under
``--cache``. The workflow runs on a copy of the project with one K and one seed, as a
user would (``snakemake --cores 2`` with the workflow profile). Per rule: wall seconds
(Snakemake's benchmark files), CPU seconds (getrusage) and peak RSS (VmHWM) of each rule's
Python process (``rusage/sitecustomize.py``: exact, where Snakemake's sampler is not), summed
(wall, CPU) or maxed (RSS) over a rule's jobs; and the run end to end. Then both topic
engines side by side on one corpus's bag of words (``--engines``, ``--engine-size``):
training time and NPMI, as ratios tomotopy / gensim. Prints the tables and writes them to
the "## Scale" section of benchmarks/README.md.

    python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--cache /tmp/topicpipe-scale]
        [--config 'model={"tomotopy": {"workers": 2}}'] [--engines [--engine-size 1000]]
        [--reuse [--partial]] [--write]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from news_corpus import write_news_corpus  # noqa: E402
from readme_section import write_section  # noqa: E402

from workflow_runner import PROFILE, copy_workflow  # noqa: E402

SECTION = "## Scale"
# One K and one seed: the time a single model costs end to end; every other setting is
# the default (tables are streamed, so the 200 MB file needs no ingest setting).
ONE_MODEL = ['model={"k": [10], "seeds": [1]}']
TARGET_SECONDS = 600
TARGET_RSS_MB = 1024


def corpus_file(cache: Path, n_docs: int) -> Path:
    """The cached corpus of ``n_docs`` documents, written first when missing."""
    path = cache / f"news_{n_docs}.jsonl"
    if not path.exists():
        print(f"writing {path}", flush=True)
        write_news_corpus(path, n_docs)
    return path


def config_items(extra: list[str]) -> list[str]:
    """``ONE_MODEL`` with each ``key=value`` of ``extra`` added, replacing the same key (a
    second ``model=`` on Snakemake's command line would replace the first one whole)."""
    items = {item.split("=", 1)[0]: item for item in ONE_MODEL}
    items.update((item.split("=", 1)[0], item) for item in extra)
    return list(items.values())


def run_workflow(corpus: Path, workdir: Path, config: list[str], cores: int) -> float:
    """Run the workflow on ``corpus`` in a fresh copy under ``workdir``; return its wall time
    (also written to ``workdir``/wall_seconds.txt)."""
    if workdir.exists():
        subprocess.run(["rm", "-rf", str(workdir)], check=True)
    copy_workflow(workdir)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(HERE / "rusage"), os.environ.get("PYTHONPATH")])
        ),
        "TOPICPIPE_RUSAGE_LOG": str(workdir / "rusage.jsonl"),
    }
    command = [sys.executable, "-m", "snakemake", "--workflow-profile", PROFILE]
    command += ["--cores", str(cores), "--config", f"corpus={corpus}", *config_items(config)]
    started = time.perf_counter()
    with open(workdir / "snakemake.log", "w", encoding="utf-8") as log:
        done = subprocess.run(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=env)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"workflow failed on {corpus}: see {workdir / 'snakemake.log'}")
    (workdir / "wall_seconds.txt").write_text(f"{seconds}\n", encoding="utf-8")
    return seconds


def rule_of_script(script: str) -> str | None:
    """The rule script a Snakemake job ran (``tmpab12cd.train_model.py`` -> ``train_model``)."""
    parts = script.split(".")
    return parts[1] if len(parts) == 3 and parts[0].startswith("tmp") else None


def benchmark_walls(workdir: Path) -> dict[str, float]:
    """Wall seconds per rule from Snakemake's benchmark files (summed over a rule's jobs)."""
    walls: dict[str, float] = defaultdict(float)
    root = workdir / "results" / "benchmarks"
    for path in root.rglob("*.tsv"):
        relative = path.relative_to(root)
        rule = relative.parts[0] if len(relative.parts) > 1 else path.stem
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                walls[rule] += float(row["s"])
    return walls


def rule_table(workdir: Path) -> dict[str, dict[str, float]]:
    """Per rule: jobs, wall s, CPU s and peak RSS MB (see the module docstring)."""
    walls = benchmark_walls(workdir)
    rows: dict[str, dict[str, float]] = {}
    for line in (workdir / "rusage.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        rule = rule_of_script(record["script"])
        if rule is None:
            continue
        row = rows.setdefault(rule, {"jobs": 0, "wall": 0.0, "cpu": 0.0, "rss": 0.0})
        row["jobs"] += 1
        row["wall"] += record["wall"]
        row["cpu"] += record["cpu"]
        row["rss"] = max(row["rss"], record["max_rss_mb"])
    for rule, row in rows.items():
        # Snakemake's wall time covers the job, not only the script's process.
        row["wall"] = walls.get(rule, row["wall"])
    return rows


def machine() -> str:
    """Cores, memory, load and Python of this machine, in one line."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"{memory:.0f} GiB RAM, load average {load} at the end (shared with other jobs), "
        f"Python {platform.python_version()}"
    )


def scale_table(results: dict[int, tuple[float, dict[str, dict[str, float]]]]) -> str:
    """Markdown: one row per rule, a column group (wall, CPU, RSS) per corpus size."""
    sizes = sorted(results)
    rules = sorted(
        {rule for _, rows in results.values() for rule in rows},
        key=lambda rule: -results[sizes[-1]][1].get(rule, {"wall": 0})["wall"],
    )
    header = ["rule (jobs)"] + [
        f"{label} {size // 1000}k" for size in sizes for label in ("s", "CPU s", "MB")
    ]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for rule in rules:
        jobs = max(int(results[size][1].get(rule, {"jobs": 0})["jobs"]) for size in sizes)
        cells = [f"{rule} ({jobs})"]
        for size in sizes:
            row = results[size][1].get(rule)
            cells += (
                ["", "", ""]
                if row is None
                else [f"{row['wall']:.1f}", f"{row['cpu']:.1f}", f"{row['rss']:.0f}"]
            )
        lines.append("| " + " | ".join(cells) + " |")
    ends = ["**end to end**"]
    for size in sizes:
        seconds, rows = results[size]
        ends += [
            "unfinished" if math.isnan(seconds) else f"**{seconds:.0f}**",
            f"{sum(row['cpu'] for row in rows.values()):.0f}",
            f"{max(row['rss'] for row in rows.values()):.0f}",
        ]
    lines.append("| " + " | ".join(ends) + " |")
    return "\n".join(lines)


def verdicts(results: dict[int, tuple[float, dict[str, dict[str, float]]]]) -> list[str]:
    """The targets of issue 15 against the largest corpus measured."""
    largest = max(results)
    seconds, rows = results[largest]
    worst = max(rows, key=lambda rule: rows[rule]["rss"])
    word = {True: "met", False: "NOT met"}
    done = (
        f"{seconds:.0f} s (target < {TARGET_SECONDS} s: {word[seconds < TARGET_SECONDS]})"
        if not math.isnan(seconds)
        else f"unfinished when this was written (the {len(rows)} rules above had run)"
    )
    lines = [
        f"- {largest:,} documents end to end with one K: {done}",
        f"- largest peak RSS of a rule: {rows[worst]['rss']:.0f} MB ({worst}; target < "
        f"{TARGET_RSS_MB} MB: {word[rows[worst]['rss'] < TARGET_RSS_MB]})",
    ]
    if len(results) > 1:
        smallest = min(results)
        growth = []
        for rule in sorted(rows):
            if rule in results[smallest][1]:
                growth.append((rows[rule]["rss"] / results[smallest][1][rule]["rss"], rule))
        factor, rule = max(growth)
        lines.append(
            f"- memory growth {smallest:,} -> {largest:,} documents ({largest // smallest}x): "
            f"the largest ratio of a rule's peak RSS is {factor:.2f} ({rule})"
        )
    return lines


def engine_rows(workdir: Path, seeds: list[int]) -> list[dict[str, float]]:
    """Both engines, each with its default settings, on the bag of words the workflow built
    in ``workdir``: K=10 and each seed, training time (wall, CPU) and NPMI of the top terms
    (counted on the workflow's tokens, as its evaluation does)."""
    import bench_engines as engines
    from gensim.corpora import Dictionary, MmCorpus

    from topicpipe.jsonl import read_jsonl

    results = workdir / "results"
    dictionary = Dictionary.load(str(results / "corpus" / "dictionary.dict"))
    bows = [list(bow) for bow in MmCorpus(str(results / "corpus" / "corpus.mm"))]
    texts = [record["tokens"] for record in read_jsonl(results / "tokens" / "tokens.jsonl")]
    corpus = engines.Corpus("news", texts, dictionary, bows, bows, [10])
    fitted = {}
    for engine in ("gensim", "tomotopy"):
        fitted[engine] = []
        for seed in seeds:
            params = {**engines.CONFIG["model"][engine], "engine": engine, "num_topics": 10}
            params["random_state"] = seed
            wall, cpu = time.perf_counter(), time.process_time()
            model = engines.get_engine(engine).train(bows, len(dictionary), params)
            timing = engines.Timing(time.perf_counter() - wall, time.process_time() - cpu)
            phi, theta = model.topic_term_matrix(), model.doc_topic_matrix(bows)
            fitted[engine].append(
                (timing, engines.FittedModel(f"k10_seed{seed}", 10, seed, phi, theta))
            )
            print(f"  {engine} seed {seed}: {timing.wall:.1f} s", flush=True)
    rows, _ = engines.score(corpus, fitted)
    return [
        {"engine": row.engine, "wall": row.seconds, "cpu": row.cpu, "npmi": row.npmi}
        for row in rows.itertuples()
    ]


def engine_table(rows: list[dict[str, float]]) -> str:
    """Markdown: medians over seeds per engine, and the ratios tomotopy / gensim."""
    median = {
        engine: {
            key: statistics.median(r[key] for r in rows if r["engine"] == engine)
            for key in ("wall", "cpu", "npmi")
        }
        for engine in ("gensim", "tomotopy")
    }
    lines = ["| engine | s | CPU s | NPMI |", "|---|---:|---:|---:|"]
    for engine, values in median.items():
        lines.append(
            f"| {engine} | {values['wall']:.1f} | {values['cpu']:.1f} | {values['npmi']:.3f} |"
        )
    ratio = {key: median["tomotopy"][key] / median["gensim"][key] for key in ("wall", "cpu")}
    lines.append(
        f"| tomotopy / gensim | {ratio['wall']:.2f} | {ratio['cpu']:.2f} | "
        f"{median['tomotopy']['npmi'] - median['gensim']['npmi']:+.3f} (difference) |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/topicpipe-scale"))
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--config", nargs="*", default=[], help="more snakemake --config")
    parser.add_argument("--engines", action="store_true", help="also both engines on one size")
    parser.add_argument("--engine-size", type=int, default=1000, help="the corpus they run on")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--write", action="store_true", help="write benchmarks/README.md")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="read finished runs (and engine timings) of the same size from --cache",
    )
    parser.add_argument(
        "--partial", action="store_true", help="with --reuse: a run still going, as it stands"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in args.sizes:
        corpus = corpus_file(args.cache, size)
        workdir = args.cache / f"run_{size}"
        print(f"{size:,} documents ({corpus.stat().st_size / 1e6:.0f} MB)", flush=True)
        finished = workdir / "wall_seconds.txt"
        if args.reuse and finished.exists():
            seconds = float(finished.read_text(encoding="utf-8"))
        elif args.partial and (workdir / "rusage.jsonl").exists():
            seconds = math.nan
        else:
            seconds = run_workflow(corpus, workdir, args.config, args.cores)
        results[size] = (seconds, rule_table(workdir))
        print(f"  end to end {seconds:.0f} s", flush=True)
    table = scale_table(results)
    lines = verdicts(results)
    print(table, *lines, sep="\n")
    engines = ""
    if args.engines:
        size = args.engine_size
        cached = args.cache / f"engines_{size}.json"
        if args.reuse and cached.exists():
            rows = json.loads(cached.read_text(encoding="utf-8"))
        else:
            rows = engine_rows(args.cache / f"run_{size}", args.seeds)
            cached.write_text(json.dumps(rows), encoding="utf-8")
        engines = (
            f"\n\nBoth engines on the {size:,}-document corpus's bag of words (the workflow's "
            f"dictionary and corpus), K=10, default settings of each, medians over seeds "
            f"{args.seeds}; training only, one process, the NPMI of the top "
            f"terms on the workflow's tokens.\n\n{engine_table(rows)}"
        )
        print(engines)
    if args.write:
        sizes = ", ".join(f"{size:,}" for size in sorted(results))
        config = " ".join(f"'{item}'" for item in config_items(args.config))
        body = (
            f"`python benchmarks/bench_scale.py --sizes {' '.join(map(str, args.sizes))}"
            f"{f' --engines --engine-size {args.engine_size}' if args.engines else ''}` - the "
            f"whole workflow on {sizes} "
            f"news-like documents (one JSON Lines file each, about 250 words an article, "
            f"sampled offline from a known LDA model, `benchmarks/news_corpus.py`), "
            f"`snakemake --cores {args.cores}` with `--config {config}`. Machine: {machine()}."
            f"\n\nPer rule, summed over its jobs: s = wall seconds (Snakemake's benchmark "
            f"file), CPU s and MB = peak RSS of the rule's process (getrusage and the memory "
            f"high-water mark VmHWM). End to end: "
            f"the snakemake command's wall time, the rules' CPU summed, the largest peak RSS. "
            f"Wall time depends on what else runs on the machine; CPU time and memory do not."
            f"\n\n{table}\n\n" + "\n".join(lines) + engines
        )
        write_section(SECTION, body)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
