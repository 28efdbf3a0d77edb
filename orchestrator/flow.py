"""The orchestration layer: a flow of agents, wired into a LangGraph StateGraph, one node per agent.

A `Flow` holds the agents and the case worker's plans (which specialists, in what order, for
each kind of task). `graph()` returns the *uncompiled* graph, so a caller can add nodes or pick a
checkpointer. Each node runs its agent's `act` and turns the returned handoff into
`Command(goto=..., update=...)`, after the ping-pong guard has had its say.
The orchestrator knows agents, handoffs and state, and nothing of the corpus or of Korean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from langgraph.graph import START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import Command
from pydantic import BaseModel

from casework.orchestrator.agent import Agent, Tools
from casework.orchestrator.guard import Limits, check_limits
from casework.orchestrator.handoff import END, Handoff
from casework.orchestrator.human import review
from casework.orchestrator.state import CaseState


class FlowError(ValueError):
    """A flow that cannot run as configured; the message says what to fix."""


@dataclass
class Context:
    """What every agent may use during a run; not part of the checkpointed state."""

    library: Any  # what the skills read (the corpus); the orchestrator never looks inside
    plans: dict[str, list[str]]
    supervisor: str = "case_worker"  # who takes the case back when a specialist cannot pass it on
    models: dict[str, Any] = field(default_factory=dict)  # agent name -> chat model, when an LLM thinks
    human: bool = False  # a person reviews each handoff: the run pauses for them (orchestrator/human.py)


def agent_node(agent: Agent, limits: Limits):
    """The graph node for one agent: act, guard, hand off."""

    def node(
        state, runtime: Runtime[Context]
    ) -> Command:  # unannotated: LangGraph would read it as the schema
        # the run's stream writer (get_stream_writer()'s), or the one a host wrapped around it
        tools = Tools(agent, runtime.context, state, runtime.stream_writer)
        turn = agent.act(state, tools)
        move = turn.handoff.model_copy(update={"changed": sorted(turn.update)})
        if move.target not in (*agent.handoffs, END):
            raise FlowError(f"{agent.name} handed off to {move.target!r}, which it does not declare")
        stopped = check_limits(state.handoffs, move, limits)
        if stopped:
            tools.emit("guard", message=stopped)
            final = Handoff(source=agent.name, target=END, reason=stopped, actor="guard")
            return Command(
                goto=END,
                update={
                    **turn.update,
                    "outcome": "guard",
                    "answer": stopped,
                    "notes": [*state.notes, stopped],
                    "handoffs": [final],
                },
            )
        update = turn.update
        if runtime.context.human:  # a person decides before the case changes hands (the run pauses here)
            update, move = review(state, agent, update, move, runtime.context.supervisor)
        return Command(goto=move.target, update={**update, "handoffs": [move]})

    node.__name__ = agent.name
    return node


class Flow(BaseModel):
    """Agents plus the case worker's plans; add or remove agents, then build the graph."""

    agents: dict[str, Agent]
    plans: dict[str, list[str]]
    entry: str = "case_worker"
    limits: Limits = Limits()
    state: type[CaseState] = CaseState  # the agents' own state type, a CaseState with their fields

    def add(self, agent: Agent, after: str) -> Flow:
        """A flow where `agent` holds the case right after `after` in every plan that has it."""
        agents = {name: a.model_copy(deep=True) for name, a in self.agents.items()}
        if after not in agents:
            raise FlowError(f"cannot add {agent.name!r} after {after!r}: no such agent in the flow")
        before = agents[after]
        agents[agent.name] = agent.model_copy(update={"handoffs": agent.handoffs or list(before.handoffs)})
        before.handoffs = [*before.handoffs, agent.name]
        if agent.name not in agents[self.entry].handoffs:  # the supervisor may hand the case to anyone
            agents[self.entry].handoffs = [*agents[self.entry].handoffs, agent.name]
        plans = {kind: _insert_after(plan, after, agent.name) for kind, plan in self.plans.items()}
        return self.model_copy(update={"agents": agents, "plans": plans})

    def remove(self, name: str) -> Flow:
        """A flow without `name`: whoever could hand to it may now hand where it could."""
        if name == self.entry:
            raise FlowError(f"cannot remove {name!r}: the flow starts there")
        removed = self.agents[name]
        agents = {}
        for other, a in self.agents.items():
            if other != name:
                handoffs = [h for h in a.handoffs if h != name]
                if name in a.handoffs:
                    handoffs += [h for h in removed.handoffs if h not in handoffs and h != other]
                agents[other] = a.model_copy(update={"handoffs": handoffs})
        plans = {kind: [a for a in plan if a != name] for kind, plan in self.plans.items()}
        return self.model_copy(update={"agents": agents, "plans": {k: p for k, p in plans.items() if p}})

    def validate_wiring(self) -> None:
        """Fail at build time, naming what to fix, when a handoff or plan names a missing agent."""
        if self.entry not in self.agents:
            raise FlowError(f"the flow starts at {self.entry!r}, which is not one of its agents")
        for agent in self.agents.values():
            for target in agent.handoffs:
                if target != END and target not in self.agents:
                    raise FlowError(f"{agent.name!r} may hand off to {target!r}, which is not in the flow")
        for kind, plan in self.plans.items():
            for name in plan:
                if name not in self.agents:
                    raise FlowError(f"the {kind!r} plan visits {name!r}, which is not in the flow")

    def graph(self, context: type = Context, node=agent_node) -> StateGraph:
        """The uncompiled LangGraph graph: one node per agent, every possible handoff declared.

        A host that cannot pass a Context (LangGraph's server passes a run JSON) may take another
        context schema and build each node around the agent's own, `node(agent, limits)`:
        casework/server.py does.
        """
        self.validate_wiring()
        builder = StateGraph(self.state, context_schema=context)
        for agent in self.agents.values():
            builder.add_node(agent.name, node(agent, self.limits), destinations=tuple(agent.handoffs))
        builder.add_edge(START, self.entry)
        return builder

    def compile(self, checkpointer=None):
        """The runnable graph; pass a checkpointer to keep runs."""
        return self.graph().compile(checkpointer=checkpointer)


def _insert_after(plan: list[str], after: str, name: str) -> list[str]:
    if after not in plan:
        return list(plan)
    index = plan.index(after) + 1
    return [*plan[:index], name, *plan[index:]]
