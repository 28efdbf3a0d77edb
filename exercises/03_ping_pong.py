"""Exercise 3: provoke a ping-pong, and let the guard stop it at two bounces.

Build a flow of two agents that each think the other should do the work, so they keep handing the
case back and forth, and set the guard so that the run ends after two bounces (two handoffs
between them), with the guard's plain-language explanation. Check: casework exercises check 3
"""

from casework.orchestrator import END, Agent, Flow, Limits, Turn, handoff  # noqa: F401


def close(state, tools):
    return Turn(update={"outcome": "completed"}, handoff=handoff(tools.agent.name, END, "Nothing to do."))


def build_flow():
    """A flow of two agents, starting at `ping`."""
    ping = Agent(name="ping", handoffs=["pong", END], act=close)  # TODO: make them bounce
    pong = Agent(name="pong", handoffs=["ping", END], act=close)
    return Flow(agents={"ping": ping, "pong": pong}, plans={}, entry="ping")  # TODO: the guard's limits
