"""Small flows of our own for the orchestrator tests: a boss and a shouting worker, and a ping-pong pair."""

from __future__ import annotations

from casework.orchestrator.agent import Agent, Turn
from casework.orchestrator.flow import Context, Flow
from casework.orchestrator.guard import Limits
from casework.orchestrator.handoff import END, handoff


def shout(text: str) -> str:
    """Upper-case a text."""
    return text.upper()


def boss_act(state, tools):
    if not state.notes:
        first, *rest = tools.context.plans["any"]
        return Turn(
            update={"notes": ["planned"], "plan": rest}, handoff=handoff("boss", first, "The worker shouts.")
        )
    return Turn(
        update={"answer": state.extras["shouted"], "outcome": "completed"},
        handoff=handoff("boss", END, "Done."),
    )


def worker_act(state, tools):
    return tools.pass_on("Shouted the task.", {"extras": {"shouted": tools.use(shout, state.task)}})


def toy_flow() -> Flow:
    boss = Agent(name="boss", description="plans", handoffs=["worker", END], act=boss_act)
    worker = Agent(name="worker", description="shouts", skills=[shout], handoffs=["boss"], act=worker_act)
    return Flow(agents={"boss": boss, "worker": worker}, plans={"any": ["worker"]}, entry="boss")


def toy_context(flow: Flow) -> Context:
    return Context(library=None, plans=flow.plans, supervisor=flow.entry)


def ping_pong_flow(max_per_pair: int) -> Flow:
    """Two agents that keep handing the case to each other: what the guard is for."""

    def bounce(name, other):
        return lambda state, tools: Turn(handoff=handoff(name, other, f"{name} thinks {other} should do it."))

    ping = Agent(name="ping", description="", handoffs=["pong"], act=bounce("ping", "pong"))
    pong = Agent(name="pong", description="", handoffs=["ping"], act=bounce("pong", "ping"))
    return Flow(
        agents={"ping": ping, "pong": pong}, plans={}, entry="ping", limits=Limits(max_per_pair=max_per_pair)
    )
