"""After a kill, the next run names the one command that resumes, unless a run is still going."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from topicpipe.resume import (
    interrupted_run_note,
    leftovers,
    other_snakemake_runs,
    resume_note,
    runs_snakemake,
    unlock_refusal,
)


def killed_run(workdir: Path) -> Path:
    """What a killed Snakemake run leaves in ``workdir``: its lock and two markers."""
    state = workdir / ".snakemake"
    (state / "locks").mkdir(parents=True)
    (state / "locks" / "0.input.lock").write_text("results/a\n")
    (state / "locks" / "0.output.lock").write_text("results/b\n")
    (state / "incomplete").mkdir()
    for marker in ("cmVzdWx0cy9h", "cmVzdWx0cy9i"):
        (state / "incomplete" / marker).write_text("{}")
    return workdir


def test_a_killed_run_is_found_and_the_note_names_make_resume(tmp_path):
    workdir = killed_run(tmp_path)
    assert leftovers(workdir) == (2, 2)
    note = interrupted_run_note(workdir, ["snakemake", "--cores", "2"])
    assert "interrupted" in note and "its lock" in note and "2 unfinished outputs" in note
    assert "`make resume`" in note and "--rerun-incomplete" in note


def test_no_note_for_a_clean_folder_or_while_resuming(tmp_path):
    assert leftovers(tmp_path) == (0, 0)
    assert interrupted_run_note(tmp_path, ["snakemake"]) == ""
    assert resume_note(2, 3, ["snakemake", "--unlock"]) == ""
    assert resume_note(0, 3, ["snakemake", "--rerun-incomplete"]) == ""
    assert "its lock" in resume_note(2, 3, ["snakemake", "--ri"])
    assert "unfinished output" not in resume_note(2, 3, ["snakemake", "--ri"])


def test_snakemake_command_lines_are_told_from_others():
    assert runs_snakemake(["/venv/bin/python", "/venv/bin/snakemake", "--cores", "2"])
    assert runs_snakemake(["python3", "-m", "snakemake", "-n"])
    assert not runs_snakemake(["tail", "-f", ".snakemake/log/run.snakemake.log"])
    assert not runs_snakemake(["python", ".snakemake/scripts/tmpab12.ingest.py"])


def test_a_live_run_in_the_folder_silences_the_note_and_blocks_unlock(tmp_path):
    workdir = killed_run(tmp_path)
    # A stand-in for a Snakemake run that is still working here.
    live = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)", "snakemake"], cwd=workdir
    )
    try:
        assert other_snakemake_runs(workdir) == [live.pid]
        assert other_snakemake_runs(workdir, own_pid=live.pid) == []
        assert interrupted_run_note(workdir, ["snakemake"]) == ""
        refusal = unlock_refusal(workdir, ["snakemake", "--unlock"])
        assert f"process {live.pid}" in refusal and "wait for it" in refusal
        assert unlock_refusal(workdir, ["snakemake"]) == ""
    finally:
        live.kill()
        live.wait()
    assert unlock_refusal(workdir, ["snakemake", "--unlock"]) == ""
