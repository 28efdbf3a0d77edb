"""The same relay, in parallel: after one agent (the fork), several agents hold copies of the case at once.

`in_parallel(flow, after="summarizer", branches=["fact_checker", "citation_finder"])` gives a flow
whose fork, when its plan goes on into the branches, sends each of them its own copy of the case
with LangGraph's `Send` (one handoff each, all recorded). Each branch works on its copy and hands it
back to the supervisor; LangGraph runs the branches of one step in parallel threads and the
supervisor once, in the next step, with every branch's update merged: that is the join. Branches
write different keys of the case (the fact-checker verdicts, the citation finder citations), or
`extras` and `notes`, which this flow's state merges (`joined`); the plan is the fork's to set, so a
branch's plan update is dropped.

Not handled: a person reviewing handoffs (`human`), since a pause in one branch would stop the
other mid-way; branches that write the same other key (LangGraph refuses the step); a branch that hands
on to another specialist instead of back to the supervisor (it goes there alone, after the join).
Nodes run in threads of one process, so CPU-bound skills share the interpreter: the gain is what
the branches spend outside Python's lock (numpy, Chroma, a model's network call), and is measured,
not assumed (README).
"""

from __future__ import annotations

from typing import Annotated, Any

from langgraph.graph import START, StateGraph
from langgraph.types import Command, Send
from pydantic import Field, create_model

from casework.orchestrator.flow import Context, Flow, FlowError, agent_node
from casework.orchestrator.handoff import Handoff
from casework.orchestrator.state import CaseState


class ParallelFlow(Flow):
    """A flow where the agents of `branches` hold the case at once, right after `fork` hands it on."""

    fork: str
    branches: list[str]

    def graph(self) -> StateGraph:
        """As `Flow.graph`, with the fork fanning out and the branches dropping their plan updates."""
        self.validate_wiring()
        live = [b for b in self.branches if b in self.agents]  # `remove` may have taken some away
        if self.fork in self.agents:
            missing = [b for b in live if b not in self.agents[self.fork].handoffs]
            if missing:
                raise FlowError(
                    f"{self.fork!r} cannot hand the case to {', '.join(missing)}: it must declare them"
                )
        builder = StateGraph(joined(self.state), context_schema=Context)
        for agent in self.agents.values():
            node = agent_node(agent, self.limits)
            if agent.name == self.fork and len(live) > 1:
                node = fan_out(node, live)
            elif agent.name in live:
                node = branch(node)
            builder.add_node(agent.name, node, destinations=tuple(agent.handoffs))
        builder.add_edge(START, self.entry)
        return builder


def merge_extras(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Two branches' extras, both kept (a key both wrote: the later one)."""
    return {**old, **new}


def merge_notes(old: list[str], new: list[str]) -> list[str]:
    """Notes are written whole ([*state.notes, note]): keep every note once, in order."""
    return list(dict.fromkeys([*old, *new]))


def joined(state: type[CaseState]) -> type[CaseState]:
    """`state` where `extras` and `notes` (any agent may write them) merge when branches write at once."""
    return create_model(
        state.__name__,
        __base__=state,
        __doc__=state.__doc__,
        extras=(Annotated[dict[str, Any], merge_extras], Field(default_factory=dict)),
        notes=(Annotated[list[str], merge_notes], Field(default_factory=list)),
    )


def in_parallel(flow: Flow, after: str, branches: list[str]) -> ParallelFlow:
    """`flow`, where the `branches` that follow `after` in a plan hold the case at the same time."""
    if after not in flow.agents:
        raise FlowError(f"cannot fork after {after!r}: no such agent in the flow")
    if len(branches) < 2:
        raise FlowError("a parallel step needs at least two branches")
    fields = {name: getattr(flow, name) for name in type(flow).model_fields}
    return ParallelFlow(**fields, fork=after, branches=list(branches))


def fan_out(node, branches: list[str]):
    """The fork's node: when its handoff starts a run of branches in the plan, copy the case to each."""

    def fork(state, runtime):
        command = node(state, runtime)
        update = dict(command.update or {})
        plan = list(update.get("plan", state.plan))
        group = [command.goto] if command.goto in branches else []
        while group and plan and plan[0] in branches and plan[0] not in group:
            group.append(plan.pop(0))
        if len(group) < 2 or runtime.context.human:
            return command
        first: Handoff = update["handoffs"][0]
        together = " and ".join(f"the {b.replace('_', ' ')}" for b in group)
        moves = [
            first.model_copy(
                update={
                    "target": b,
                    "reason": f"{first.reason} In parallel: {together} each take a copy of it.",
                }
            )
            for b in group
        ]
        update.update(plan=plan, handoffs=moves)
        copy = state.model_copy(update={**update, "plan": [], "handoffs": [*state.handoffs, *moves]})
        return Command(goto=[Send(b, copy) for b in group], update=update)

    fork.__name__ = node.__name__
    return fork


def branch(node):
    """A branch's node: its work and handoff go through; the plan stays the fork's (no two writers)."""

    def run_branch(state, runtime):
        command = node(state, runtime)
        update = {k: v for k, v in (command.update or {}).items() if k != "plan"}
        update["handoffs"] = [
            h.model_copy(update={"changed": [k for k in h.changed if k != "plan"]})
            for h in update["handoffs"]
        ]
        return Command(goto=command.goto, update=update)

    run_branch.__name__ = node.__name__
    return run_branch
