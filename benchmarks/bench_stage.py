"""Benchmark: one stage (ingest or corpus) of two versions of the package, side by side.

Runs the stage's own code in a fresh process per run, default config, on the same input:
``ingest`` calls ``ingest.stage.ingest_to_files`` on a corpus (a file or folder),
``corpus`` runs ``scripts/steps/corpus.py`` on a tokenise stage's folder (``tokens.jsonl``,
``steps.json``, e.g. ``results/tokens`` of a run) with a stand-in ``snakemake`` object. Runs
alternate between this checkout's ``scripts`` and ``--compare`` (the ``scripts`` folder of
another version, e.g. ``git archive <commit> scripts | tar -x -C /tmp/before``), so both see
the same load. Reports the median CPU seconds and peak resident memory (VmHWM) of the stage
(imports included), the ratios this / compare, and whether every output file is byte-identical
(logs aside). Prints a Markdown table.

    python benchmarks/bench_stage.py ingest /tmp/topicpipe-scale/news_10000.jsonl \\
        --compare /tmp/before/scripts [--repeats 3]
    python benchmarks/bench_stage.py corpus /tmp/topicpipe-scale/run_10000/results/tokens \\
        --compare /tmp/before/scripts
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: argv = stage, scripts folder, input, output folder, config.yaml.
CHILD = """
import dataclasses, json, logging, resource, runpy, sys, time
from pathlib import Path
from types import SimpleNamespace
stage, scripts, source, out, config_path = sys.argv[1:6]
sys.path.insert(0, scripts)
import yaml
config = yaml.safe_load(Path(config_path).read_text())
out = Path(out)
if stage == "ingest":
    from topicpipe.ingest import IngestOptions
    from topicpipe.ingest.stage import IngestPaths, ingest_to_files
    paths = IngestPaths(**{f.name: out / f.name for f in dataclasses.fields(IngestPaths)
                           if f.default is dataclasses.MISSING})
    log = logging.getLogger("bench")
    log.propagate = False
    ingest_to_files(Path(source), IngestOptions.from_config(config["ingest"]), paths, log,
                    paragraphs_below=config["adapt"]["paragraphs_below"])
else:
    names = ["dictionary", "corpus", "documents", "excluded", "vocabulary", "summary", "notes"]
    adapt = ("no_below", "no_below_share", "no_above", "few_documents")
    smk = SimpleNamespace(
        input=SimpleNamespace(tokens=f"{source}/tokens.jsonl", steps=f"{source}/steps.json"),
        output=SimpleNamespace(**{name: str(out / name) for name in names}),
        params=SimpleNamespace(options=config["dictionary"],
                               adapt={key: config["adapt"][key] for key in adapt}),
        log=[str(out / "stage.log")],
    )
    runpy.run_path(str(Path(scripts) / "steps" / "corpus.py"), init_globals={"snakemake": smk})
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = next(int(line.split()[1]) for line in open("/proc/self/status")
            if line.startswith("VmHWM:"))
print(json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": peak / 1024}))
"""


def run_once(stage: str, scripts: Path, source: Path, out: Path) -> dict[str, float]:
    """CPU seconds and peak MB of one run of ``stage`` with the package in ``scripts``."""
    out.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-c", CHILD, stage, str(scripts), str(source), str(out)]
    done = subprocess.run(
        [*command, str(ROOT / "config.yaml")], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{stage} with {scripts} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def checksums(folder: Path) -> dict[str, str]:
    """sha256 of every output file in ``folder`` except the log."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.endswith(".log")
    }


def compare(stage: str, source: Path, other: Path, repeats: int) -> dict[str, object]:
    """Median CPU and peak memory of both versions, and whether their outputs agree."""
    versions = {"this": ROOT / "scripts", "compare": other}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
    with tempfile.TemporaryDirectory(prefix=f"bench-{stage}-") as tmp:
        for _ in range(repeats):
            for name, scripts in versions.items():
                runs[name].append(run_once(stage, scripts, source, Path(tmp) / name))
        identical = checksums(Path(tmp) / "this") == checksums(Path(tmp) / "compare")
    median = {
        name: {key: statistics.median(run[key] for run in found) for key in ("cpu", "peak_mb")}
        for name, found in runs.items()
    }
    return {"median": median, "identical": identical}


def table(stage: str, source: Path, result: dict, repeats: int) -> str:
    """One Markdown row: input, compare, this, ratios, identical outputs."""
    this, before = result["median"]["this"], result["median"]["compare"]
    cpu, mem = this["cpu"] / before["cpu"], this["peak_mb"] / before["peak_mb"]
    same = "byte-identical outputs" if result["identical"] else "OUTPUTS DIFFER"
    return (
        "| stage | input | compare | this | ratio | result |\n|---|---|---|---|---|---|\n"
        f"| `{stage}` | {source.name}; {repeats} run{'s' * (repeats != 1)} each "
        f"| {before['cpu']:.1f} CPU s, "
        f"{before['peak_mb']:,.0f} MB | {this['cpu']:.1f} CPU s, {this['peak_mb']:,.0f} MB "
        f"| CPU {cpu:.2f}, RSS {mem:.2f} | {same} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stage", choices=["ingest", "corpus"])
    parser.add_argument("source", type=Path, help="corpus (ingest) or tokens folder (corpus)")
    parser.add_argument("--compare", type=Path, required=True, help="scripts folder to compare")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    result = compare(args.stage, args.source.resolve(), args.compare.resolve(), args.repeats)
    print(table(args.stage, args.source, result, args.repeats))
    if not result["identical"]:
        raise SystemExit("the outputs of the two versions differ")


if __name__ == "__main__":
    main()
