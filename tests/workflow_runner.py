"""Run the real Snakemake workflow on a copy of the project in a temporary folder."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
# What a workflow run needs from the project tree.
WORKFLOW_PARTS = ("Snakefile", "config.yaml", "workflow", "scripts")


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``base`` updated by ``override``, merging nested dicts key by key."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


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
    defaults = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    path = workdir / "config.yaml"
    path.write_text(yaml.safe_dump(deep_merge(defaults, overrides)), encoding="utf-8")
    return path


def run_snakemake(
    workdir: Path, *args: str, check: bool = True, cores: int = 2
) -> subprocess.CompletedProcess[str]:
    """Run ``snakemake`` in ``workdir`` with the test interpreter; return the finished process."""
    command = [sys.executable, "-m", "snakemake", "--cores", str(cores), *args]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(
            f"snakemake {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-6000:]}"
        )
    return result
