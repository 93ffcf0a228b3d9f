"""The topic-model engines side by side: time and topic quality on four corpora, in one run.

Corpora (all offline, shipped with gensim):
- **Lee**: the 300 news articles of the default corpus (exact duplicate lines dropped),
  tokenised by the pipeline's own tokeniser and pruned with the default dictionary
  settings; trained without the held-out share, as the workflow does.
- **newsgroups**: gensim's ``mini_newsgroup`` test file, 200 Usenet posts from two groups
  (alt.atheism, sci.space); headers other than the subject, quoted lines, attributions and
  signatures are removed, the rest is tokenised by the pipeline. Its labels give the NMI of
  each post's dominant topic against its group.
- **Wikipedia**: gensim's ``head500.noblanks.cor``, 250 articles already lower-cased and
  stemmed by its makers (split on spaces, default pruning): 15 times Lee's tokens.
- **synthetic**: documents sampled from a known LDA model (``tests/synthetic_lda.py``);
  recovery is the smallest, over the true topics, of the cosine between a true topic and
  the model topic it is matched to (one-to-one, Hungarian).

Engines: gensim with ``model.gensim`` of ``config.yaml`` (20 passes); tomotopy with
``model.tomotopy`` (iterations auto, 2 workers), the same with 1 worker, with 1000 and 300
sweeps, and with tomotopy's own priors (eta 0.01, no burn-in). Each trains the same bags of
words with every seed; engines take turns for each (K, seed). The table gives medians over seeds and
ratios against gensim from the same run. Time is training only (no per-pass hook, no
inference), as wall-clock and as CPU seconds of the process: on a machine shared with other
jobs the CPU time is the fairer comparison of single-threaded engines. NPMI and c_v are the
pipeline's (equal to gensim's ``CoherenceModel``), counted on the corpus's own tokens.

The quality targets of issue 10 are checked at the end: on Lee, the model the default
sweep (``model.k`` x ``model.seeds``) and selection rule pick has NPMI >= 0.05 and
diversity >= 0.8; the default engine recovers every synthetic topic with cosine >= 0.99
for every seed; and at equal quality (NPMI within 0.005 of gensim's, or better) it is no
slower than gensim in CPU time.

    python benchmarks/bench_engines.py [--seeds 1 2 3] [--no-write]
"""

from __future__ import annotations

import argparse
import io
import logging
import pickle
import re
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from gensim.corpora import Dictionary
from gensim.test.utils import datapath

ROOT = Path(__file__).resolve().parents[1]
# The package, and the test helpers that tokenise in memory and sample synthetic corpora.
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]

from readme_section import write_section  # noqa: E402

from synthetic_lda import sample_lda_corpus  # noqa: E402
from tokenise_in_memory import tokenise_settings, tokenise_texts  # noqa: E402
from topicpipe.adapt import choose_heldout_fraction, prune_settings  # noqa: E402
from topicpipe.corpus import PruneSettings, build_vocabulary  # noqa: E402
from topicpipe.engines import get_engine  # noqa: E402
from topicpipe.engines.sweep import k_values  # noqa: E402
from topicpipe.evaluate.diversity import topic_diversity  # noqa: E402
from topicpipe.evaluate.heldout import heldout_mask  # noqa: E402
from topicpipe.evaluate.scoring import (  # noqa: E402
    FittedModel,
    reference_counts,
    score_sweep,
    top_term_ids,
)
from topicpipe.evaluate.selection import select_model  # noqa: E402
from topicpipe.evaluate.stability import match_topics  # noqa: E402

