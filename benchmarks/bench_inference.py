"""Benchmark: topic-share inference of a trained model, this version against another.

On a finished run's folder (``results/`` with ``corpus/`` and ``models/<model>/model``), each
version infers the shares of every document the way ``train_model`` does (``load_model`` of
the saved model, then ``infer`` of the whole corpus, read from ``corpus.mm``), and scores
held-out document completion on all held-out documents (``ConvergenceHook.final``, the code
of ``fit.json``'s ``heldout_loglik``). Each run is a fresh process with one version's
``scripts`` folder on ``sys.path`` (the other, e.g. ``git archive <commit> scripts | tar -x -C
/tmp/before``); runs alternate so both see the same load. Prints a Markdown table: median CPU
seconds and peak RSS (VmHWM) of the inference (the corpus read included), the ratios, how far
the two versions' shares are apart (mean absolute difference, share of documents with the
same dominant topic) and each version's held-out log-likelihood per word.

    python benchmarks/bench_inference.py /tmp/scale2/run_10000/results \\
        --compare /tmp/before/scripts [--model k10_seed1] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: argv = scripts folder, results folder, model name, output .npy.
CHILD = """
import json, logging, resource, sys, time
scripts, results, name, out = sys.argv[1:5]
sys.path.insert(0, scripts)
import numpy as np
from gensim.corpora import MmCorpus
from topicpipe.engines import load_model
from topicpipe.engines.training import ConvergenceHook, Rows
from topicpipe.evaluate.heldout import heldout_rows
from topicpipe.files import read_table
model = load_model(f"{results}/models/{name}/model")
corpus = MmCorpus(f"{results}/corpus/corpus.mm")
started = time.process_time()
np.save(out, model.infer(corpus))
cpu = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
split = f"{results}/evaluation/heldout_split.csv"
heldout = heldout_rows(read_table(split), len(corpus), split)
hook = ConvergenceHook(Rows(corpus, heldout), 0, logging.getLogger("bench"), cap=len(corpus))
score = hook.final(model)
print(json.dumps({"cpu": cpu, "peak_mb": peak, "heldout": score.per_word if score else None}))
"""


def run_once(scripts: Path, results: Path, model: str, out: Path) -> dict[str, float]:
    """CPU seconds and peak MB of inferring every document, and the held-out score."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(scripts), str(results), model, str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(results: Path, model: str, other: Path, repeats: int) -> dict[str, object]:
    """Medians of both versions' runs and how far their shares are apart."""
    runs: dict[str, list[dict[str, float]]] = {"this": [], "compare": []}
    with tempfile.TemporaryDirectory() as tmp:
        shares = {}
        for _ in range(repeats):
            for key, scripts in (("compare", other), ("this", ROOT / "scripts")):
                out = Path(tmp) / f"{key}.npy"
                runs[key].append(run_once(scripts, results, model, out))
                shares[key] = np.load(out)
    medians = {
        key: {field: statistics.median(run[field] for run in rows) for field in ("cpu", "peak_mb")}
        | {"heldout": rows[0]["heldout"]}
        for key, rows in runs.items()
    }
    this, before = shares["this"], shares["compare"]
    return {
        **medians,
        "mean_abs_diff": float(np.abs(this - before).mean()),
        "same_dominant": float(np.mean(this.argmax(axis=1) == before.argmax(axis=1))),
        "documents": len(this),
    }


def table(results: Path, model: str, result: dict, repeats: int) -> str:
    """A Markdown table: one row per version, then how far apart they are."""
    lines = [
        f"Inference of every document's shares, {result['documents']:,} documents, "
        f"{results} model {model}; medians of {repeats} runs each",
        "",
        "| version | CPU s | peak RSS MB | held-out log-likelihood per word |",
        "|---|---:|---:|---:|",
    ]
    for key in ("compare", "this"):
        row = result[key]
        heldout = "" if row["heldout"] is None else f"{row['heldout']:.4f}"
        lines.append(f"| {key} | {row['cpu']:.1f} | {row['peak_mb']:.0f} | {heldout} |")
    lines += [
        "",
        f"CPU ratio this / compare {result['this']['cpu'] / result['compare']['cpu']:.3f}, "
        f"RSS ratio {result['this']['peak_mb'] / result['compare']['peak_mb']:.2f}; shares: mean "
        f"absolute difference {result['mean_abs_diff']:.4f}, same dominant topic "
        f"{result['same_dominant']:.1%}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a finished run's results/ folder")
    parser.add_argument("--compare", type=Path, required=True, help="another version's scripts/")
    parser.add_argument("--model", default="k10_seed1", help="model folder under models/")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    result = compare(args.results, args.model, args.compare, args.repeats)
    print(table(args.results, args.model, result, args.repeats))


if __name__ == "__main__":
    main()
