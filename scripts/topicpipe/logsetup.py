"""Logging for the pipeline's steps: progress goes to the rule's log file and stderr."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def get_logger(name: str, log_path: str | None = None) -> logging.Logger:
    """Return a logger writing timestamped lines to ``log_path`` (if given) and stderr."""
    logger = logging.getLogger(f"topicpipe.{name}")
    logger.setLevel(logging.INFO)
    logger.handlers.clear()
    logger.propagate = False
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_path:
        handlers.append(logging.FileHandler(log_path, mode="w", encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    return logger


def log_library_to_file(library: str, log: logging.Logger) -> None:
    """Send ``library``'s log records to ``log``'s file only (not stderr): its progress
    lines are many, and many jobs may run at once."""
    library_log = logging.getLogger(library)
    library_log.handlers = [h for h in log.handlers if isinstance(h, logging.FileHandler)]
    library_log.propagate = False


@contextmanager
def stop_on(*errors: type[Exception], stage: str, log: logging.Logger) -> Iterator[None]:
    """Turn any of ``errors`` into a clean stop of the step: the message (which names the
    file or setting and the fix) goes to the log and, as ``<stage>: <message>``, to stderr."""
    try:
        yield
    except errors as error:
        log.error("%s", error)
        raise SystemExit(f"{stage}: {error}") from None
