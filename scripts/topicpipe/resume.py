"""After an interruption: what a killed run left behind, and how to resume it in one command.

A run stopped by a kill or a power loss leaves Snakemake's lock (``.snakemake/locks``)
and a marker for each output that was being written (``.snakemake/incomplete``). Snakemake
then asks, one command at a time, for ``--rerun-incomplete`` and ``--unlock``; the
Snakefile prints ``resume_note`` first, which names the one command that does both
(``make resume``), unless another Snakemake run is still working in the folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

RESUME_COMMAND = "make resume"
# What `make resume` runs, for a user without make (with the same --config options).
RESUME_BY_HAND = "snakemake --unlock, then snakemake --cores all --rerun-incomplete"


def leftovers(workdir: str | Path) -> tuple[int, int]:
    """(lock files, unfinished outputs) that Snakemake's records in ``workdir`` hold."""
    state = Path(workdir) / ".snakemake"
    locks = sum(1 for _ in (state / "locks").glob("*.lock"))
    unfinished = 0
    for _, _, files in os.walk(state / "incomplete"):
        unfinished += sum(1 for name in files if name != "migration_underway")
    return locks, unfinished


def _ancestors(pid: int, proc: Path) -> set[int]:
    """``pid`` and the processes that started it (from ``/proc/<pid>/stat``)."""
    seen = set()
    while pid > 1 and pid not in seen:
        seen.add(pid)
        try:
            stat = (proc / str(pid) / "stat").read_text()
        except OSError:
            break
        # The command name (in brackets) may hold spaces; the parent pid follows it.
        pid = int(stat.rsplit(")", 1)[1].split()[1])
    return seen


def other_snakemake_runs(
    workdir: str | Path, own_pid: int | None = None, proc: str | Path = "/proc"
) -> list[int]:
    """Processes, other than ``own_pid`` and its ancestors, that run Snakemake (or one of its
    jobs) in ``workdir``; empty where ``/proc`` cannot be read."""
    proc = Path(proc)
    mine = _ancestors(os.getpid() if own_pid is None else own_pid, proc)
    target = Path(workdir).resolve()
    found = []
    for entry in _process_dirs(proc):
        pid = int(entry.name)
        if pid in mine:
            continue
        try:
            if Path(os.readlink(entry / "cwd")).resolve() != target:
                continue
            command = (entry / "cmdline").read_bytes().rstrip(b"\0").decode(errors="replace")
        except OSError:
            continue
        if runs_snakemake(command.split("\0")):
            found.append(pid)
    return sorted(found)


def runs_snakemake(argv: list[str]) -> bool:
    """Whether a command line starts Snakemake (``snakemake ...``, ``python -m snakemake``);
    a command that only names a file under ``.snakemake/`` (``tail``, an editor) does not."""
    return any(Path(arg).name == "snakemake" for arg in argv)


def _process_dirs(proc: Path) -> Iterable[Path]:
    try:
        return [entry for entry in proc.iterdir() if entry.name.isdigit()]
    except OSError:
        return []


def resume_note(locks: int, unfinished: int, arguments: Iterable[str]) -> str:
    """What to tell a user whose last run was interrupted; "" when there is nothing left
    behind or the command already resumes (``--unlock``, ``--rerun-incomplete``)."""
    arguments = set(arguments)
    if "--unlock" in arguments:
        return ""
    resuming = bool(arguments & {"--rerun-incomplete", "--ri"})
    left = []
    if locks:
        left.append("its lock (.snakemake/locks)")
    if unfinished and not resuming:
        left.append(f"{unfinished} unfinished output{'s' * (unfinished > 1)}")
    if not left:
        return ""
    return (
        f"topicpipe: the last run in this folder was interrupted and left {' and '.join(left)}. "
        f"If no other run is working here, resume it with `{RESUME_COMMAND}` (add your "
        f'ARGS="--config ..." if you gave any), or by hand: {RESUME_BY_HAND}. Finished results '
        "are kept; only the unfinished jobs run again."
    )


def unlock_refusal(workdir: str | Path, arguments: Iterable[str]) -> str:
    """A message refusing ``--unlock`` while another Snakemake run works in ``workdir`` (its
    lock is in use), else ""."""
    if "--unlock" not in set(arguments):
        return ""
    others = other_snakemake_runs(workdir)
    if not others:
        return ""
    return (
        f"another Snakemake run (process {', '.join(map(str, others))}) is working in this "
        "folder, so its lock is in use, not left behind: wait for it to finish, or stop it, "
        f"before `{RESUME_COMMAND}`."
    )


def interrupted_run_note(workdir: str | Path, arguments: Iterable[str]) -> str:
    """``resume_note`` for ``workdir``, or "" while another Snakemake run works there (its
    lock is then in use, not left behind)."""
    note = resume_note(*leftovers(workdir), arguments)
    if note and other_snakemake_runs(workdir):
        return ""
    return note