SECTION = "## Topic-model engines"
CONFIG = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
SCORING = CONFIG["evaluation"]
GENSIM = CONFIG["model"]["gensim"]
TOMOTOPY = CONFIG["model"]["tomotopy"]
SHORT_RUN = 300
# NPMI differences this small are well within the spread over seeds: equal quality.
TIE = 0.005
BASELINE = f"gensim, {GENSIM['passes']} passes"
LONG_RUN = 1000
DEFAULT = f"tomotopy, {TOMOTOPY['iterations']} sweeps, {TOMOTOPY['workers']} workers (default)"
SHORT = f"tomotopy, {SHORT_RUN} sweeps"
ENGINES: dict[str, tuple[str, dict[str, Any]]] = {
    BASELINE: ("gensim", GENSIM),
    DEFAULT: ("tomotopy", TOMOTOPY),
    f"tomotopy, {TOMOTOPY['iterations']} sweeps, 1 worker": (
        "tomotopy",
        {**TOMOTOPY, "workers": 1},
    ),
    f"tomotopy, {LONG_RUN} sweeps": ("tomotopy", {**TOMOTOPY, "iterations": LONG_RUN}),
    SHORT: ("tomotopy", {**TOMOTOPY, "iterations": SHORT_RUN}),
    "tomotopy, eta 0.01, no burn-in (its own defaults)": (
        "tomotopy",
        {**TOMOTOPY, "eta": 0.01, "burn_in": 0},
    ),
}
# Usenet header lines (only the subject is text) and reply attributions.
HEADER = re.compile(r"^[A-Za-z-]+: ")
ATTRIBUTION = re.compile(r"^In article|\b(?:writes|wrote|says):\s*$")


@dataclass(frozen=True)
class Timing:
    """Wall-clock and CPU seconds (CPU: all threads of this process) of one training."""

    wall: float
    cpu: float


@dataclass
class Corpus:
    """Bags of words over a dictionary, the texts coherence is counted on, optional truth."""

    name: str
    texts: list[list[str]]
    dictionary: Dictionary
    bows: list[list[tuple[int, int]]]
    train: list[list[tuple[int, int]]]
    ks: list[int]
    labels: np.ndarray | None = None
    true_phi: np.ndarray | None = None


def default_pruning(n_documents: int) -> PruneSettings:
    """The default dictionary settings (``auto`` resolved for ``n_documents``)."""
    return prune_settings(CONFIG["dictionary"], CONFIG["adapt"], n_documents)[0]


def pipeline_corpus(name, raw_texts, ks, labels=None, heldout=0.0) -> Corpus:
    """Tokenise with the pipeline's defaults, prune with the default dictionary settings."""
    tokens, _ = tokenise_texts(raw_texts, tokenise_settings())
    _, dictionary = build_vocabulary(tokens, default_pruning(len(tokens)))
    bows = [dictionary.doc2bow(t) for t in tokens]
    keep = [i for i, bow in enumerate(bows) if bow]
    bows = [bows[i] for i in keep]
    held = heldout_mask(len(bows), heldout, CONFIG["evaluation"]["heldout_seed"])
    train = [bow for bow, out in zip(bows, held, strict=True) if not out]
    chosen = None if labels is None else np.asarray(labels)[keep]
    return Corpus(name, [tokens[i] for i in keep], dictionary, bows, train, ks, chosen)


def lee() -> Corpus:
    lines = Path(datapath("lee_background.cor")).read_text(encoding="latin-1").splitlines()
    texts = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    ks = k_values(CONFIG["model"]["k"])
    heldout, _ = choose_heldout_fraction(
        CONFIG["evaluation"]["heldout_fraction"], len(texts), CONFIG["adapt"]
    )
    return pipeline_corpus("Lee", texts, ks, heldout=heldout)


class _NewsgroupUnpickler(pickle.Unpickler):
    """gensim's file is an sklearn ``Bunch`` pickle; allow only what it needs (no sklearn)."""

    ALLOWED = {
        ("copy_reg", "_reconstructor"): "copyreg._reconstructor",
        ("__builtin__", "dict"): "builtins.dict",
        ("__builtin__", "object"): "builtins.object",
        ("sklearn.datasets.base", "Bunch"): "builtins.dict",
        ("numpy.core.multiarray", "_reconstruct"): "numpy._core.multiarray._reconstruct",
        ("numpy", "ndarray"): "numpy.ndarray",
        ("numpy", "dtype"): "numpy.dtype",
    }

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(f"mini_newsgroup: unexpected {module}.{name}")
        target_module, _, target = self.ALLOWED[(module, name)].rpartition(".")
        return getattr(__import__(target_module, fromlist=[target]), target)


