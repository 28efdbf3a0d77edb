"""A throwaway PostgreSQL cluster on a free 127.0.0.1 port, for tests of run history in Postgres.

`cluster()` yields the URL of a fresh cluster and stops it (pg_ctl, then its PID) and deletes it
afterwards. It skips, saying why, when the PostgreSQL server binaries (Debian's `postgresql`) or
the `postgres` extra are missing; .ci/run installs both.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
INITDB = BIN[-1] if BIN else shutil.which("initdb")


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


@contextmanager
def cluster() -> Iterator[str]:
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
        start = [*owner, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "30", "-o", options]
        subprocess.run([*start, "start"], check=True, capture_output=True, timeout=60)
        pid = int((data / "postmaster.pid").read_text().split()[0])
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
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
