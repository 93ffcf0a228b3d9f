"""Our LDA engine against tomotopy's LDA: training time and coherence on the same bag of words.

Both libraries train K-topic models on the same documents (the Lee corpus that ships
with gensim, or the tokens of a workflow run), with seeds 1..R; each model's topics
are scored with our NPMI and c_v from the same co-occurrence counts. The table gives
medians over seeds and the ratios ours / tomotopy. gensim's ``LdaModel`` runs on one
core; tomotopy is run with one worker (same resources) and with all cores.

tomotopy is not a dependency of topicpipe: install it only to run this benchmark
(``pip install tomotopy``). Without it the script says so and exits.

    python benchmarks/bench_tomotopy.py [--tokens results/tokens/tokens.jsonl] [--k 10 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import yaml
from gensim.corpora import Dictionary
from gensim.parsing.preprocessing import STOPWORDS
from gensim.utils import simple_preprocess

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from topicpipe.engines import get_engine  # noqa: E402
from topicpipe.engines.sweep import engine_params, training_options  # noqa: E402
from topicpipe.evaluate import coherence  # noqa: E402
from topicpipe.evaluate.scoring import reference_counts, top_term_ids  # noqa: E402
from topicpipe.jsonl import read_jsonl  # noqa: E402

SECTION = "## LDA engine vs tomotopy"
SETTINGS = {"top_n": 10, "npmi_window": 10, "cv_window": 110, "window_counting": "gensim"}


def lee_texts() -> list[list[str]]:
    """The Lee corpus, tokenised simply (lower case, no stopwords, 3+ letters)."""
    import gensim

    path = Path(gensim.__file__).parent / "test" / "test_data" / "lee_background.cor"
    lines = path.read_text(encoding="latin-1").splitlines()
    return [[w for w in simple_preprocess(line, min_len=3) if w not in STOPWORDS] for line in lines]


def bag_of_words(texts: list[list[str]]) -> tuple[Dictionary, list[list[tuple[int, int]]]]:
    dictionary = Dictionary(texts)
    dictionary.filter_extremes(no_below=5, no_above=0.5)
    bows = [dictionary.doc2bow(t) for t in texts]
    return dictionary, [b for b in bows if b]


def train_ours(bows, num_terms, k, seed, passes):
    """Our engine with the model options of config.yaml, but ``passes``."""
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))["model"]
    params = engine_params(training_options({**config, "passes": passes}), k, seed)
    return get_engine("gensim").train(bows, num_terms, params).topic_term_matrix()


def train_tomotopy(tp, bows, dictionary, k, seed, iterations, workers):
    model = tp.LDAModel(k=k, seed=seed)
    for bow in bows:
        model.add_doc([dictionary[i] for i, count in bow for _ in range(int(count))])
    with warnings.catch_warnings():
        # tomotopy warns that results vary with several workers; timing is what we compare.
        warnings.simplefilter("ignore", RuntimeWarning)
        model.train(iterations, workers=workers)
    phi = np.zeros((k, len(dictionary)))
    columns = [dictionary.token2id[w] for w in model.used_vocabs]
    for topic in range(k):
        phi[topic, columns] = model.get_topic_word_dist(topic)
    return phi


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def run(args, tp) -> list[dict]:
    texts = [r["tokens"] for r in read_jsonl(args.tokens)] if args.tokens else lee_texts()
    dictionary, bows = bag_of_words(texts)
    n_tokens = sum(c for b in bows for _, c in b)
    print(f"{len(bows)} documents, {len(dictionary)} terms, {n_tokens} tokens")
    cores = os.cpu_count() or 1
    engines = {
        "ours (gensim LdaModel, 1 core)": lambda k, s: train_ours(
            bows, len(dictionary), k, s, args.passes
        ),
        "tomotopy LDA, 1 worker": lambda k, s: train_tomotopy(
            tp, bows, dictionary, k, s, args.iterations, 1
        ),
        f"tomotopy LDA, {cores} workers": lambda k, s: train_tomotopy(
            tp, bows, dictionary, k, s, args.iterations, cores
        ),
    }
    rows = []
    for k in args.k:
        fitted = {
            name: [timed(train, k, seed) for seed in args.seeds] for name, train in engines.items()
        }
        words = {
            int(w)
            for runs in fitted.values()
            for _, phi in runs
            for w in top_term_ids(phi, 10).ravel()
        }
        counts = reference_counts(lambda: texts, lambda: bows, dictionary.token2id, words, SETTINGS)
        for name, runs in fitted.items():
            tops = [top_term_ids(phi, 10) for _, phi in runs]
            rows.append(
                {
                    "k": k,
                    "engine": name,
                    "seconds": float(np.median([t for t, _ in runs])),
                    "npmi": float(
                        np.median([coherence.npmi(counts["npmi"], t).mean() for t in tops])
                    ),
                    "c_v": float(np.median([coherence.c_v(counts["c_v"], t).mean() for t in tops])),
                }
            )
    return rows


def table(rows: list[dict], args) -> str:
    lines = [
        f"Median over seeds {args.seeds}; ours: {args.passes} passes of online variational Bayes; "
        f"tomotopy: {args.iterations} Gibbs sweeps; NPMI (window 10) and c_v (window 110) of the "
        "top 10 terms, our implementation (equal to gensim's CoherenceModel). "
        "Ratios are ours / tomotopy with one worker.",
        "",
        "| K | engine | seconds | NPMI | c_v | time ratio | NPMI difference |",
        "|---|---|---|---|---|---|---|",
    ]
    for k in sorted({r["k"] for r in rows}):
        group = [r for r in rows if r["k"] == k]
        ours = group[0]
        reference = group[1]
        for r in group:
            ratio = ours["seconds"] / reference["seconds"] if r is ours else float("nan")
            diff = ours["npmi"] - reference["npmi"] if r is ours else float("nan")
            lines.append(
                f"| {k} | {r['engine']} | {r['seconds']:.2f} | {r['npmi']:.4f} | {r['c_v']:.4f} | "
                + ("" if np.isnan(ratio) else f"{ratio:.2f}")
                + " | "
                + ("" if np.isnan(diff) else f"{diff:+.4f}")
                + " |"
            )
    return "\n".join(lines)


def write_section(markdown: str, args) -> Path:
    """Replace (or add) this benchmark's section of benchmarks/README.md."""
    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    command = "python benchmarks/bench_tomotopy.py " + " ".join(sys.argv[1:])
    body = f"{SECTION}\n\n`{command.strip()}`\n\n{markdown}\n"
    if SECTION in text:
        start = text.index(SECTION)
        following = text.find("\n## ", start + len(SECTION))
        end = len(text) if following < 0 else following + 1
        text = text[:start] + body + ("\n" + text[end:] if following >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    readme.write_text(text, encoding="utf-8")
    return readme


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", help="tokens.jsonl of a workflow run (default: the Lee corpus)")
    parser.add_argument("--k", type=int, nargs="+", default=[10, 20])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    try:
        import tomotopy as tp
    except ImportError:
        print("tomotopy is not installed; `pip install tomotopy` to run this benchmark. Skipped.")
        return 0
    rows = run(args, tp)
    markdown = table(rows, args)
    print(markdown)
    if not args.no_write:
        print(f"wrote {write_section(markdown, args)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
