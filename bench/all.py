"""Every bench in one go, written to bench/results.md.

    python -m bench all [--smoke] [--full] [--out PATH]

Runs the quality benches that exist (retrieval, topics, docs, claims, citations, summaries, questions,
and the LangChain + MiniLM side by side, baseline; each with --json), then speed and scale, and copies the
figures into the README (`python -m bench readme`) when it writes bench/results.md. `--smoke` is
the CI slice: speed and scale on small corpora only, under a minute. `--full` adds the 50k-post
scale row. A quality bench that is missing or fails is reported as such and the others still run;
the side by side is skipped, saying why, without the `bench` extra.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

from bench import baseline, readme, scale, speed

QUALITY = ("retrieval", "topics", "docs", "claims", "citations", "summaries", "questions", "baseline")
RESULTS = Path(__file__).parent / "results.md"


def run_bench(name: str, argv: list[str]) -> dict:
    """A bench's --json figures, or {"error": ...} when it is missing or fails."""
    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError:
        return {"error": "not written yet"}
    out = io.StringIO()
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out):
            code = module.main([*argv, "--json"])
        figures = json.loads(out.getvalue())
    except (Exception, SystemExit) as error:  # one broken bench must not hide the others
        return {"error": f"{type(error).__name__}: {str(error)[:200]}"}
    return {"exit": code, "seconds": round(time.perf_counter() - started, 1), "figures": figures}


METRIC = re.compile(
    r"(recall|mrr|f1|precision|accuracy|coverage|abstention|selected|labelled|share|lead3|random|top3|in_gold)",
    re.I,
)
SKIP = {
    "en",
    "ko",
    "targets",
    "target",
    "dense",
    "lexical",
    "misses",
    "timings",
    "floors",
    "classes",
    "confusion",
}
HIDDEN = {"splits", "hybrid"}  # levels that name no figure: "splits.test.hybrid.all.mrr" -> "test.all.mrr"


def headline(figures, path: tuple[str, ...] = ()) -> list[str]:
    """The overall quality numbers of a bench's figures (per-language groups and targets left out)."""
    found = []
    if isinstance(figures, dict) and len(path) < 5:
        for key, value in figures.items():
            if key in SKIP or key.startswith("target"):
                continue
            if isinstance(value, dict):
                found += headline(value, (*path, key))
            elif isinstance(value, float) and METRIC.search(key):
                named = [p for p in (*path, key) if p not in HIDDEN] or [key]
                found.append(f"{'.'.join(named[-4:])} {value}")  # dev.baseline.all.recall keeps its level
    return found


def outcome(result: dict) -> str | None:
    """Why a bench has no figures to show (an error, or skipped), or None when it has them."""
    if not result:
        return "not run"
    skipped = isinstance(result.get("figures"), dict) and result["figures"].get("skipped")
    return result.get("error") or (f"skipped: {skipped}" if skipped else None)


def render(quality: dict, speed_report: dict, scale_rows: list[dict], command: str, seconds: float) -> str:
    lines = [
        "# casework bench results",
        "",
        f"`{command}` — {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
        f"{platform.machine()}, total {seconds:.0f} s. Offline engines (USE multilingual v3 + BM25, "
        "extractive); a shared 2-core machine, so timings are noisy.",
        "",
    ]
    if quality:
        lines += ["## Quality", "", "| bench | result | seconds |", "|---|---|---|"]
        for name, result in quality.items():
            lines.append(
                f"| {name} | {outcome(result) or ', '.join(headline(result['figures'])[:16])} | "
                f"{result.get('seconds', '')} |"
            )
        lines.append("")
    side = quality.get("baseline", {})
    if not outcome(side):
        lines += ["## Side by side (`python -m bench baseline`)", "", baseline.markdown(side["figures"]), ""]
    query = speed_report["query_ms"]
    lines += [
        "## Speed",
        "",
        f"- corpus: {speed_report['posts']} posts, {speed_report['passages']} passages",
        f'- main job `casework run "{speed.MAIN_JOB}"`, fresh process: '
        + speed.job_line(speed_report["main_job"]),
        f"- in-process hybrid query: p50 {query['p50']} ms, p95 {query['p95']} ms over {query['n']} queries",
        f"- ingest from scratch {speed_report['ingest_s']} s; "
        f"again with no change {speed_report['reingest_s']} s",
        f"- peak RSS: bench process {speed_report['peak_rss_mb']['bench']} MB, "
        f"main-job process {speed_report['peak_rss_mb']['main_job']} MB",
        "",
        "## Scale (synthetic posts of recombined corpus sentences)",
        "",
        scale.table(scale_rows),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench all", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="the CI slice: speed and scale on small corpora")
    parser.add_argument("--full", action="store_true", help="add the 50k-post scale row")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    quality = {} if args.smoke else {name: run_bench(name, []) for name in QUALITY}
    for name, result in quality.items():
        done = f"done in {result['seconds']} s"
        print(f"{name}: {outcome(result) or done}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="casework-all-") as folder:
        speed_report = (
            speed.run(speed.smoke_corpus(Path(folder) / "corpus"), runs=1, queries=10)
            if args.smoke
            else speed.run()
        )
    print(f"speed: main job {speed.job_line(speed_report['main_job'])}", file=sys.stderr)
    # The encoder's ingest cost is measured at 1k posts beside the hashed n-grams; larger corpora (and
    # the CI smoke, which checks the machinery, not the figures) use the hashed ones, as a user would.
    if args.smoke:
        scale_rows = scale.run([50], server=True, embeddings=("hashed",))
    else:
        large = [10_000] + ([50_000] if args.full else [])
        scale_rows = scale.run([1000], True, ("use", "hashed")) + scale.run(large, True, ("hashed",))
    command = "python -m bench all " + " ".join(argv)
    args.out.write_text(
        render(quality, speed_report, scale_rows, command.strip(), time.perf_counter() - started),
        encoding="utf-8",
    )
    print(f"wrote {args.out}", file=sys.stderr)
    if args.out == RESULTS and not args.smoke:  # the README shows the figures of the full run
        return readme.main([])
    return 0
