"""Parallel vs sequential relay: wall time of the main job both ways, side by side in one process.

    python -m bench parallel [--runs 10] [--json]

Runs `summarize the agile posts` through `casework.api.run` with the default flow (the baseline:
fact-checker, then citation finder) and with `parallel_flow()` (both at once, LangGraph `Send`),
alternating so both see the same machine load; reports the median run time (the trace's start to
end, after a warm-up run of each), how long the branches overlapped, how long each branch held the case
(in parallel, longer: the branches share one interpreter), and whether both runs gave the same
posts and sources. No labelled data, so no dev/test split: a timing, noisy on a shared machine.
Not handled: LLM engines (offline only), the process start (the same for both).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from casework import api
from casework.config import Settings
from casework.exports.steps import overlaps
from casework.workspace import ingest

MAIN_JOB = "summarize the agile posts"
BRANCHES = ("fact_checker", "citation_finder")


def outcome(report) -> tuple:
    """What a user reads from the run: posts, summary sentences and their sources."""
    cited = [(s.sentence, tuple(c.post_id for c in s.citations)) for s in report.summary]
    return tuple(p["post_id"] for p in report.posts), tuple(cited), tuple(v.verdict for v in report.verdicts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench parallel")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home))
        ingest(settings)
        flows = {"sequential": api.default_flow(), "parallel": api.parallel_flow()}
        times: dict[str, list[float]] = {name: [] for name in flows}
        held: dict[str, list[float]] = {f"{name} {agent}": [] for name in flows for agent in BRANCHES}
        overlap, same = [], True
        for round_ in range(args.runs + 1):  # round 0 warms both up and is not counted
            results = {}
            for name, flow in flows.items():
                report = api.run(MAIN_JOB, settings, flow=flow)
                trace = api.trace(report.run_id, settings)
                results[name] = outcome(report)
                if round_:
                    times[name].append(trace.duration_ms())
                    for move in trace.handoffs():
                        if move.source in BRANCHES:
                            held[f"{name} {move.source}"].append(move.held_ms)
                    if name == "parallel":
                        overlap.append(sum(shared for _, _, shared in overlaps(trace)))
            same = same and results["sequential"] == results["parallel"]
    figures = {
        "runs": args.runs,
        "sequential_ms": round(statistics.median(times["sequential"]), 1),
        "parallel_ms": round(statistics.median(times["parallel"]), 1),
        "overlap_ms": round(statistics.median(overlap), 1),
        "same_posts_and_sources": same,
    }
    figures["saved_ms"] = round(figures["sequential_ms"] - figures["parallel_ms"], 1)
    figures["held_ms"] = {key: round(statistics.median(values), 1) for key, values in held.items()}
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"main job, median of {args.runs} in-process runs each (alternating; noisy on a shared machine)"
        )
        print(f"  sequential relay (baseline) {figures['sequential_ms']:8.1f} ms")
        print(
            f"  parallel fan-out            {figures['parallel_ms']:8.1f} ms   "
            f"(saved {figures['saved_ms']:.1f} ms; branches overlapped {figures['overlap_ms']:.1f} ms)"
        )
        for name in flows:
            each = ", ".join(f"{agent} {figures['held_ms'][f'{name} {agent}']:.0f} ms" for agent in BRANCHES)
            print(f"  {name}: each branch held the case (median) {each}")
        print(f"  same posts, summary, sources and verdicts: {'yes' if same else 'NO'}")
    return 0 if same else 1