def post_text(post: str) -> str:
    """A Usenet post without its header (the subject kept), quotes, attributions, signature."""
    head, _, body = post.partition("\n\n")
    subject = [line.split(":", 1)[1] for line in head.splitlines() if line.startswith("Subject:")]
    body = body.split("\n-- \n")[0]
    lines = [
        line
        for line in body.splitlines()
        if not line.lstrip().startswith((">", "|"))
        and not HEADER.match(line)
        and not ATTRIBUTION.search(line)
    ]
    return "\n".join(subject + lines)


def newsgroups() -> Corpus:
    raw = zlib.decompress(Path(datapath("mini_newsgroup")).read_bytes())
    bunch = _NewsgroupUnpickler(io.BytesIO(raw), encoding="latin-1").load()
    texts = [post_text(post) for post in bunch["data"]]
    return pipeline_corpus("newsgroups", texts, [2, 10], labels=bunch["target"])


def wikipedia() -> Corpus:
    """gensim's ``head500.noblanks.cor``: 250 Wikipedia articles, already lower-cased and
    stemmed by its makers, so split on spaces and pruned with the default settings."""
    lines = Path(datapath("head500.noblanks.cor")).read_text(encoding="utf-8").splitlines()
    tokens = [line.split() for line in lines if line.strip()]
    _, dictionary = build_vocabulary(tokens, default_pruning(len(tokens)))
    bows = [dictionary.doc2bow(t) for t in tokens]
    return Corpus("Wikipedia", tokens, dictionary, bows, bows, [10, 20])


def synthetic() -> Corpus:
    truth = sample_lda_corpus(
        n_docs=1000, n_topics=8, vocab_size=500, mean_length=80, alpha=0.1, eta=0.05, seed=11
    )
    dictionary = Dictionary(truth.texts)
    bows = [dictionary.doc2bow(text) for text in truth.texts]
    columns = [truth.vocabulary.index(dictionary[i]) for i in range(len(dictionary))]
    return Corpus(
        "synthetic", truth.texts, dictionary, bows, bows, [8], true_phi=truth.phi[:, columns]
    )


def nmi(a: np.ndarray, b: np.ndarray) -> float:
    """Normalised mutual information of two labelings, I(a;b) / sqrt(H(a) H(b))."""
    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    joint = np.zeros((a.max() + 1, b.max() + 1))
    np.add.at(joint, (a, b), 1)
    joint /= joint.sum()
    pa, pb = joint.sum(axis=1), joint.sum(axis=0)
    nz = joint > 0
    mutual = float((joint[nz] * np.log(joint[nz] / np.outer(pa, pb)[nz])).sum())
    entropy = float(np.sqrt(-(pa @ np.log(pa)) * -(pb @ np.log(pb))))
    return mutual / entropy if entropy > 0 else 0.0


def train_all(corpus: Corpus, seeds: list[int]) -> dict[str, list[tuple[Timing, FittedModel]]]:
    """Every engine's model for every K and seed, with its training time.

    Engines take turns for each (K, seed), so that load from other jobs on a shared
    machine falls on all of them alike.
    """
    fitted: dict[str, list[tuple[Timing, FittedModel]]] = {label: [] for label in ENGINES}
    for k in corpus.ks:
        for seed in seeds:
            for label, (engine, settings) in ENGINES.items():
                params = {**settings, "engine": engine, "num_topics": k, "random_state": seed}
                wall, cpu = time.perf_counter(), time.process_time()
                model = get_engine(engine).train(corpus.train, len(corpus.dictionary), params)
                timing = Timing(time.perf_counter() - wall, time.process_time() - cpu)
                phi, theta = model.topic_term_matrix(), model.doc_topic_matrix(corpus.bows)
                fitted[label].append((timing, FittedModel(f"k{k}_seed{seed}", k, seed, phi, theta)))
        print(f"  {corpus.name}: K={k} done", flush=True)
    return fitted


