"""Runs that persist: LangGraph checkpoints (SQLite, or Postgres) and one trace JSON per run.

`<home>/runs.sqlite` holds every checkpoint (the case state after each handoff, by run id = thread
id) unless `settings.checkpoint_url` names a PostgreSQL database (the `postgres` extra), which then
holds them instead; this module is the one place that picks. `<home>/traces/<run_id>.json` holds
the trace, always a file under the home. Either outlives the process that ran the case. Both
savers rebuild only casework's own types from a checkpoint (casework/serde.py).
A run id is a name, never a path: `[A-Za-z0-9_-]{1,64}`, checked wherever one comes in. The home is
created 0700 and runs.sqlite and traces 0600, since they hold users' tasks.
Not handled: pruning old runs (delete the files, or the rows), traces in the database, tightening
the permissions of a home or files that already exist.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ValidationError

from casework.config import Settings, ensure_home
from casework.engine.errors import UserError
from casework.engine.secrets import redact
from casework.orchestrator.agent import clip
from casework.orchestrator.trace import Trace
from casework.serde import serializer


class RunInfo(BaseModel):
    """One line of `casework runs list`."""

    run_id: str
    task: str
    started: str = ""
    outcome: str = ""
    route: list[str] = []
    ms: float = 0.0
    traced: bool = True
    checkpointed: bool = False


RUN_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def check_run_id(run_id: str) -> str:
    """The run id itself, or a UserError: an id names a file under traces/, so it can never be a path."""
    if not isinstance(run_id, str) or not RUN_ID.fullmatch(run_id):
        shown = repr(clip(run_id, 41)) if isinstance(run_id, str) else "?"
        raise UserError(
            f"not a run id: {shown} (a run id is 1-64 letters, digits, _ or -; see `casework runs list`)"
        )
    return run_id


def runs_db(settings: Settings) -> Path:
    return settings.home / "runs.sqlite"


def traces_dir(settings: Settings) -> Path:
    return settings.home / "traces"


def is_postgres(settings: Settings) -> bool:
    """Whether checkpoints go to PostgreSQL; a URL of any other scheme is a mistake, said so."""
    url = settings.checkpoint_url
    if not url:
        return False
    if not url.startswith(("postgresql://", "postgres://")):
        raise UserError(
            f"unsupported checkpoint URL {redact(url)!r}: give postgresql://user@host:port/database, "
            "or leave it unset for <home>/runs.sqlite"
        )
    return True


def location(settings: Settings) -> str:
    """Where the checkpoints live, for messages: the SQLite file or the (redacted) database URL."""
    return redact(settings.checkpoint_url) if is_postgres(settings) else str(runs_db(settings))


@contextmanager
def checkpointer(settings: Settings, state=None) -> Iterator:
    """The run checkpointer, closed when the block ends: Postgres when a URL is set, else SQLite.

    `state` is the flow's state type: only its own types are rebuilt from a checkpoint (serde.py).
    """
    if is_postgres(settings):
        with _postgres(settings.checkpoint_url, serializer(redact(settings.checkpoint_url), state)) as saver:
            yield saver
        return
    from langgraph.checkpoint.sqlite import SqliteSaver

    ensure_home(settings)
    runs_db(settings).touch(mode=0o600)  # before SQLite creates it world-readable (its WAL files follow)
    connection = sqlite3.connect(runs_db(settings), check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")  # no fsync per checkpoint: safe against a crash, ~free
    try:
        yield SqliteSaver(connection, serde=serializer(str(runs_db(settings)), state))
    finally:
        connection.close()


@contextmanager
def _postgres(url: str, serde) -> Iterator:
    """LangGraph's PostgresSaver on one connection, its tables created (or migrated) first."""
    try:
        import psycopg
        from langgraph.checkpoint.postgres import PostgresSaver
    except ImportError:
        raise UserError(
            "a postgresql:// checkpoint URL needs the postgres extra: pip install 'casework[postgres]'"
        ) from None
    try:
        connection = psycopg.connect(
            url, autocommit=True, prepare_threshold=0, row_factory=psycopg.rows.dict_row
        )
    except psycopg.OperationalError as error:
        reason = redact(str(error).strip().splitlines()[0]) if str(error).strip() else type(error).__name__
        raise UserError(f"cannot reach the checkpoint database {redact(url)}: {reason}") from None
    with connection:
        saver = PostgresSaver(connection, serde=serde)
        saver.setup()  # idempotent: creates the tables once, then only checks the migration count
        yield saver


