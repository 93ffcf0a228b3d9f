"""A step that stops says why on stderr and in its log, prefixed by the stage."""

from __future__ import annotations

import pytest

from topicpipe.logsetup import get_logger, stop_on


def test_known_errors_stop_the_step_with_the_stage_and_the_message(tmp_path):
    log_path = tmp_path / "step.log"
    log = get_logger("test_step", str(log_path))
    with pytest.raises(SystemExit) as stopped, stop_on(ValueError, stage="corpus", log=log):
        raise ValueError("no term survived pruning; lower dictionary.no_below")
    assert str(stopped.value) == "corpus: no term survived pruning; lower dictionary.no_below"
    assert "ERROR" in log_path.read_text() and "dictionary.no_below" in log_path.read_text()
    with pytest.raises(KeyError), stop_on(ValueError, stage="corpus", log=log):
        raise KeyError("a bug is not a user's error and keeps its traceback")
