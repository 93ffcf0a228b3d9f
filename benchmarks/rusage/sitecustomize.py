"""Exact CPU time and peak RSS of every Python process of a benchmarked workflow run.

bench_scale.py puts this folder on PYTHONPATH and names a log file in
TOPICPIPE_RUSAGE_LOG; each Python process then appends one JSON line when it exits: its
script, wall seconds since start-up, CPU seconds (user + system, its own and its waited-for
children's) and peak RSS (the kernel's high-water mark of the process, ``VmHWM``: unlike
``ru_maxrss``, which keeps the peak of the Snakemake process the job was forked from).
Snakemake's benchmark files sample a job every second for 30 s and every 30 s after that,
so they can miss a short peak and the CPU time of a job's last half-minute.
"""

import atexit
import json
import os
import resource
import sys
import time

_LOG = os.environ.get("TOPICPIPE_RUSAGE_LOG")
_START = time.perf_counter()


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux; 0 where /proc is missing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _record() -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    row = {
        "script": os.path.basename(sys.argv[0]) if sys.argv else "",
        "pid": os.getpid(),
        "wall": time.perf_counter() - _START,
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "max_rss_mb": _peak_rss_mb(),
    }
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(json.dumps(row) + "\n")


if _LOG:
    atexit.register(_record)
