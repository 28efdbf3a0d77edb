"""Helpers for tests of runs: route assertions with a readable diff, normalised traces, golden files.

    from casework.testing import assert_route
    assert_route(report, ["case_worker", "summarizer", "case_worker"])

Golden traces are compared structurally (route, handoffs from/to, changed keys, skill names in
order); set UPDATE_GOLDEN=1 to rewrite them from the current code. Not handled: comparing wording.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from casework.orchestrator.trace import Trace

VOLATILE = {"run_id", "started", "ended", "at_ms", "held_ms", "ms"}  # what differs between two identical runs


def route_diff(actual: list[str], expected: list[str]) -> str | None:
    """None when the routes match, else a few lines saying how they differ."""
    if list(actual) == list(expected):
        return None
    where = next(
        (i for i, (a, e) in enumerate(zip(actual, expected)) if a != e), min(len(actual), len(expected))
    )
    got = actual[where] if where < len(actual) else "(the route ended)"
    wanted = expected[where] if where < len(expected) else "(the route should have ended)"
    return (
        f"route differs from the expected one\n  expected: {' → '.join(expected)}\n"
        f"  actual:   {' → '.join(actual)}\n"
        f"  first difference at holder {where + 1}: expected {wanted}, got {got}"
    )


def assert_route(report, expected: list[str]) -> None:
    """Fail with a readable diff unless the run (a Report or a Trace) took exactly this route."""
    diff = route_diff(report.route, expected)
    if diff:
        raise AssertionError(diff)


def normalise(trace: Trace) -> dict:
    """The trace without what changes from run to run (ids, times, durations): equal for equal runs."""

    def drop(value):
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if k not in VOLATILE}
        return [drop(v) for v in value] if isinstance(value, list) else value

    return drop(trace.export())


def structure(trace: Trace) -> dict:
    """What a golden trace pins: the route, and per event its kind and who/what (no wording, no numbers)."""
    shape = {
        "handoff": ("source", "target", "changed", "actor"),
        "skill": ("agent", "skill"),
        "verdict": ("agent",),
        "citation": ("agent",),
        "guard": ("agent",),
        "error": ("agent",),
        "pause": (),
    }
    events = [{"kind": e.kind, **{f: getattr(e, f) for f in shape[e.kind]}} for e in trace.events]
    return {"task": trace.task, "outcome": trace.outcome, "route": trace.route, "events": events}


def check_golden(trace: Trace, path: Path) -> None:
    """Compare a trace's structure to a golden file (UPDATE_GOLDEN=1 rewrites it).

    Fails with the first difference.
    """
    actual = structure(trace)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(f"no golden trace {path}; write it with UPDATE_GOLDEN=1 pytest")
    golden = json.loads(path.read_text(encoding="utf-8"))
    if actual == golden:
        return
    route = route_diff(actual["route"], golden["route"]) or "same route"
    pairs = zip(golden["events"], actual["events"])
    index = next(
        (i for i, (g, a) in enumerate(pairs) if g != a), min(len(golden["events"]), len(actual["events"]))
    )
    expected = golden["events"][index] if index < len(golden["events"]) else "(no more events)"
    got = actual["events"][index] if index < len(actual["events"]) else "(no more events)"
    raise AssertionError(
        f"trace differs from {path.name} ({route}); event {index}: expected {expected}, got {got}. "
        "If the change is intended: UPDATE_GOLDEN=1 pytest"
    )