def score(corpus: Corpus, fitted) -> tuple[pd.DataFrame, dict[str, dict[str, Any]]]:
    """One row per (engine, K, seed); and each engine's sweep selection (Lee)."""
    models = [m for runs in fitted.values() for _, m in runs]
    words = {int(w) for m in models for w in top_term_ids(m.phi, SCORING["top_n"]).ravel()}
    counts = reference_counts(
        lambda: corpus.texts, lambda: corpus.bows, corpus.dictionary.token2id, words, SCORING
    )
    lengths = np.array([sum(c for _, c in bow) for bow in corpus.bows])
    term_counts = np.array([corpus.dictionary.cfs[i] for i in range(len(corpus.dictionary))])
    rows, selections = [], {}
    for label, runs in fitted.items():
        metrics, _ = score_sweep([m for _, m in runs], counts, lengths, term_counts, SCORING)
        if len(corpus.ks) > 2:
            selections[label] = select_model(metrics, CONFIG["selection"])
        for (timing, model), (_, metric) in zip(runs, metrics.iterrows(), strict=True):
            top = top_term_ids(model.phi, SCORING["top_n"])
            row = {
                "corpus": corpus.name,
                "k": model.k,
                "seed": model.seed,
                "engine": label,
                "seconds": timing.wall,
                "cpu": timing.cpu,
                "npmi": metric["npmi"],
                "c_v": metric["c_v"],
                "diversity": topic_diversity(top),
                "stability": metric["stability"],
            }
            if corpus.true_phi is not None:
                row["recovery"] = float(match_topics(corpus.true_phi, model.phi)[1].min())
            if corpus.labels is not None:
                row["nmi"] = nmi(model.theta.argmax(axis=1), corpus.labels)
            rows.append(row)
    return pd.DataFrame(rows), selections


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """Medians over seeds, with ratios to gensim in the same corpus and K."""
    measures = ("seconds", "cpu", "npmi", "c_v", "diversity", "stability", "recovery", "nmi")
    columns = [c for c in measures if c in rows]
    table = rows.groupby(["corpus", "k", "engine"], sort=False)[columns].median().reset_index()
    base = table[table["engine"] == BASELINE].set_index(["corpus", "k"])
    for column in ("seconds", "cpu", "c_v", "diversity", "recovery", "nmi"):
        if column in table:
            reference = base[column].reindex(pd.MultiIndex.from_frame(table[["corpus", "k"]]))
            table[f"{column} ratio"] = table[column].to_numpy() / reference.to_numpy()
    reference = base["npmi"].reindex(pd.MultiIndex.from_frame(table[["corpus", "k"]]))
    table["NPMI diff"] = table["npmi"].to_numpy() - reference.to_numpy()
    return table


def fmt(key: str, value: Any) -> str:
    """A table cell: text and integers as they are, ratios and seconds to 2 decimals."""
    if isinstance(value, (str, int, np.integer)):
        return str(value)
    if value is None or np.isnan(value):
        return ""
    if key == "NPMI diff":
        return f"{value:+.3f}"
    return f"{value:.2f}" if key in ("seconds", "cpu") or key.endswith("ratio") else f"{value:.3f}"


# (column of the summary, header) in table order: values, then ratios to gensim.
COLUMNS = [
    ("corpus", "corpus"),
    ("k", "K"),
    ("engine", "engine"),
    ("seconds", "s"),
    ("cpu", "CPU s"),
    ("npmi", "NPMI"),
    ("c_v", "c_v"),
    ("diversity", "diversity"),
    ("stability", "stability"),
    ("recovery", "recovery"),
    ("nmi", "NMI"),
    ("seconds ratio", "time ratio"),
    ("cpu ratio", "CPU ratio"),
    ("NPMI diff", "NPMI diff"),
    ("c_v ratio", "c_v ratio"),
    ("diversity ratio", "diversity ratio"),
    ("recovery ratio", "recovery ratio"),
    ("nmi ratio", "NMI ratio"),
]


