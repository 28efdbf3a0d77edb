"""The trace recorder over small flows of our own: schema, timings, errors, guards, and every exporter."""

from __future__ import annotations

import json

import pytest

from casework.exports import FORMATS, export
from casework.exports.mermaid import flowchart, sequence
from casework.orchestrator.flow import Flow
from casework.orchestrator.run import run_case, run_config
from casework.orchestrator.trace import HandoffEvent, SkillEvent, Trace, TraceRecorder
from casework.testing import assert_route, normalise, route_diff, structure

from toys import ping_pong_flow, toy_context, toy_flow

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def record(flow: Flow, task: str = "hello", context=None) -> Trace:
    recorder = TraceRecorder(task, "run-1", flow)
    state = run_case(flow.compile(), task, context or toy_context(flow), run_config(), recorder)
    return recorder.finish(state.outcome)


def test_a_run_is_recorded_in_order_with_typed_events():
    trace = record(toy_flow())
    assert [e.kind for e in trace.events] == ["handoff", "skill", "handoff", "handoff"]
    assert trace.route == ["boss", "worker", "boss"] and trace.outcome == "completed"
    assert trace.graph == {"boss": ["worker", "__end__"], "worker": ["boss"]} and trace.entry == "boss"
    shout = trace.events[1]
    assert isinstance(shout, SkillEvent) and (shout.agent, shout.skill, shout.result) == (
        "worker",
        "shout",
        "HELLO",
    )
    assert shout.ms > 0 and trace.ended >= trace.started


def test_each_handoff_says_why_what_went_with_it_and_how_long_the_source_held_the_case():
    moves = record(toy_flow()).handoffs()
    assert all(isinstance(m, HandoffEvent) and m.reason and m.payload and m.held_ms > 0 for m in moves)
    assert moves[1].changed == ["extras", "plan"] and moves[1].details["extras"] == ["{'shouted': 'HELLO'}"]
    assert [m.at_ms for m in moves] == sorted(m.at_ms for m in moves)


def test_a_trace_survives_json_and_is_versioned():
    trace = record(toy_flow())
    again = Trace.model_validate_json(trace.model_dump_json())
    assert again == trace and again.export()["version"] == 1


def test_normalised_traces_of_the_same_run_are_equal():
    first, second = record(toy_flow()), record(toy_flow())
    assert first.export() != second.export()  # times differ...
    assert normalise(first) == normalise(second)  # ...nothing else does
    assert structure(first)["events"][1] == {"kind": "skill", "agent": "worker", "skill": "shout"}


def test_a_guard_stop_is_recorded_as_a_guard_event_and_a_closing_handoff():
    flow = ping_pong_flow(max_per_pair=2)
    trace = record(flow)
    assert [e.kind for e in trace.events][-2:] == ["guard", "handoff"]
    assert trace.handoffs()[-1].actor == "guard" and trace.outcome == "guard"
    assert "pong" in flowchart(trace) and "guard" in sequence(trace)


def test_an_error_is_recorded_against_the_agent_that_held_the_case():
    flow = toy_flow()
    flow.agents["worker"].act = lambda state, tools: 1 / 0
    recorder = TraceRecorder("hello", "run-1", flow)
    with pytest.raises(ZeroDivisionError):
        run_case(flow.compile(), "hello", toy_context(flow), run_config(), recorder)
    recorder.fail(ZeroDivisionError("division by zero"))
    error = recorder.finish("error").events[-1]
    assert (error.kind, error.agent, error.message) == (
        "error",
        "worker",
        "ZeroDivisionError: division by zero",
    )


def test_fallbacks_written_to_the_stream_become_error_events():
    recorder = TraceRecorder("t", "r")
    recorder(
        "custom", {"event": "fallback", "agent": "summarizer", "skill": "summarize", "reason": "TimeoutError"}
    )
    event = recorder.trace.events[0]
    assert (event.kind, event.agent, event.skill, event.message) == (
        "error",
        "summarizer",
        "summarize",
        "TimeoutError",
    )
    assert event.fallback == "the offline summarize"


def hostile_trace() -> Trace:
    """A run whose task and skill result carry HTML, as a corpus post might."""

    def shout(text: str) -> str:  # the worker's skill, swapped for one that returns hostile markup
        return HOSTILE

    flow = toy_flow()
    flow.agents["worker"].skills = [shout]
    return record(flow, task=f"summarize {HOSTILE}", context=toy_context(flow))


def test_html_export_shows_corpus_html_as_text():
    page = export(hostile_trace(), "html")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.count("<script") == 2  # our own code and the step-through's data, nothing else
    assert page.count('<script type="application/json" id="frames">') == 1
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page


def test_markdown_and_mermaid_keep_corpus_html_inert():
    trace = hostile_trace()
    assert "<script>" not in export(trace, "md") and "&lt;script&gt;" in export(trace, "md")
    assert "<script>" not in export(trace, "mermaid")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exports_every_step(fmt):
    text = export(record(toy_flow()), fmt)
    assert "boss" in text and "worker" in text
    if fmt == "json":
        assert json.loads(text)["route"] == ["boss", "worker", "boss"]


def test_markdown_reads_as_a_story():
    story = export(record(toy_flow()), "md")
    assert "The boss took the case and read the task." in story
    assert "handed the case to the **worker**" in story and "because: The worker shouts." in story


def test_the_flowchart_highlights_the_path_taken_with_counts():
    chart = flowchart(record(toy_flow()))
    assert 'boss ==>|"1× · step 1"| worker' in chart and "linkStyle 0,1,2" in chart
    assert "class boss,worker,finish taken" in chart


def test_route_diff_names_the_first_difference():
    assert route_diff(["a", "b"], ["a", "b"]) is None
    diff = route_diff(["a", "c", "a"], ["a", "b", "a"])
    assert "expected: a → b → a" in diff and "first difference at holder 2: expected b, got c" in diff
    with pytest.raises(AssertionError, match="the route ended"):
        assert_route(record(toy_flow()), ["boss", "worker", "boss", "worker"])
