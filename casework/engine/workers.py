"""Work shared out over worker processes, one per core: each a fresh `python -m MODULE ARGS`.

A worker reads its share on stdin and writes its result on stdout. A fresh interpreter imports
only its module's needs; a multiprocessing worker would first import the parent's main module,
which for the `casework` command is the whole CLI (seconds, on every worker).
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from subprocess import PIPE

from casework.engine.weights import cache_root

ONE_THREAD = {"CASEWORK_ENCODER_THREADS": "1"}  # each worker is one core: two BLAS threads each would fight


def cores() -> int:
    """How many workers to start: one per core, two at most (what the machines here have)."""
    return max(1, min(2, os.cpu_count() or 1))


def share_out(module: str, args: list[str], payloads: list[bytes]) -> list[bytes]:
    """Run one `python -m module args` per payload, all at once; their outputs, in order."""
    command = [sys.executable, "-m", module, *args]
    env = {**os.environ, **ONE_THREAD, "CASEWORK_CACHE": str(cache_root())}  # the parent's home's cache
    running = [subprocess.Popen(command, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=env) for _ in payloads]
    with ThreadPoolExecutor(max(1, len(running))) as feeding:  # each pipe fed and drained at once
        outputs = list(feeding.map(lambda process, payload: process.communicate(payload), running, payloads))
    for process, (_out, err) in zip(running, outputs):
        if process.returncode:
            raise RuntimeError(f"{module} failed: {err.decode(errors='replace').strip()[-2000:]}")
    return [out for out, _err in outputs]
