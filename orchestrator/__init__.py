"""The orchestration layer: agents as data, handoffs as values, a LangGraph graph that conducts them."""

from orchestrator.agent import Agent, Tools, Turn, pass_case
from orchestrator.flow import Context, Flow, FlowError
from orchestrator.guard import Limits
from orchestrator.handoff import END, Handoff, handoff
from orchestrator.state import CaseState

__all__ = ["END", "Agent", "CaseState", "Context", "Flow", "FlowError", "Handoff", "Limits", "Tools", "Turn",
           "handoff", "pass_case"]
