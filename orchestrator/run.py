"""The run loop: stream one case through a compiled flow and hand every event to a listener.

Events come from LangGraph's stream: `updates` (a node finished: its handoff and changed keys)
and `custom` (skill calls and guards, written by the agent nodes). Whoever listens (the trace
recorder, the live view) gets them in order; the loop itself stays this short.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from casework.orchestrator.flow import Context
from casework.orchestrator.handoff import route as route_of
from casework.orchestrator.state import CaseState

Listener = Callable[[str, Any], None]
RECURSION_LIMIT = 100  # far above the guard's cap: the guard, not LangGraph, ends runaway runs


def run_config(thread_id: str | None = None) -> dict:
    """The LangGraph config of one run (its thread id names it in the checkpointer)."""
    return {
        "configurable": {"thread_id": thread_id or uuid.uuid4().hex[:12]},
        "recursion_limit": RECURSION_LIMIT,
    }


def run_case(
    graph,
    task: str | None,
    context: Context,
    config: dict,
    listen: Listener = lambda kind, data: None,
    resume: Any = None,
) -> CaseState:
    """Run (or resume) a case to its end, or to a pause for a human; returns the last state."""
    from langgraph.types import Command

    schema = graph.builder.state_schema  # the flow's own CaseState type
    start = (
        Command(resume=resume) if resume is not None else (schema(task=task) if task is not None else None)
    )
    last: Any = None
    for kind, data in graph.stream(
        start, config, context=context, stream_mode=["updates", "custom", "values"]
    ):
        if kind == "values":
            last = data
        else:
            listen(kind, data)
    return last if isinstance(last, schema) else schema.model_validate(last)


def route(state: CaseState) -> list[str]:
    """The holders of the case in order."""
    return route_of(state.handoffs)
