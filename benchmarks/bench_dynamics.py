"""Dynamic topic model engines on dated corpora of 300, 2,000 and 10,000 documents.

The corpora come from ``tests/dated_corpus.py``: 11 months, one of them empty (10 modelled
periods), six topics of which one rises, one falls and one shifts its words by design.
Every engine fits the same bag of words (pruned as the ``dictionary`` stage does) with the
same K, and is scored against the design:

- ``topic cosine``: per period, the cosine of each fitted topic's word distribution with
  its designed topic (topics matched once, by the Hungarian algorithm on the period
  average), averaged over topics and periods (1 = the designed topics);
- ``prevalence error``: mean absolute difference between the fitted and the designed
  mean topic share per period;
- ``shift r``: correlation over periods of the shifting topic's (late − early words)
  probability, fitted against designed (1 = the shift follows the design);
- ``identical``: whether every repeat gave bit-identical word distributions and shares.

Engines: ours (``chained_em``: EM from the static topics, ``topicpipe.dynamics.fit``);
tomotopy's ``DTModel`` (Blei & Lafferty's model by stochastic-gradient Langevin dynamics
and Gibbs sampling; 1 worker, seed 1); gensim's ``LdaSeqModel`` (variational; only with
``--lda-seq``, at the smallest size, once). Every fit runs in a fresh process (peak RSS
of that process, and the peak during the fit above the size before it); times are medians
over ``--repeats`` runs; ``static`` is the baseline: training the static gensim LDA that
ours starts from, on the same documents, in the same run (its time is not included in
ours). ``--also-k`` times the engines at other K on the largest corpus (no quality score:
the design has six topics).

    python benchmarks/bench_dynamics.py [--sizes 300 2000 10000] [--repeats 3] [--lda-seq]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from dated_corpus import (  # noqa: E402
    EARLY_WORDS,
    LATE_WORDS,
    SHIFTING,
    bag_of_words,
    dated_news_corpus,
    design_phi,
)
from readme_section import write_section  # noqa: E402

from defaults import CONFIG  # noqa: E402
from topicpipe.dynamics.fit import fit_dynamic_model  # noqa: E402
from topicpipe.dynamics.periods import plan_periods  # noqa: E402
from topicpipe.engines import get_engine  # noqa: E402
from topicpipe.evaluate.stability import cosine_matrix, match_topics  # noqa: E402

SECTION = "## Dynamic topic model engines"
OUT = ROOT / "benchmarks" / "out" / "dynamics"
N_PERIODS, EMPTY_PERIOD = 11, 5
TOMOTOPY = {"iterations": 1000, "lr_a": 0.1, "phi_var": 0.01}


def prepare(n_docs: int, k: int) -> Path:
    """Write the bag of words, periods, static topics and design of one corpus size."""
    path = OUT / f"corpus_{n_docs}_k{k}.npz"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    articles, design = dated_news_corpus(
        n_docs=n_docs, n_periods=N_PERIODS, empty_period=EMPTY_PERIOD, seed=1
    )
    articles = articles[articles["date"] != ""]
    vocabulary, bows = bag_of_words(articles["tokens"].tolist())
    plan = plan_periods(articles["date"].tolist(), "month", min_documents=10)
    periods = plan.modelled["period"].tolist()
    truth = design_phi(design, vocabulary, periods)
    rows = [design.periods.index(p) for p in periods]
    static = fit_static({"bows": bows, "k": k}, seed=1)
    np.savez(
        path,
        data=bows.data,
        indices=bows.indices,
        indptr=bows.indptr,
        shape=np.array(bows.shape),
        timepoints=plan.timepoints,
        positions=plan.positions,
        vocabulary=np.array(vocabulary),
        truth=truth,
        prevalence=design.prevalence[rows],
        shifting=design.topics.index(SHIFTING),
        k=k,
        static=static,
    )
    return path


def load(path: Path) -> dict:
    import scipy.sparse as sp

    with np.load(path) as stored:
        data = {name: stored[name] for name in stored.files}
    data["bows"] = sp.csr_matrix(
        (data["data"], data["indices"], data["indptr"]), shape=tuple(data["shape"])
    )
    return data


def bow_lists(bows) -> list[list[tuple[int, int]]]:
    return [
        list(zip(row.indices.tolist(), row.data.astype(int).tolist(), strict=True)) for row in bows
    ]


def fit_static(data: dict, seed: int) -> np.ndarray:
    # The static model as the workflow trains it with gensim (model.gensim of config.yaml).
    params = {**CONFIG["model"]["gensim"], "num_topics": int(data["k"]), "random_state": seed}
    model = get_engine("gensim").train(bow_lists(data["bows"]), data["bows"].shape[1], params)
    return model.topic_term_matrix()


def fit_ours(data: dict, static: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    fit = fit_dynamic_model(data["bows"], data["timepoints"], data["positions"], static)
    return fit.phi, fit.theta


def fit_tomotopy(data: dict) -> tuple[np.ndarray, np.ndarray]:
    import tomotopy as tp

    vocabulary = data["vocabulary"].tolist()
    n_periods, k = len(data["positions"]), int(data["k"])
    options = {key: value for key, value in TOMOTOPY.items() if key != "iterations"}
    model = tp.DTModel(k=k, t=n_periods, seed=1, **options)
    for row, t in zip(data["bows"], data["timepoints"], strict=True):
        words = [
            vocabulary[w] for w, c in zip(row.indices, row.data, strict=True) for _ in range(int(c))
        ]
        model.add_doc(words, timepoint=int(t))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        model.train(TOMOTOPY["iterations"], workers=1)
    columns = [vocabulary.index(w) for w in model.used_vocabs]
    phi = np.zeros((n_periods, k, len(vocabulary)))
    for t in range(n_periods):
        for topic in range(k):
            phi[t, topic, columns] = model.get_topic_word_dist(topic, timepoint=t)
    theta = np.array([doc.get_topic_dist() for doc in model.docs])
    return phi, theta


def fit_lda_seq(data: dict) -> tuple[np.ndarray, np.ndarray]:
    from gensim.models import LdaSeqModel

    order = np.argsort(data["timepoints"], kind="stable")
    slices = np.bincount(data["timepoints"]).tolist()
    corpus = bow_lists(data["bows"][order])
    vocabulary = data["vocabulary"].tolist()
    model = LdaSeqModel(
        corpus=corpus,
        id2word=dict(enumerate(vocabulary)),
        time_slice=slices,
        num_topics=int(data["k"]),
        random_state=1,
    )
    phi = np.array(
        [
            [np.exp(chain.e_log_prob[:, t]) for chain in model.topic_chains]
            for t in range(len(slices))
        ]
    )
    phi /= phi.sum(axis=2, keepdims=True)
    theta = np.empty((len(order), int(data["k"])))
    theta[order] = model.gammas / model.gammas.sum(axis=1, keepdims=True)
    return phi, theta


def score(data: dict, phi: np.ndarray, theta: np.ndarray) -> dict:
    """Quality against the design (see the module docstring)."""
    truth, timepoints = data["truth"], data["timepoints"]
    partner, _ = match_topics(truth.mean(axis=0), phi.mean(axis=0))
    phi, theta = phi[:, partner], theta[:, partner]
    cosine = np.mean([np.diag(cosine_matrix(truth[t], phi[t])).mean() for t in range(len(phi))])
    fitted = np.array([theta[timepoints == t].mean(axis=0) for t in range(len(phi))])
    vocabulary = data["vocabulary"].tolist()
    early = [vocabulary.index(w) for w in EARLY_WORDS]
    late = [vocabulary.index(w) for w in LATE_WORDS]
    k = int(data["shifting"])

    def shift(p):
        return p[:, k, late].sum(axis=1) - p[:, k, early].sum(axis=1)

    return {
        "topic_cosine": float(cosine),
        "prevalence_error": float(np.abs(fitted - data["prevalence"]).mean()),
        "shift_r": float(np.corrcoef(shift(truth), shift(phi))[0, 1]),
    }


def memory_mb(field: str) -> float:
    """``VmRSS`` (resident now) or ``VmHWM`` (peak) of this process, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise OSError(f"no {field} in /proc/self/status")


