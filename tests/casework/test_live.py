"""The live terminal view: who holds the case, each handoff as it happens (on a toy flow)."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from casework.live import LiveView
from casework.orchestrator.run import run_case, run_config
from casework.orchestrator.trace import TraceRecorder

from toys import toy_context, toy_flow


def test_the_live_view_says_who_holds_the_case_and_each_handoff_as_it_happens():
    out = StringIO()
    flow = toy_flow()
    with LiveView(Console(file=out, width=200), entry="boss") as live:
        run_case(
            flow.compile(), "hello", toy_context(flow), run_config(), TraceRecorder("hello", "r", flow, live)
        )
    shown = out.getvalue()
    assert (
        shown.index("boss has the case") < shown.index("boss → worker") < shown.index("worker has the case")
    )
    assert "shout" in shown and "held" in shown and "boss closes the case" in shown
    quiet = StringIO()
    recorder = TraceRecorder("hello", "r", flow)
    run_case(flow.compile(), "hello", toy_context(flow), run_config(), recorder)
    LiveView(Console(file=quiet), enabled=False)(recorder.trace.events[0])
    assert quiet.getvalue() == ""
