"""Speed bench: the main job against the bare import of its dependencies, query latency, ingest, memory.

    python -m bench speed [--runs 5] [--smoke] [--json]

The main job is `casework run "summarize the agile posts"` as a new process on a store that is
already built, side by side with `python -c "import ..."` of the dependencies it imports (issue
10's bar: at most 1.5x), in turn, --runs pairs (bench/imports.py). Twice: `repeat`, the task run
again in the same home (its query vectors cached there), and `first`, each run in a fresh copy of
the home as it was right after ingest (so the encoder loads and every query is embedded). Ingest
is from scratch into a temporary home, then again (no change). Peak memory is the max RSS of this
process and of the main job. `--smoke` uses five short posts and one pair.
Not handled: LLM engines (offline only).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from itertools import count
from pathlib import Path

from bench.imports import dependency_imports, import_command, job_command, side_by_side, timed
from bench.metrics import percentile
from bench.retrieval import DATA, load_queries, timed_ingests
from casework.config import PROJECT_CORPUS, Settings
from casework.workspace import open_library

MAIN_JOB = "summarize the agile posts"


def main_job(home: Path, corpus: Path, runs: int, scratch: Path) -> dict:
    """The job against the bare import of what it imports: repeated in `home`, and first in copies of it."""
    pristine = scratch / "pristine"
    shutil.copytree(home, pristine)  # the home as ingest left it: no run, no query vector yet
    args = ["run", MAIN_JOB, "--corpus", str(corpus)]
    fresh = count()

    def first_run() -> list[str]:
        copy = scratch / f"first-{next(fresh)}"
        shutil.copytree(pristine, copy)
        return job_command(*args, "--home", str(copy))

    first_imports = dependency_imports([*args, "--home", str(pristine)], scratch)
    repeat = job_command(*args, "--home", str(home))
    timed(repeat)  # warm-up: the first run in this home
    repeat_imports = dependency_imports([*args, "--home", str(home)], scratch)
    return {
        "repeat": {
            **side_by_side(lambda: repeat, import_command(repeat_imports), runs),
            "imports": repeat_imports,
        },
        "first": {
            **side_by_side(first_run, import_command(first_imports), runs),
            "imports": first_imports,
        },
    }


def run(corpus: Path = PROJECT_CORPUS, runs: int = 5, queries: int | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="casework-speed-") as scratch:
        settings = Settings(home=Path(scratch) / "home", corpus=corpus)
        first, ingest_s, _again, reingest_s = timed_ingests(settings)
        job = main_job(settings.home, corpus, runs, Path(scratch))
        library = open_library(settings)
        rows = load_queries(DATA, queries)
        library.search(rows[0]["query"])  # warm-up
        times = []
        for row in rows:
            started = time.perf_counter()
            library.search(row["query"], k=5)
            times.append((time.perf_counter() - started) * 1000)
    return {
        "posts": first.posts,
        "passages": first.passages,
        "ingest_s": round(ingest_s, 2),
        "reingest_s": round(reingest_s, 2),
        "main_job": job,
        "query_ms": {
            "n": len(times),
            "p50": round(percentile(times, 50), 1),
            "p95": round(percentile(times, 95), 1),
        },
        "peak_rss_mb": {
            "bench": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "main_job": max(job["repeat"]["job_rss_mb"], job["first"]["job_rss_mb"]),
        },
    }


def job_line(job: dict) -> str:
    """The main job's figures in one line (results.md's and this bench's)."""
    repeat, first = job["repeat"], job["first"]
    return (
        f"{repeat['ratio']}x the bare import of its dependencies (median of {len(repeat['ratio_runs'])} "
        f"pairs, wall; job {repeat['job_s']} s, import {repeat['import_s']} s); first run in a fresh home "
        f"{first['ratio']}x (job {first['job_s']} s, import {first['import_s']} s)"
    )


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
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(json.dumps({k: v for k, v in report.items() if k != "main_job"}, ensure_ascii=False, indent=2))
    for name, pair in report["main_job"].items():
        print(f"\n{name}: python -c {json.dumps(' '.join(import_command(pair['imports'])[2:]))}")
        print(f"  ratios {pair['ratio_runs']}, cpu ratio {pair['cpu_ratio']}, job runs {pair['job_runs']}")
    print(f"\nmain job: {job_line(report['main_job'])}")
    return 0
