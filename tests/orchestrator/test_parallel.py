"""The parallel relay: LangGraph `Send` copies the case to several branches; they join at the supervisor."""

from __future__ import annotations

import time

import pytest

from casework.exports import export
from casework.exports.steps import overlaps, steps
from casework.orchestrator.agent import Agent, Turn
from casework.orchestrator.flow import Flow, FlowError
from casework.orchestrator.handoff import END, handoff
from casework.orchestrator.parallel import in_parallel
from casework.orchestrator.run import run_case, run_config
from casework.orchestrator.trace import TraceRecorder

from toys import toy_context

NAP = 0.3  # each branch's work: a sleep releases the interpreter, so only real concurrency halves the wait


def nap(what: str) -> str:
    """Wait a moment, as a call to a model or a server would."""
    time.sleep(NAP)
    return what.upper()


def lead_act(state, tools):
    if not state.notes:
        first, *rest = tools.context.plans["any"]
        return Turn(
            update={"notes": ["planned"], "plan": rest}, handoff=handoff("lead", first, "Split the work.")
        )
    if state.plan:  # a relay: a napper hands back, the lead forwards to the next
        return Turn(update={"plan": state.plan[1:]}, handoff=handoff("lead", state.plan[0], "Next one."))
    answer = ",".join(sorted(state.extras))
    return Turn(update={"answer": answer, "outcome": "completed"}, handoff=handoff("lead", END, "Joined."))


def napper(name: str) -> Agent:
    def act(state, tools):
        return tools.pass_on(f"{name} is done.", {"extras": {**state.extras, name: tools.use(nap, name)}})

    return Agent(name=name, skills=[nap], handoffs=["lead"], act=act)


def opener_act(state, tools):
    return tools.pass_on("Opened the case.", {})


def toy(parallel: bool) -> Flow:
    lead = Agent(name="lead", handoffs=["opener", "left", "right", END], act=lead_act)
    opener = Agent(name="opener", handoffs=["left", "right", "lead"], act=opener_act)
    agents = {"lead": lead, "opener": opener, "left": napper("left"), "right": napper("right")}
    flow = Flow(agents=agents, plans={"any": ["opener", "left", "right"]}, entry="lead")
    return in_parallel(flow, after="opener", branches=["left", "right"]) if parallel else flow


def record(flow: Flow):
    recorder = TraceRecorder("split", "toy", flow)
    started = time.perf_counter()
    state = run_case(flow.compile(), "split", toy_context(flow), run_config(), recorder)
    return state, recorder.finish(state.outcome), time.perf_counter() - started


def test_branches_run_at_the_same_time_and_join_once():
    state, trace, took = record(toy(parallel=True))
    _, _, alone = record(toy(parallel=False))
    assert alone >= 2 * NAP and took < 1.7 * NAP, (took, alone)  # two naps in about the time of one
    assert state.outcome == "completed" and state.answer == "left,right"  # both branches' work joined
    assert trace.route == ["lead", "opener", "left", "right", "lead"]
    turns = steps(trace)
    assert [(m.source, m.target) for m in turns[1].handoffs] == [("opener", "left"), ("opener", "right")]
    assert [t.agent for t in turns] == ["lead", "opener", "left", "right", "lead"]  # the join: one lead turn
    ((a, b, shared),) = overlaps(trace)
    assert {a.agent, b.agent} == {"left", "right"} and shared > 0.8 * NAP * 1000
    assert abs(a.start_ms - b.start_ms) < 5 and all(t.handoff.held_ms >= NAP * 1000 for t in (a, b))


def test_a_relay_has_no_overlap_and_removing_a_branch_makes_it_a_relay_again():
    _, trace, _ = record(toy(parallel=False))
    assert overlaps(trace) == []
    assert trace.route == ["lead", "opener", "left", "lead", "right", "lead"]
    _, trace, _ = record(toy(parallel=True).remove("right"))
    assert overlaps(trace) == [] and trace.route == ["lead", "opener", "left", "lead"]


def test_a_relay_whose_clocks_disagree_by_a_few_ms_still_has_no_overlap():
    _, trace, _ = record(toy(parallel=False))
    into_a_long_turn = next(e for e in trace.events if e.kind == "handoff" and e.target == "left")
    into_a_long_turn.at_ms += 3  # seen late: the opener's turn seems to end 3 ms after the left one began
    assert overlaps(trace) == []


def test_a_fork_that_cannot_reach_a_branch_fails_at_build_time():
    flow = toy(parallel=False)
    with pytest.raises(FlowError, match="needs at least two"):
        in_parallel(flow, after="opener", branches=["left"])
    with pytest.raises(FlowError, match="cannot hand the case to right"):
        in_parallel(flow, after="left", branches=["lead", "right"]).graph()


def test_every_export_tells_the_branches_overlapped():
    _, trace, _ = record(toy(parallel=True))
    assert "overlapped" in export(trace, "md") and "overlapped" in export(trace, "html")
    mermaid = export(trace, "mermaid")
    assert mermaid.count("opener->>") == 2 and "    par left" in mermaid and "    and right" in mermaid
