"""The orchestration layer: agents as data, handoffs as values, a LangGraph graph that conducts them."""

from casework.orchestrator.agent import Agent, Tools, Turn
from casework.orchestrator.flow import Context, Flow, FlowError
from casework.orchestrator.guard import Limits
from casework.orchestrator.handoff import END, Handoff, handoff, route
from casework.orchestrator.state import CaseState

__all__ = [
    "END",
    "Agent",
    "CaseState",
    "Context",
    "Flow",
    "FlowError",
    "Handoff",
    "Limits",
    "Tools",
    "Turn",
    "handoff",
    "route",
]
