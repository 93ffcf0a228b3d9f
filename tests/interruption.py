"""Kill a workflow run at a chosen point, resume it with `make resume`, and compare results.

A run is started in its own process group so that one SIGKILL stops Snakemake and every job
it started, as a closed laptop or a killed terminal would. A kill point is a file whose
appearance shows that a given job is running (its log) or has just written its output.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from defaults import ROOT

# The virtual environment the tests run in: `make resume` uses its snakemake.
VENV = Path(sys.executable).parent.parent
# Files whose content depends on the run, not on the data: timings, logs, and the shard
# files (their number is a setting that must not change the results).
RUN_DEPENDENT = ("logs/", "benchmarks/", "tokens/shards/", "evaluation/timing.json")


def resume_command(cores: int) -> list[str]:
    """`make resume` as the README gives it, with this test environment's venv (``-o`` keeps
    make from reinstalling it). ``ARGS=`` keeps pytest's own arguments, which `make test
    ARGS=...` passes down to every make below it, off Snakemake's command line."""
    stamp = VENV / ".installed-from-lock"
    return ["make", "-s", "-o", str(stamp), "resume", f"VENV={VENV}", f"CORES={cores}", "ARGS="]


def add_makefile(workdir: Path) -> None:
    """Copy the project's Makefile into a workflow copy, so `make resume` runs there."""
    shutil.copy2(ROOT / "Makefile", workdir / "Makefile")


def run_until(command: list[str], workdir: Path, point: Path, timeout: float = 300) -> str:
    """Start ``command`` in ``workdir`` in a new process group; SIGKILL the whole group as
    soon as ``point`` exists. Returns the output so far; fails if the run ends first."""
    log = workdir / "interrupted.log"
    with open(log, "w") as output:
        process = subprocess.Popen(
            command, cwd=workdir, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while not point.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise AssertionError(f"the run never reached {point}:\n{log.read_text()[-3000:]}")
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return log.read_text()


def comparable(results: Path) -> dict[str, Any]:
    """Every result file that must not depend on how the run went: its bytes, or for the
    JSON records that also hold timings or settings of the run, the record without them."""
    files = {}
    for path in sorted(p for p in results.rglob("*") if p.is_file()):
        name = path.relative_to(results).as_posix()
        if name.startswith(RUN_DEPENDENT):
            continue
        if name.endswith("/fit.json") and name.startswith("models/"):
            record = json.loads(path.read_text())
            files[name] = {k: v for k, v in record.items() if not k.endswith("_seconds")}
        elif name == "provenance.json":
            record = json.loads(path.read_text())
            record["config"]["tokenise"].pop("shards")
            files[name] = record
        elif name == "model/config.yaml":
            # The bundle's config also records the shard count, which changes no result.
            record = yaml.safe_load(path.read_text())
            record["tokenise"].pop("shards")
            files[name] = record
        elif name == "model/bundle.json":
            record = json.loads(path.read_text())
            record["files"].pop("config.yaml")
            files[name] = record
        else:
            files[name] = path.read_bytes()
    return files
