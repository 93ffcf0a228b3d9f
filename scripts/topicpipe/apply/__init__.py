"""Apply a trained model to new documents: the model bundle (``results/model/``, ``bundle``),
what to apply it to (``request``), and the run on files (``stage``), which the rule
``apply_model`` and ``python -m topicpipe.apply BUNDLE INPUT OUTPUT`` share."""

from topicpipe.apply.bundle import Bundle, BundleError, open_bundle, write_bundle
from topicpipe.apply.request import ApplyError, apply_name, requested
from topicpipe.apply.stage import ApplyPaths, apply_bundle

__all__ = [
    "ApplyError",
    "ApplyPaths",
    "Bundle",
    "BundleError",
    "apply_bundle",
    "apply_name",
    "open_bundle",
    "requested",
    "write_bundle",
]
