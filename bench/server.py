"""A throwaway `chroma run` server on a free 127.0.0.1 port, for tests and benches.

    python -m bench server [--seconds N]    (starts one, prints its URL, stops it after N s)

The server is started from this venv's `chroma` script and stopped by its PID, never by name.
Not handled: auth tokens, TLS, a server on another host.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMA = Path(sys.executable).with_name("chroma")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_heartbeat(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Return once the server answers its heartbeat; RuntimeError if it dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chroma run exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no heartbeat from {url} within {timeout:.0f}s")


def stop(process: subprocess.Popen) -> None:
    """Stop the server by its PID: SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def chroma_server(path: Path, port: int | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """A running server storing in `path`: yields (url, process); stopped on exit."""
    port = port or free_port()
    log = open(path.parent / f"chroma-{port}.log", "wb")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_heartbeat(url, process)
        yield url, process
    finally:
        stop(process)
        log.close()


def main(argv: list[str]) -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m bench server")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, chroma_server(Path(folder) / "chroma") as (url, _):
        print(url, flush=True)
        time.sleep(args.seconds)
    return 0
