"""A solution to exercise 3: two agents that bounce the case, and a guard that stops them at two."""

from casework.orchestrator import Agent, Flow, Limits, Turn, handoff


def bounce(state, tools):
    me = tools.agent.name
    other = "pong" if me == "ping" else "ping"
    return Turn(handoff=handoff(me, other, f"{me} thinks {other} should do it."))


def build_flow():
    ping = Agent(name="ping", handoffs=["pong"], act=bounce)
    pong = Agent(name="pong", handoffs=["ping"], act=bounce)
    return Flow(agents={"ping": ping, "pong": pong}, plans={}, entry="ping", limits=Limits(max_per_pair=2))
