"""The main job against the bare import of its own dependencies: both as fresh processes, in turn.

Issue 10's bar is the main job at most 1.5x `python -c "import ..."` of the dependencies it uses.
Which ones is read, not written by hand: one run of the job with a hook on `import` lists the
third-party modules casework's own code imports (`langgraph.graph`, `chromadb`, ...; what those
import in turn comes with them). The two commands then run in turn, A B A B ..., and the ratio is
taken pair by pair, so a machine that slows down midway slows both sides of a pair.
Not handled: the hook sees `import` statements and `__import__`, not importlib.import_module.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# Runs `casework ARGS...` in-process with the hook and writes the modules it saw to the file OUT.
RECORDER = """
import builtins, json, runpy, sys
out, args = sys.argv[1], sys.argv[2:]
standard, seen, real = set(sys.stdlib_module_names), {}, builtins.__import__
def hook(name, globals=None, locals=None, fromlist=(), level=0):
    module = real(name, globals, locals, fromlist, level)
    importer = (globals or {}).get("__name__", "")
    ours = importer == "__main__" or importer.split(".")[0] == "casework"
    if ours and level == 0 and name.split(".")[0] not in standard | {"casework"}:
        if not any(part.startswith("_") for part in name.split(".")):  # a package's insides: not ours
            modules = [f"{name}.{item}" for item in fromlist or () if f"{name}.{item}" in sys.modules]
            for found in modules or [name]:
                seen.setdefault(found, None)
    return module
builtins.__import__ = hook
sys.argv = ["casework", *args]
try:
    runpy.run_module("casework.cli", run_name="__main__")
except SystemExit as stop:
    if stop.code not in (0, None):
        raise
finally:
    open(out, "w").write(json.dumps(list(seen)))
"""

# Times one command as a fresh process: wall seconds, CPU seconds and peak RSS (KB) of its children.
# A small launcher of its own: a child forked from the (large) bench would start at the bench's RSS.
LAUNCHER = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def job_command(*args: str) -> list[str]:
    """`casework ARGS` as a user runs it: the console script beside this Python, else `-m casework.cli`."""
    script = Path(sys.executable).with_name("casework")
    return [str(script), *args] if script.is_file() else [sys.executable, "-m", "casework.cli", *args]


def dependency_imports(args: list[str], scratch: Path) -> list[str]:
    """The third-party modules that casework's code imports while it runs `casework ARGS`."""
    out = scratch / "imports.json"
    subprocess.run([sys.executable, "-c", RECORDER, str(out), *args], check=True, capture_output=True)
    return json.loads(out.read_text())


def import_command(modules: list[str]) -> list[str]:
    return [sys.executable, "-c", f"import {', '.join(modules)}"]


def timed(command: list[str]) -> dict:
    """One fresh process: {"wall": s, "cpu": s, "rss_mb": MB}."""
    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command], check=True, capture_output=True, text=True
    ).stdout
    wall, cpu, rss_kb = out.split()
    return {"wall": float(wall), "cpu": float(cpu), "rss_mb": int(rss_kb) / 1024}


def side_by_side(job: Callable[[], list[str]], bare: list[str], runs: int) -> dict:
    """A (the job, its command made anew for each run) and B (the bare import) in turn, `runs` pairs."""
    pairs = [(timed(job()), timed(bare)) for _ in range(runs)]
    ratio = [a["wall"] / b["wall"] for a, b in pairs]
    return {
        "ratio": round(statistics.median(ratio), 2),
        "ratio_runs": [round(r, 2) for r in ratio],
        "cpu_ratio": round(statistics.median(a["cpu"] / b["cpu"] for a, b in pairs), 2),
        "job_s": round(statistics.median(a["wall"] for a, _ in pairs), 2),
        "job_runs": [round(a["wall"], 2) for a, _ in pairs],
        "import_s": round(statistics.median(b["wall"] for _, b in pairs), 2),
        "job_rss_mb": round(max(a["rss_mb"] for a, _ in pairs), 1),
    }
