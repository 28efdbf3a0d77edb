"""A ping-pong: two agents that each think the other should do the work, and the guard that ends it.

Neither agent ever closes the case, so without a guard the run would go on until LangGraph's
recursion limit. The guard (orchestrator/guard.py) counts handoffs per pair of agents and ends
the run with a sentence once the pair passes the limit (Limits().max_per_pair, 3 by default).

Run: .venv/bin/python examples/ping_pong.py
"""

import casework
from casework.orchestrator import Agent, Flow, Turn, handoff


def bounce(state, tools):
    me = tools.agent.name
    other = "pong" if me == "ping" else "ping"
    return Turn(handoff=handoff(me, other, f"{me} thinks {other} should do it."))


ping = Agent(name="ping", handoffs=["pong"], act=bounce)
pong = Agent(name="pong", handoffs=["ping"], act=bounce)
report = casework.run("who does it?", flow=Flow(agents={"ping": ping, "pong": pong}, plans={}, entry="ping"))

if __name__ == "__main__":
    print(" → ".join(report.route), f"({report.outcome})")
    print(report.answer)