def child(engine: str, path: Path) -> dict:
    """One fit in this process: seconds, peak RSS, the fit's own memory and quality."""
    data = load(path)
    fitter = {
        "static": lambda: (fit_static(data, 1), None),
        "ours": lambda: fit_ours(data, data["static"]),
        "tomotopy": lambda: fit_tomotopy(data),
        "lda_seq": lambda: fit_lda_seq(data),
    }[engine]
    # Reset the peak to the current size (Linux), so that the peak after the fit is the fit's.
    Path("/proc/self/clear_refs").write_text("5")
    before = memory_mb("VmRSS")
    started = time.perf_counter()
    phi, theta = fitter()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"seconds": seconds, "rss_mb": peak, "fit_mb": memory_mb("VmHWM") - before}
    if theta is not None:
        result["digest"] = hashlib.sha256(phi.tobytes() + theta.tobytes()).hexdigest()
        if int(data["k"]) == len(data["truth"][0]):
            result.update(score(data, phi, theta))
    return result


def run_child(engine: str, path: Path) -> dict:
    command = [sys.executable, __file__, "--child", engine, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(args) -> list[dict]:
    runs_of = [(size, args.k) for size in args.sizes]
    runs_of += [(max(args.sizes), k) for k in args.also_k]
    rows = []
    for size, k in runs_of:
        path = prepare(size, k)
        data = load(path)
        print(f"{size} documents: {data['bows'].shape[1]} terms, {len(data['positions'])} periods")
        engines = ["static", "ours", "tomotopy"]
        if args.lda_seq and size == min(args.sizes) and k == args.k:
            engines.append("lda_seq")
        for engine in engines:
            repeats = 1 if engine == "lda_seq" else args.repeats
            runs = [run_child(engine, path) for _ in range(repeats)]
            row = {
                "k": k,
                "documents": size,
                "terms": int(data["bows"].shape[1]),
                "engine": engine,
                "runs": repeats,
                "seconds": float(np.median([r["seconds"] for r in runs])),
                "rss_mb": float(max(r["rss_mb"] for r in runs)),
                "fit_mb": float(max(r["fit_mb"] for r in runs)),
            }
            if "topic_cosine" in runs[0]:
                row.update(
                    {key: runs[0][key] for key in ("topic_cosine", "prevalence_error", "shift_r")}
                )
            if "digest" in runs[0]:
                row["identical"] = len({r["digest"] for r in runs}) == 1 if repeats > 1 else None
            rows.append(row)
            print(row)
    return rows


ENGINE_NAMES = {
    "static": "static LDA (gensim, baseline)",
    "ours": "ours: chained EM",
    "tomotopy": "tomotopy DTModel",
    "lda_seq": "gensim LdaSeqModel",
}


def table(rows: list[dict], args) -> str:
    lines = [
        f"{N_PERIODS} months with one empty (10 modelled periods), one core; median of "
        f"{args.repeats} runs (LdaSeqModel: one run), each in a fresh process. tomotopy: "
        f"{TOMOTOPY['iterations']} iterations, lr_a {TOMOTOPY['lr_a']}, phi_var "
        f"{TOMOTOPY['phi_var']} (its defaults scored worse), 1 worker, seed 1. Ours starts from "
        "the static model, whose training time is the baseline (× static). Quality is scored "
        f"against the design, so only at K = {args.k} (the designed number of topics).",
        "",
        "Peak RSS is the whole process (Python, libraries and the corpus take about 170 MB "
        "before any fit); 'fit MB' is the peak during the fit above the size just before it.",
        "",
        "| K | documents | terms | engine | seconds | × static | peak RSS MB | fit MB "
        "| topic cosine | prevalence error | shift r | identical |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        baseline = next(
            r["seconds"]
            for r in rows
            if (r["k"], r["documents"], r["engine"]) == (row["k"], row["documents"], "static")
        )
        quality = (
            f"{row['topic_cosine']:.3f} | {row['prevalence_error']:.3f} | {row['shift_r']:.2f}"
            if "topic_cosine" in row
            else "| |"
        )
        identical = {True: "yes", False: "no", None: ""}[row.get("identical")]
        lines.append(
            f"| {row['k']} | {row['documents']:,} | {row['terms']:,} "
            f"| {ENGINE_NAMES[row['engine']]} | {row['seconds']:.2f} "
            f"| {row['seconds'] / baseline:.2f} | {row['rss_mb']:.0f} | {row['fit_mb']:.0f} "
            f"| {quality} | {identical} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000, 10000])
    parser.add_argument("--k", type=int, default=6, help="K of the main table (6: as designed)")
    parser.add_argument(
        "--also-k",
        type=int,
        nargs="*",
        default=[20],
        help="also time these K on the largest corpus",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lda-seq", action="store_true", help="also gensim's LdaSeqModel (slow)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return 0
    try:
        import tomotopy  # noqa: F401
    except ImportError:
        print("tomotopy is not installed (pip install -r requirements.lock). Skipped.")
        return 0
    markdown = table(measure(args), args)
    print(markdown)
    if not args.no_write:
        command = " ".join(["python benchmarks/bench_dynamics.py", *sys.argv[1:]])
        print(f"wrote {write_section(SECTION, f'`{command}`' + chr(10) * 2 + markdown)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
