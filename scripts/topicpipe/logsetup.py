"""Logging for the pipeline's scripts: progress goes to the rule's log file and stderr."""

from __future__ import annotations

import logging
import sys


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
