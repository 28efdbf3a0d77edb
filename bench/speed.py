"""Speed bench: the main job as a fresh process, in-process query latency, ingest time, peak memory.

    python -m bench speed [--runs 5] [--smoke] [--json]

The main job is `casework run "summarize the agile posts"` in a new process on a store that is
already built (median of --runs). Ingest is from scratch into a temporary home, then again (no
change). Peak memory is the max RSS of this process and of the slowest child, from getrusage.
`--smoke` uses the four shortest posts and one run. Not handled: LLM engines (offline only).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.metrics import percentile
from bench.retrieval import DATA, load_queries, timed_ingests
from casework.config import PROJECT_CORPUS, Settings
from casework.workspace import open_library

MAIN_JOB = "summarize the agile posts"


# A small launcher times the job and reads its peak RSS: a child forked from this (large) bench
# process would report the bench's own RSS as its starting maximum.
LAUNCHER = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def main_job(home: Path, corpus: Path, runs: int) -> tuple[list[float], float]:
    """Wall time of each fresh `casework run` process, and the largest peak RSS among them in MB."""
    times, peak = [], 0.0
    for _ in range(runs):
        command = [
            sys.executable,
            "-m",
            "casework.cli",
            "run",
            MAIN_JOB,
            "--home",
            str(home),
            "--corpus",
            str(corpus),
        ]
        out = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *command], check=True, capture_output=True, text=True
        ).stdout
        seconds, rss_kb = out.split()
        times.append(float(seconds))
        peak = max(peak, int(rss_kb) / 1024)
    return times, peak


def run(corpus: Path = PROJECT_CORPUS, runs: int = 5, queries: int | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="casework-speed-") as scratch:
        settings = Settings(home=Path(scratch), corpus=corpus)
        first, ingest_s, _again, reingest_s = timed_ingests(settings)
        library = open_library(settings)
        rows = load_queries(DATA, queries)
        library.search(rows[0]["query"])  # warm-up
        times = []
        for row in rows:
            started = time.perf_counter()
            library.search(row["query"], k=5)
            times.append((time.perf_counter() - started) * 1000)
        job, job_rss = main_job(settings.home, corpus, runs)
    return {
        "posts": first.posts,
        "passages": first.passages,
        "ingest_s": round(ingest_s, 2),
        "reingest_s": round(reingest_s, 2),
        "main_job_s": {"median": round(statistics.median(job), 2), "runs": [round(t, 2) for t in job]},
        "query_ms": {
            "n": len(times),
            "p50": round(percentile(times, 50), 1),
            "p95": round(percentile(times, 95), 1),
        },
        "peak_rss_mb": {
            "bench": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "main_job": round(job_rss, 1),
        },
    }


def smoke_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shortest = sorted(PROJECT_CORPUS.glob("*.md"), key=lambda p: p.stat().st_size)[:4]
    for path in [*shortest, *sorted(PROJECT_CORPUS.glob("애자일-agile-*.md"))[:1]]:
        shutil.copy(path, folder / path.name)
    return folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench speed", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes of the main job")
    parser.add_argument("--smoke", action="store_true", help="five short posts, one run, ten queries (CI)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.smoke:
        with tempfile.TemporaryDirectory() as folder:
            report = run(smoke_corpus(Path(folder) / "corpus"), runs=1, queries=10)
    else:
        report = run(runs=args.runs)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0
