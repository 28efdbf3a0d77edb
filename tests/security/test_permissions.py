"""The home folder, the run history and traces are private to their owner (issue 15, item 13).

Before: the home was created 0755 and runs.sqlite and traces 0644 (world-readable) under the usual
umask 022, though they hold users' tasks.
"""

from __future__ import annotations

import os
import stat

import pytest

from casework import api
from casework.config import Settings


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_home_and_what_a_run_writes_are_private(tmp_path, corpus, usual_umask):
    here = Settings(home=tmp_path / "home", corpus=corpus)
    report = api.run("summarize: 애자일", here, human=True)
    assert mode(here.home) == 0o700
    assert mode(here.home / "runs.sqlite") == 0o600
    assert mode(here.home / "traces") == 0o700
    assert mode(here.home / "traces" / f"{report.run_id}.json") == 0o600
    api.resume(report.run_id, "finish", here)  # a trace rewritten stays private
    assert mode(here.home / "traces" / f"{report.run_id}.json") == 0o600