def save_trace(settings: Settings, trace: Trace) -> Path:
    """Write a run's trace (whole, or not at all) and return its path."""
    check_run_id(trace.run_id)
    ensure_home(settings)
    folder = traces_dir(settings)
    folder.mkdir(mode=0o700, exist_ok=True)
    path, partial = folder / f"{trace.run_id}.json", folder / f".{trace.run_id}.json.tmp"
    partial.unlink(missing_ok=True)  # so the mode below applies: O_CREAT keeps an old file's mode
    with os.fdopen(
        os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8"
    ) as out:
        out.write(trace.model_dump_json(indent=1))
    partial.replace(path)  # atomic: a reader never sees half a trace
    return path


def _traces(settings: Settings) -> list[Trace]:
    traces = []
    for path in traces_dir(settings).glob("*.json"):
        if not path.is_file() or not RUN_ID.fullmatch(path.stem):
            continue  # a folder named x.json, or a file no run id could have written
        try:
            traces.append(Trace.model_validate_json(path.read_text(encoding="utf-8")))
        except (ValidationError, ValueError):
            continue  # a file of another schema version or not a trace: not ours to judge here
    return sorted(traces, key=lambda t: t.started)


def find_trace(settings: Settings, run_id: str) -> Trace | None:
    """The trace saved for exactly this run id, or None; a file there that is no trace is a UserError."""
    path = traces_dir(settings) / f"{check_run_id(run_id)}.json"
    if not path.is_file():
        return None
    try:
        return Trace.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError, OSError):  # its content is not echoed: it may be anything
        raise UserError(f"{path} is not a casework trace (schema version 1)") from None


def load_trace(settings: Settings, run: str = "last") -> Trace:
    """The trace of a run: its id, a unique prefix of it, or 'last'."""
    if run == "last":
        traces = _traces(settings)
        if not traces:
            raise UserError(f"no runs recorded yet in {settings.home} (run a task first)")
        return traces[-1]
    exact = find_trace(settings, run)
    if exact is not None:
        return exact
    matches = [t for t in _traces(settings) if t.run_id.startswith(run)]
    if len(matches) != 1:
        found = "no run" if not matches else f"{len(matches)} runs"
        raise UserError(f"{found} with id {run!r} in {settings.home} (see `casework runs list`)")
    return matches[0]


def checkpointed(settings: Settings) -> set[str]:
    """The run ids the checkpointer holds."""
    if is_postgres(settings):
        with checkpointer(settings) as saver:
            return {
                row["thread_id"] for row in saver.conn.execute("SELECT DISTINCT thread_id FROM checkpoints")
            }
    if not runs_db(settings).is_file():
        return set()
    with sqlite3.connect(runs_db(settings)) as connection:
        try:
            return {row[0] for row in connection.execute("SELECT DISTINCT thread_id FROM checkpoints")}
        except sqlite3.OperationalError:  # an empty database the saver has not set up yet
            return set()


def list_runs(settings: Settings) -> list[RunInfo]:
    """Every recorded run, oldest first; checkpointed runs without a trace are listed too."""
    saved = checkpointed(settings)
    runs = [
        RunInfo(
            run_id=t.run_id,
            task=t.task,
            started=t.started,
            outcome=t.outcome,
            route=t.route,
            ms=round(t.duration_ms(), 1),
            checkpointed=t.run_id in saved,
        )
        for t in _traces(settings)
    ]
    traced = {r.run_id for r in runs}
    return runs + [
        RunInfo(run_id=r, task="(no trace)", traced=False, checkpointed=True) for r in sorted(saved - traced)
    ]
