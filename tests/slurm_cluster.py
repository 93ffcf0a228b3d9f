"""A throw-away one-node SLURM cluster on localhost, for the cluster integration test.

Debian's ``munge``, ``slurmctld`` and ``slurmd`` (installed by ``make slurm``) are started by
hand, as root, with a generated ``/etc/slurm/slurm.conf`` that describes this machine
(``slurmd -C``). Everything the test starts is recorded under ``STATE`` and stopped by PID in a
safe order by ``stop_everything``: the snakemake runs, then every SLURM job (``scancel``, and
wait for an empty queue, since stopping ``slurmd`` first would leave job processes running),
then the daemons. That clean-up runs when the test ends, at the start of the next run (for a
run that was killed), and from a watchdog process when the test's own process dies.

Run ``python tests/slurm_cluster.py --stop`` to clean up by hand.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# The job step clears SLURM_* variables, so SLURM_CONF cannot point elsewhere: the
# configuration has to be at the default path.
CONF = Path("/etc/slurm/slurm.conf")
CONF_MARK = "# Written by topicpipe's SLURM test (tests/slurm_cluster.py); removed when it ends."
STATE = Path(tempfile.gettempdir()) / "topicpipe-slurm-test"
# Outside STATE, which is deleted: one test cluster at a time on a machine.
LOCK = Path(tempfile.gettempdir()) / "topicpipe-slurm-test.lock"
MUNGE_SOCKET_DIR = Path("/run/munge")
COMMANDS = ("munged", "munge", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "sinfo")
SLURM_PORTS = (6817, 6818)  # slurmctld, slurmd
DAEMONS = ("slurmd", "slurmctld", "munged")  # stopping order


class ClusterUnavailable(Exception):
    """The cluster cannot run here; the message says why (the test is skipped with it)."""


def find(command: str) -> str | None:
    """The path of ``command``, also in the sbin folders where Debian puts the daemons."""
    return shutil.which(command, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")


def why_unavailable() -> str | None:
    """Why this machine cannot host the test cluster, or None if it can."""
    if os.geteuid() != 0:
        return "the SLURM test starts munge and SLURM daemons, which needs root"
    missing = [command for command in COMMANDS if find(command) is None]
    if not missing:
        return None
    if find("apt-get") is None:
        return f"SLURM is not installed ({', '.join(missing)} missing) and there is no apt-get"
    return (
        f"SLURM is not installed ({', '.join(missing)} missing): `make slurm` installs "
        "munge, slurmctld, slurmd and slurm-client with apt-get (it may have failed)"
    )


def process_name(pid: int) -> str | None:
    """The command name (15 characters at most) of a live process; None if gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Format: "pid (name) state ..."; the name may itself hold spaces or parentheses.
    name, state = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2]
    return None if state == "Z" else name


def processes_named(name: str) -> list[int]:
    """PIDs of the live processes called ``name``."""
    pids = (int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit())
    return [pid for pid in pids if process_name(pid) == name]


def record(kind: str, name: str, pid: int, state: Path = STATE) -> None:
    """Note a process this test started, so that any later clean-up can find it."""
    folder = state / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.{pid}").touch()


def recorded(kind: str, state: Path = STATE) -> list[tuple[str, int]]:
    """The (name, pid) of the live processes recorded under ``kind``."""
    found = []
    for path in sorted((state / kind).glob("*.*")):
        name, pid = path.name.rsplit(".", 1)
        # A PID can be reused once its process is gone: trust it only if the name matches.
        if process_name(int(pid)) == name[:15]:
            found.append((name, int(pid)))
    return found


def stop_process(pid: int, name: str, grace: float = 20) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds; returns when the process is gone."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5)):
        if process_name(pid) != name[:15]:
            return
        os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and process_name(pid) == name[:15]:
            time.sleep(0.2)


def cancel_all_jobs(timeout: float = 60) -> None:
    """Cancel every job of the test cluster and wait until the queue is empty."""
    subprocess.run(["scancel", "--user", "root"], capture_output=True, timeout=30)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        queue = subprocess.run(["squeue", "--noheader"], capture_output=True, text=True)
        if queue.returncode == 0 and not queue.stdout.strip():
            return
        time.sleep(0.5)