def markdown(table: pd.DataFrame) -> str:
    lines = [
        "| " + " | ".join(header for _, header in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for _, row in table.iterrows():
        cells = [fmt(key, row.get(key, float("nan"))) for key, _ in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(table: pd.DataFrame, rows: pd.DataFrame, selections) -> list[str]:
    """The quality targets of issue 10, each with its measured value and verdict."""
    verdict = {True: "met", False: "NOT met"}
    lines = []
    for label, selection in selections.items():
        chosen = rows[
            (rows["corpus"] == "Lee")
            & (rows["engine"] == label)
            & (rows["k"] == selection["k"])
            & (rows["seed"] == selection["seed"])
        ].iloc[0]
        ok = bool(chosen["npmi"] >= 0.05 and chosen["diversity"] >= 0.8)
        target = f"target NPMI >= 0.05, diversity >= 0.8: {verdict[ok]}"
        lines.append(
            f"- Lee, default sweep {k_values(CONFIG['model']['k'])} x seeds "
            f"{CONFIG['model']['seeds']}, {label}: selected K={selection['k']}, seed "
            f"{selection['seed']}: NPMI {chosen['npmi']:.3f}, diversity {chosen['diversity']:.2f}"
            + (f" ({target})" if label == DEFAULT else "")
        )
    synthetic_rows = rows[(rows["corpus"] == "synthetic") & (rows["engine"] == DEFAULT)]
    worst = synthetic_rows["recovery"].min()
    lines.append(
        f"- synthetic, {DEFAULT}: smallest best-match cosine over all topics and seeds "
        f"{worst:.4f} (target >= 0.99: {verdict[bool(worst >= 0.99)]})"
    )
    runs = table[table["engine"] == DEFAULT]
    lines.append(
        f"- time, {DEFAULT} vs {BASELINE}: CPU-time ratio {runs['cpu ratio'].min():.2f} to "
        f"{runs['cpu ratio'].max():.2f} over the corpora and K"
    )
    cheapest = []
    for (name, k), group in table.groupby(["corpus", "k"], sort=False):
        good = group[
            group["engine"].isin([DEFAULT, SHORT])
            & (group["NPMI diff"] >= -TIE)
            & (group["cpu ratio"] <= 1)
        ]
        ratio = f"{good['cpu ratio'].min():.2f}" if len(good) else "none"
        cheapest.append((name, k, ratio))
    met = all(ratio != "none" for _, _, ratio in cheapest)
    listed = "; ".join(f"{name} K={k}: {ratio}" for name, k, ratio in cheapest)
    lines.append(
        f"- time at equal quality (NPMI at least gensim's - {TIE}): a tomotopy setting "
        f"({TOMOTOPY['iterations']} or {SHORT_RUN} sweeps) as good and no slower in CPU time "
        f"on every corpus and K: {verdict[met]}. Its CPU-time ratio: {listed}"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    logging.disable(logging.INFO)  # gensim's per-chunk progress
    loaders: list[Callable[[], Corpus]] = [lee, newsgroups, wikipedia, synthetic]
    all_rows, selections, sizes = [], {}, []
    for load in loaders:
        corpus = load()
        n_tokens = sum(c for bow in corpus.bows for _, c in bow)
        sizes.append(
            f"{corpus.name}: {len(corpus.bows)} documents ({len(corpus.train)} trained), "
            f"{len(corpus.dictionary)} terms, {n_tokens} tokens, K {corpus.ks}"
        )
        print(sizes[-1], flush=True)
        rows, chosen = score(corpus, train_all(corpus, args.seeds))
        all_rows.append(rows)
        selections.update(chosen)
    rows = pd.concat(all_rows, ignore_index=True)
    table = summary(rows)
    command = "python benchmarks/bench_engines.py " + " ".join(sys.argv[1:])
    body = "\n".join(
        [
            f"`{command.strip()}` (one run; medians over seeds {args.seeds}; "
            f"Python {sys.version.split()[0]}, 2 cores shared with other jobs)",
            "",
            *[f"- {size}" for size in sizes],
            "",
            "Seconds (wall clock) and CPU seconds: training only, median over seeds. "
            f"Ratios: this engine / {BASELINE} on the same corpus and K, from this run "
            "(NPMI as a difference, since it is near 0). Stability: mean matched cosine of a "
            "model's topics with the other seeds' (as in the workflow). Recovery: smallest "
            "best-match cosine over the true topics. "
            "NMI: dominant topic of each post against its newsgroup.",
            "",
            markdown(table),
            "",
            "Quality targets (issue 10):",
            "",
            *targets(table, rows, selections),
        ]
    )
    print(body)
    if not args.no_write:
        print(f"wrote {write_section(SECTION, body)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
