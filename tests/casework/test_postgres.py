"""Run history in a real PostgreSQL: a throwaway cluster (tests/pgcluster.py, the `database` fixture
of tests/conftest.py) on a free 127.0.0.1 port, the real CLI; skips, saying why, without PostgreSQL.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.config import Settings
from casework.engine.errors import UserError

from pgcluster import free_port

TASK = "summarize the agile posts"


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
