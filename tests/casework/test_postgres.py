"""Run history in a real PostgreSQL: a throwaway cluster on a free 127.0.0.1 port, the real CLI.

Skips, saying why, when the PostgreSQL server binaries (Debian's `postgresql`) or the `postgres`
extra are missing; .ci/run installs both.
"""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.config import Settings
from casework.engine.errors import UserError

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
INITDB = BIN[-1] if BIN else shutil.which("initdb")
TASK = "summarize the agile posts"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_owner() -> list[str]:
    """initdb and postgres refuse root: as root, run them as the `postgres` system user."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no `postgres` user to own the test cluster")
    return ["runuser", "-u", "postgres", "--"]


@pytest.fixture(scope="module")
def database():
    """The URL of a fresh PostgreSQL cluster, stopped (by its PID's pg_ctl) and deleted afterwards."""
    if INITDB is None:
        pytest.skip(
            "PostgreSQL server binaries not found (apt-get install -y postgresql); .ci/run installs them"
        )
    pytest.importorskip(
        "langgraph.checkpoint.postgres",
        reason="the postgres extra is not installed (pip install -e '.[postgres]'); .ci/run installs it",
    )
    owner = as_owner()
    pg_ctl = str(Path(INITDB).with_name("pg_ctl"))
    folder = Path(tempfile.mkdtemp(prefix="casework-pg-"))  # under /tmp, not pytest's root-only tmp_path
    if owner:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    try:
        subprocess.run(
            [*owner, INITDB, "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [
                *owner,
                pg_ctl,
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-t",
                "30",
                "-o",
                options,
                "start",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        pid = int((data / "postmaster.pid").read_text().split()[0])
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        subprocess.run(
            [*owner, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True, timeout=60
        )
        try:
            os.kill(pid, 0)  # still there after pg_ctl stop: end it by its PID
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def threads(url: str) -> set[str]:
    import psycopg

    with psycopg.connect(url) as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT thread_id FROM checkpoints")}


def test_a_run_is_checkpointed_in_postgres_and_listed(database, settings):
    home = str(settings.home)
    result = CliRunner().invoke(
        app, ["run", TASK, "--home", home, "--checkpoint-url", database, "--json", "-q"]
    )
    assert result.exit_code == 0, result.output
    run_id = json.loads(result.stdout)["run_id"]
    assert run_id in threads(database)
    assert (settings.home / "traces" / f"{run_id}.json").is_file()  # traces stay files under the home
    listed = CliRunner().invoke(app, ["runs", "list", "--home", home, "--checkpoint-url", database, "--json"])
    assert {r["run_id"]: r["checkpointed"] for r in json.loads(listed.stdout)}[run_id] is True
    sqlite_only = CliRunner().invoke(app, ["runs", "list", "--home", home, "--json"])
    assert {r["run_id"]: r["checkpointed"] for r in json.loads(sqlite_only.stdout)}[run_id] is False


def test_a_paused_run_resumes_from_postgres_in_a_new_call(database, settings, monkeypatch):
    monkeypatch.setenv("CASEWORK_CHECKPOINT_URL", database)  # the environment works as the option does
    here = Settings(home=settings.home)
    report = api.run("summarize: 애자일", here, human=True)
    assert report.outcome == "paused" and report.run_id in threads(database)
    while report.outcome == "paused":
        report = api.resume(report.run_id, "approve", here)
    assert report.outcome == "completed"


def test_an_unreachable_or_foreign_url_is_one_clear_line(database, settings):
    dead = f"postgresql://postgres:secret@127.0.0.1:{free_port()}/postgres"
    result = CliRunner().invoke(app, ["runs", "list", "--home", str(settings.home), "--checkpoint-url", dead])
    assert result.exit_code == 1 and "cannot reach the checkpoint database" in result.output
    assert "secret" not in result.output
    with pytest.raises(UserError, match="unsupported checkpoint URL"):
        api.list_runs(Settings(home=settings.home, checkpoint_url="mysql://x@127.0.0.1/db"))