def stop_everything(state: Path = STATE) -> None:
    """Stop what a run of the test started and recorded in ``state``; remove its files."""
    for _, pid in recorded("runs", state):
        # `timeout` leads its own process group: this stops snakemake and its children too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    daemons = dict(recorded("daemons", state))
    if "slurmctld" in daemons and "slurmd" in daemons:
        cancel_all_jobs()
    for name in DAEMONS:
        if name in daemons:
            stop_process(daemons[name], name)
    if daemons.get("slurmd"):
        # Only our slurmd can have started job steps (a foreign one stops the test early).
        for pid in processes_named("slurmstepd"):
            stop_process(pid, "slurmstepd", grace=5)
    if CONF.is_file() and CONF.read_text().startswith(CONF_MARK):
        CONF.unlink()
    shutil.rmtree(state, ignore_errors=True)


def slurm_conf(node_line: str, state: Path) -> str:
    """The test cluster's slurm.conf: one node described by ``slurmd -C``, on localhost."""
    node = re.match(r"NodeName=(\S+)", node_line)
    if node is None:
        raise ClusterUnavailable(f"`slurmd -C` printed no node line: {node_line!r}")
    name = node.group(1)
    return f"""{CONF_MARK}
ClusterName=topicpipe-test
SlurmctldHost={name}(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation={state}/slurmctld
SlurmdSpoolDir={state}/slurmd
SlurmctldPidFile={state}/slurmctld.pid
SlurmdPidFile={state}/slurmd.pid
SlurmctldLogFile={state}/slurmctld.log
SlurmdLogFile={state}/slurmd.log
# No cgroups (no systemd) and no accounting database.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
# Jobs share the node by cores; a job larger than the node is refused instead of pending forever.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
EnforcePartLimits=ALL
# Without accounting, squeue is the plugin's status command: it must still list a
# finished job at the next status check, and until the test has read it: longer than the
# whole run (RUN_SECONDS) even on a loaded machine.
MinJobAge=900
ReturnToService=2
{node_line} NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes={name} Default=YES MaxTime=INFINITE State=UP
"""


