"""Run the real Snakemake workflow on a copy of the project in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from defaults import CONFIG, ROOT, deep_merge

# What a workflow run needs from the project tree.
WORKFLOW_PARTS = ("Snakefile", "config.yaml", "workflow", "scripts")
# The workflow's profile (rule defaults), as the README's commands use it.
PROFILE = "workflow/profiles/default"


def copy_workflow(destination: Path) -> Path:
    """Copy the workflow (not results, caches or the venv) into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in WORKFLOW_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=ignore)
        else:
            shutil.copy2(source, destination / part)
    return destination


def write_config(workdir: Path, overrides: dict[str, Any]) -> Path:
    """Write ``config.yaml`` in ``workdir``: the project defaults updated by ``overrides``."""
    path = workdir / "config.yaml"
    path.write_text(yaml.safe_dump(deep_merge(CONFIG, overrides)), encoding="utf-8")
    return path


def run_snakemake(
    workdir: Path, *args: str, check: bool = True, cores: int = 2
) -> subprocess.CompletedProcess[str]:
    """Run ``snakemake`` in ``workdir`` with the test interpreter and the workflow profile;
    return the finished process."""
    command = [sys.executable, "-m", "snakemake", "--workflow-profile", PROFILE]
    command += ["--cores", str(cores), *args]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(
            f"snakemake {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-6000:]}"
        )
    return result
