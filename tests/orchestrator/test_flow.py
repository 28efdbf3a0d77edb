"""The orchestration layer with small agents of our own: handoffs, plans, the guard, the drawing."""

from __future__ import annotations

import pytest

from casework.orchestrator.agent import Agent
from casework.orchestrator.flow import Flow, FlowError
from casework.orchestrator.run import route, run_case, run_config

from toys import ping_pong_flow, toy_context, toy_flow


def run_toy(flow: Flow, task: str = "hello"):
    events = []
    state = run_case(
        flow.compile(), task, toy_context(flow), run_config(), lambda kind, data: events.append((kind, data))
    )
    return state, events


def test_a_case_is_handed_on_and_back_with_reasons():
    state, events = run_toy(toy_flow())
    assert state.answer == "HELLO"
    assert route(state) == ["boss", "worker", "boss"]
    assert [h.reason for h in state.handoffs] == [
        "The worker shouts.",
        "Shouted the task. Back to the boss to compile the answer.",
        "Done.",
    ]
    assert state.handoffs[1].changed == ["extras", "plan"]


def test_skill_calls_are_reported_with_durations():
    _, events = run_toy(toy_flow())
    calls = [data for kind, data in events if kind == "custom" and data["event"] == "skill"]
    assert [(c["agent"], c["skill"], c["result"]) for c in calls] == [("worker", "shout", "HELLO")]
    assert calls[0]["ms"] >= 0


def test_an_agent_may_only_use_the_skills_it_declared():
    flow = toy_flow()
    flow.agents["worker"].skills = []
    with pytest.raises(KeyError, match="did not declare skill 'shout'"):
        run_toy(flow)


def test_ping_pong_is_stopped_with_an_explanation():
    flow = ping_pong_flow(max_per_pair=3)
    state, events = run_toy(flow)
    assert state.outcome == "guard"
    assert "back and forth" in state.answer and "ping" in state.answer
    assert len(state.handoffs) == 4  # three allowed, then the guard's own closing handoff
    assert any(kind == "custom" and data["event"] == "guard" for kind, data in events)


def test_adding_an_agent_after_another_rewires_plans_and_handoffs():
    def echo_act(state, tools):
        return tools.pass_on("Echoed.", {"extras": {**state.extras, "echo": True}})

    echo = Agent(name="echo", description="echoes", act=echo_act)
    flow = toy_flow().add(echo, after="worker")
    assert flow.plans == {"any": ["worker", "echo"]}
    assert "echo" in flow.agents["worker"].handoffs and flow.agents["echo"].handoffs == ["boss"]
    state, _ = run_toy(flow)
    assert route(state) == ["boss", "worker", "echo", "boss"]
    assert state.extras["echo"] is True


def test_removing_an_agent_relinks_its_neighbours():
    flow = toy_flow().remove("worker")
    assert "worker" not in flow.agents and "worker" not in flow.agents["boss"].handoffs
    with pytest.raises(FlowError, match="the flow starts there"):
        flow.remove("boss")


def test_a_handoff_to_a_missing_agent_fails_at_build_time():
    flow = toy_flow()
    flow.agents["worker"].handoffs = ["nobody"]
    with pytest.raises(FlowError, match="'worker' may hand off to 'nobody', which is not in the flow"):
        flow.graph()


def test_the_drawing_shows_every_declared_handoff():
    mermaid = toy_flow().compile().get_graph().draw_mermaid()
    assert "boss -.-> worker" in mermaid and "worker -.-> boss" in mermaid and "boss -.-> __end__" in mermaid
