"""A checkpoint planted in the run history must not run code (issue 15, item 1).

The attacker writes a row that names `os.system` with a marker command, into `<home>/runs.sqlite` or
into a shared Postgres database, then waits for `casework resume`. The real console script runs in a
subprocess, so everything it prints (LangGraph's logged warnings included) is seen.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import ormsgpack
import pytest

from casework import api
from casework.config import Settings

CASEWORK = str(Path(sys.executable).with_name("casework"))
TASK = "summarize: 애자일"
CONSTRUCTOR_SINGLE_ARG = 0  # LangGraph's msgpack extension: module, name, one argument -> module.name(arg)


def casework(*args: str, answers: str = "", strict: bool = False) -> subprocess.CompletedProcess:
    """The installed `casework` command, its stdin the person's answers."""
    env = {**os.environ, "LANGGRAPH_STRICT_MSGPACK": "true" if strict else "false", "COLUMNS": "200"}
    return subprocess.run(
        [CASEWORK, *args], input=answers, capture_output=True, text=True, env=env, timeout=300
    )


def payload(marker: Path) -> bytes:
    """A msgpack value that, loaded by a permissive serializer, calls os.system('touch MARKER')."""
    call = ormsgpack.packb(("os", "system", f"touch {marker}"))
    return ormsgpack.packb(ormsgpack.Ext(CONSTRUCTOR_SINGLE_ARG, call))


def paused_run(settings: Settings) -> str:
    report = api.run(TASK, settings, human=True)
    assert report.outcome == "paused"
    return report.run_id


def plant_in_sqlite(settings: Settings, run_id: str, marker: Path) -> None:
    """Rewrite the run's latest checkpoint so that its `intent` channel is the os.system call."""
    with sqlite3.connect(settings.home / "runs.sqlite") as connection:
        checkpoint_id, blob = connection.execute(
            "SELECT checkpoint_id, checkpoint FROM checkpoints WHERE thread_id = ? "
            "ORDER BY checkpoint_id DESC LIMIT 1",
            (run_id,),
        ).fetchone()
        # Extensions stay opaque here: nothing stored is constructed while planting.
        checkpoint = ormsgpack.unpackb(blob, ext_hook=ormsgpack.Ext, option=ormsgpack.OPT_NON_STR_KEYS)
        checkpoint["channel_values"]["intent"] = ormsgpack.unpackb(payload(marker), ext_hook=ormsgpack.Ext)
        connection.execute(
            "UPDATE checkpoints SET type = 'msgpack', checkpoint = ? "
            "WHERE thread_id = ? AND checkpoint_id = ?",
            (ormsgpack.packb(checkpoint, option=ormsgpack.OPT_NON_STR_KEYS), run_id, checkpoint_id),
        )


def plant_in_postgres(url: str, run_id: str, marker: Path) -> None:
    """Replace every stored `handoffs` value of the run (a blob row per version) with the os.system call."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        changed = connection.execute(
            "UPDATE checkpoint_blobs SET type = 'msgpack', blob = %s "
            "WHERE thread_id = %s AND channel = 'handoffs'",
            (payload(marker), run_id),
        ).rowcount
    assert changed > 0, "nothing planted: the table layout changed"


def assert_refused(result: subprocess.CompletedProcess, marker: Path) -> None:
    assert not marker.exists(), "the planted checkpoint ran its command"
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "os.system" in lines[0]


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict-msgpack"])
def test_a_planted_sqlite_checkpoint_is_refused_in_one_line(settings, tmp_path, strict):
    marker = tmp_path / "pwned"
    run_id = paused_run(settings)
    plant_in_sqlite(settings, run_id, marker)
    result = casework("resume", run_id, "--home", str(settings.home), answers="approve\n" * 10, strict=strict)
    assert_refused(result, marker)


def test_a_planted_postgres_checkpoint_is_refused_in_one_line(database, settings, tmp_path):
    marker = tmp_path / "pwned"
    here = Settings(home=settings.home, checkpoint_url=database)
    run_id = paused_run(here)
    plant_in_postgres(database, run_id, marker)
    result = casework(
        "resume", run_id, "--home", str(settings.home), "--checkpoint-url", database, answers="approve\n" * 10
    )
    assert_refused(result, marker)


def human_run_then_resume(settings: Settings, *options: str, strict: bool) -> None:
    home = ["--home", str(settings.home), *options]
    started = casework("run", TASK, "--human", "--json", *home, answers="quit\n", strict=strict)
    assert started.returncode == 0, started.stderr
    run_id = re.search(r"casework resume (\S+)", started.stderr).group(1)
    finished = casework("resume", run_id, "--json", *home, answers="approve\n" * 10, strict=strict)
    assert finished.returncode == 0, finished.stderr
    assert '"outcome": "completed"' in finished.stdout
    for said in (started.stderr, finished.stderr):
        assert "unregistered type" not in said and "Blocked deserialization" not in said, said


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict-msgpack"])
def test_a_human_run_resumes_to_the_end_without_serializer_warnings(settings, strict):
    human_run_then_resume(settings, strict=strict)


def test_a_human_run_resumes_from_postgres_without_serializer_warnings(database, settings):
    human_run_then_resume(settings, "--checkpoint-url", database, strict=False)


def test_a_pickled_or_unreadable_checkpoint_is_refused_before_it_is_loaded(tmp_path):
    import pickle

    from casework.engine.errors import UserError
    from casework.serde import serializer

    marker = tmp_path / "pwned"

    class Bomb:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    serde = serializer("the test database")
    with pytest.raises(UserError, match="stored as 'pickle'"):
        serde.loads_typed(("pickle", pickle.dumps(Bomb())))
    with pytest.raises(UserError, match="cannot be read"):
        serde.loads_typed(("msgpack", b"\xc1 not msgpack"))
    assert not marker.exists()