def _wait_for(check, seconds: float, what: str, logs: list[Path]) -> None:
    """Poll ``check()`` until it is true; otherwise fail with the tail of ``logs``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    tails = "\n".join(
        f"--- {log}:\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:])
        for log in logs
        if log.is_file()
    )
    raise RuntimeError(f"{what} within {seconds:.0f} s\n{tails}")


def _munge_works() -> bool:
    return subprocess.run(["munge", "--no-input"], capture_output=True).returncode == 0


def _node_state() -> str:
    return subprocess.run(
        ["sinfo", "--noheader", "--format=%t"], capture_output=True, text=True
    ).stdout.strip()


def _port_in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Snakemake:
    """A snakemake run in the background, its output going to ``log``."""

    process: subprocess.Popen
    log: Path

    def wait(self) -> tuple[int, str]:
        """Wait for the run to end; its exit code (137: killed by the time limit), its output."""
        returncode = self.process.wait()
        return returncode, self.log.read_text(errors="replace")


@dataclass
class Cluster:
    """The running test cluster (see ``start``); ``stop`` ends everything it started."""

    lock: int
    state: Path = STATE
    children: list[subprocess.Popen] = field(default_factory=list)

    @classmethod
    def start(cls, lock_wait: float = 600) -> Cluster:
        """Start munge (unless one already answers), slurmctld and slurmd; wait for the node."""
        lock = os.open(LOCK, os.O_CREAT | os.O_RDWR)
        deadline = time.monotonic() + lock_wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(lock)
                    raise ClusterUnavailable(
                        f"another run of the SLURM test held {LOCK} for {lock_wait:.0f} s"
                    ) from None
                time.sleep(1)
        cluster = cls(lock=lock)
        try:
            stop_everything(cluster.state)  # what a killed run left behind
            cluster._check_machine_is_free()
            cluster._start_daemons()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _check_machine_is_free(self) -> None:
        if CONF.exists() and not CONF.read_text().startswith(CONF_MARK):
            raise ClusterUnavailable(f"{CONF} exists and was not written by this test")
        for daemon in ("slurmctld", "slurmd"):
            if processes_named(daemon):
                raise ClusterUnavailable(f"a {daemon} not started by this test is running")
        for port in SLURM_PORTS:
            if _port_in_use(port):
                raise ClusterUnavailable(f"port {port}, which SLURM needs, is in use")

    def _daemon(self, name: str, command: list[str]) -> None:
        log = self.state / f"{name}.out"
        with log.open("w") as out:
            # A session of its own: a Ctrl-C meant for pytest does not reach the daemon first.
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.children.append(process)
        record("daemons", name, process.pid, self.state)

    def _start_daemons(self) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        self._start_watchdog()
        node_line = subprocess.run(
            [find("slurmd"), "-C"], capture_output=True, text=True, check=True
        ).stdout.splitlines()[0]
        CONF.parent.mkdir(parents=True, exist_ok=True)
        CONF.write_text(slurm_conf(node_line, self.state))
        if not _munge_works():
            MUNGE_SOCKET_DIR.mkdir(exist_ok=True)
            shutil.chown(MUNGE_SOCKET_DIR, "munge", "munge")
            # munged runs as the munge user, who owns its key; setpriv execs it as that
            # user (runuser would fork), so the PID we record is munged's own.
            self._daemon(
                "munged",
                [
                    "setpriv",
                    "--reuid=munge",
                    "--regid=munge",
                    "--init-groups",
                    find("munged"),
                    "-F",
                ],
            )
            _wait_for(_munge_works, 15, "munged did not answer", [self.state / "munged.out"])
        logs = [self.state / name for name in ("slurmctld.log", "slurmd.log")]
        self._daemon("slurmctld", [find("slurmctld"), "-D"])
        self._daemon("slurmd", [find("slurmd"), "-D"])
        _wait_for(lambda: _node_state() == "idle", 30, "the SLURM node did not become idle", logs)

    def _start_watchdog(self) -> None:
        """A process that cleans up if this one dies without doing so (e.g. SIGKILL)."""
        watchdog = subprocess.Popen(
            [sys.executable, __file__, "--watch", str(os.getpid())],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.children.append(watchdog)
        record("watchdog", Path(sys.executable).name, watchdog.pid, self.state)

    def start_snakemake(self, workdir: Path, *args: str, seconds: int) -> Snakemake:
        """Start ``snakemake ARGS`` in ``workdir``, killed after ``seconds`` if still running."""
        log = workdir / "snakemake.out"
        env = {key: value for key, value in os.environ.items() if key != "SLURM_CONF"}
        with log.open("w") as out:
            process = subprocess.Popen(
                ["timeout", "-s", "KILL", str(seconds), sys.executable, "-m", "snakemake", *args],
                cwd=workdir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        self.children.append(process)
        # GNU timeout puts itself and the command in a process group of its own.
        record("runs", "timeout", process.pid, self.state)
        return Snakemake(process, log)

    def jobs(self) -> list[dict[str, str]]:
        """Every job the cluster still lists (finished ones for MinJobAge seconds)."""
        listing = subprocess.run(
            ["squeue", "--states=all", "--noheader", "--format=%i|%T|%j|%k"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        keys = ("id", "state", "name", "comment")
        return [
            dict(zip(keys, line.split("|", 3), strict=True))
            for line in listing.splitlines()
            if line
        ]

    def stop(self) -> None:
        """Stop everything this cluster started, then let the next test run have the machine."""
        for _, pid in recorded("watchdog", self.state):
            stop_process(pid, Path(sys.executable).name, grace=5)
        stop_everything(self.state)
        for child in self.children:
            child.wait()  # reap, so that no zombie is left
        fcntl.flock(self.lock, fcntl.LOCK_UN)
        os.close(self.lock)


def _watch(pid: int) -> None:
    """Wait for process ``pid`` to end, then clean up after it (under the lock)."""
    name = process_name(pid)
    while name is not None and process_name(pid) == name:
        time.sleep(1)
    lock = os.open(LOCK, os.O_CREAT | os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)
    stop_everything()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--watch"]:
        _watch(int(sys.argv[2]))
    elif sys.argv[1:] == ["--stop"]:
        stop_everything()
    else:
        sys.exit("usage: python tests/slurm_cluster.py --stop | --watch PID")
