"""The SLURM profile: the workflow run through a real one-node SLURM cluster on localhost
gives the same results as a local run (see ``slurm_cluster`` for the cluster)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from slurm_cluster import Cluster, ClusterUnavailable, why_unavailable
from test_workflow_end_to_end import SMALL_MODEL, write_tiny_corpus
from workflow_runner import ROOT, copy_workflow, write_config

PROFILE = "workflow/profiles/slurm"
WORKFLOW_PROFILE = "workflow/profiles/default"
# A run that hangs (for instance on a status command that never answers) is killed. A run
# that finished took up to 480 s on a machine loaded five times over; below slurm_cluster's
# MinJobAge (900 s).
RUN_SECONDS = 720
# Files that differ between two identical runs: run times. The model bundle's manifest
# (bundle.json) is compared: it holds the SHA-256 of every bundle file, so the pickled model,
# dictionary and phrase layers are compared byte for byte through it.
NOT_COMPARED = ("timing.json", "fit.json")
COMPARED_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".md", ".html")
# Fewer rules in the run: the rules of a group job run one after another, each a job step.
ONE_SHARD = {"tokenise": {"shards": 1}}
# Each rule of a group job is a job step that starts a Snakemake of its own (seconds each), so
# both runs make a cross-section of the results instead of all of them: every rule of the
# `prepare` group, the model's training job and, of the `interpret` group, the chain to the
# topic tables, the dynamic model (its step reads the rule's mem_mb), a figure and the bundle.
TARGETS = (
    "results/topics/doc_topics.csv",
    "results/dynamics/rise_fall.md",
    "results/figures/topic_terms.png",
    "results/model/bundle.json",
)
# The profile's first status check comes 20 s after a job ends, and each check that sees no
# change waits 10 s longer: with 5 s the three rounds of jobs are seen sooner.
FIRST_STATUS_CHECK = ("--slurm-init-seconds-before-status-checks", "5")


def rule_names() -> set[str]:
    """Every rule the workflow defines."""
    sources = [ROOT / "Snakefile", *sorted((ROOT / "workflow" / "rules").glob("*.smk"))]
    return {
        name for path in sources for name in re.findall(r"^rule (\w+):", path.read_text(), re.M)
    }


def test_profile_groups_name_existing_rules():
    profile = yaml.safe_load((ROOT / PROFILE / "config.yaml").read_text())
    unknown = set(profile["groups"]) - rule_names()
    assert not unknown, f"{PROFILE}/config.yaml groups rules that do not exist: {unknown}"


@pytest.fixture(scope="module")
def cluster():
    """A one-node SLURM cluster for this module; skipped where it cannot run."""
    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    try:
        started = Cluster.start()
    except ClusterUnavailable as unavailable:
        pytest.skip(str(unavailable))
    yield started
    started.stop()


def failure(run: str, code: int, log: str) -> str:
    """What to say when a snakemake run fails: its exit code and the end of its output."""
    hung = f" (killed after {RUN_SECONDS} s: it hung)" if code == 137 else ""
    return f"the {run} run failed with exit code {code}{hung}:\n{log[-6000:]}"


def rules_run(log: str) -> Counter:
    """How many jobs of each rule a snakemake log says it ran itself."""
    return Counter(re.findall(r"^localrule (\w+):", log, re.M))


def result_files(results: Path) -> dict[str, bytes]:
    """The tables and texts a run made, by path under ``results/`` (no logs, no run times)."""
    return {
        str(path.relative_to(results)): path.read_bytes()
        for path in sorted(results.rglob("*"))
        if path.suffix in COMPARED_SUFFIXES
        and path.name not in NOT_COMPARED
        and path.relative_to(results).parts[0] not in ("logs", "benchmarks")
    }


@pytest.mark.slow
@pytest.mark.slurm
def test_workflow_on_slurm_matches_a_local_run(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    write_tiny_corpus(corpus)
    workdirs = {}
    for name in ("local", "slurm"):
        workdirs[name] = copy_workflow(tmp_path / name)
        write_config(workdirs[name], {"corpus": str(corpus), **SMALL_MODEL, **ONE_SHARD})

    # Both runs at once: the cluster run spends most of its time between status checks.
    local = cluster.start_snakemake(
        workdirs["local"],
        "--workflow-profile",
        WORKFLOW_PROFILE,
        "--cores",
        "2",
        *TARGETS,
        seconds=RUN_SECONDS,
    )
    on_slurm = cluster.start_snakemake(
        workdirs["slurm"],
        "--workflow-profile",
        WORKFLOW_PROFILE,
        "--profile",
        PROFILE,
        # The node has 2 CPUs: a group job must not ask for more (--cores caps each job).
        "--cores",
        "2",
        "--slurm-keep-successful-logs",
        *FIRST_STATUS_CHECK,
        *TARGETS,
        seconds=RUN_SECONDS,
    )
    local_code, local_log = local.wait()
    slurm_code, slurm_log = on_slurm.wait()
    assert local_code == 0, failure("local", local_code, local_log)
    assert slurm_code == 0, failure("SLURM", slurm_code, slurm_log)

    # Every job went through SLURM and finished there.
    submitted = set(re.findall(r"submitted with SLURM jobid (\d+)", slurm_log))
    jobs = {job["id"]: job for job in cluster.jobs()}
    assert submitted and submitted <= set(jobs), (submitted, jobs)
    for job_id in submitted:
        assert jobs[job_id]["state"] == "COMPLETED", jobs[job_id]
        assert jobs[job_id]["name"].startswith("topicpipe_"), jobs[job_id]
    # The profile's groups: the corpus is prepared in one job, results interpreted in another.
    comments = " ".join(jobs[job_id]["comment"] for job_id in submitted)
    assert "rule_prepare" in comments and "rule_interpret" in comments, comments

    # SLURM's job logs, not the head node, ran every rule (all but the target rule `all`).
    slurm_logs = list((workdirs["slurm"] / "results" / "logs" / "slurm").rglob("*.log"))
    assert len(slurm_logs) == len(submitted), slurm_logs
    in_slurm = sum((rules_run(log.read_text()) for log in slurm_logs), Counter())
    expected = rules_run(local_log) - Counter(["all"])
    assert in_slurm == expected

    local_results = result_files(workdirs["local"] / "results")
    slurm_results = result_files(workdirs["slurm"] / "results")
    assert "topics/doc_topics.csv" in local_results
    assert sorted(slurm_results) == sorted(local_results)
    differing = [path for path in local_results if slurm_results[path] != local_results[path]]
    assert not differing, f"results differ between the SLURM and the local run: {differing}"
