"""The project stays within its own conventions: Snakemake's linter, snakefmt and ruff pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workflow_runner import ROOT, run_snakemake

BIN = Path(sys.executable).parent


def test_snakemake_lint_has_no_findings(workflow_copy: Path):
    result = run_snakemake(workflow_copy, "--lint", check=False)
    assert "Congratulations, your workflow is in a good condition!" in result.stdout + result.stderr


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_snakefiles_are_snakefmt_formatted():
    result = run_tool(str(BIN / "snakefmt"), "--check", "Snakefile", "workflow/rules")
    assert result.returncode == 0, result.stderr


def test_python_is_ruff_clean_and_formatted():
    folders = ["scripts", "tests", "benchmarks"]
    lint = run_tool(str(BIN / "ruff"), "check", *folders)
    assert lint.returncode == 0, lint.stdout
    formatted = run_tool(str(BIN / "ruff"), "format", "--check", *folders)
    assert formatted.returncode == 0, formatted.stdout
