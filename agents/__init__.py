"""The built-in agents, one per file, and the default flow that wires them."""

from casework.agents.answerer import answerer
from casework.agents.case import Case
from casework.agents.case_worker import PLANS, case_worker
from casework.agents.citation_finder import citation_finder
from casework.agents.fact_checker import fact_checker
from casework.agents.summarizer import summarizer
from casework.orchestrator.flow import Flow
from casework.orchestrator.parallel import ParallelFlow, in_parallel


def default_flow() -> Flow:
    """Case worker, summarizer, answerer, fact-checker and citation finder, with the case worker's plans."""
    agents = [case_worker(), summarizer(), answerer(), fact_checker(), citation_finder()]
    return Flow(
        agents={agent.name: agent for agent in agents},
        plans={k: list(v) for k, v in PLANS.items()},
        state=Case,
    )


def parallel_flow() -> ParallelFlow:
    """The default flow, where the fact-checker and the citation finder check and cite the summary at once."""
    return in_parallel(default_flow(), after="summarizer", branches=["fact_checker", "citation_finder"])


__all__ = [
    "Case",
    "answerer",
    "case_worker",
    "citation_finder",
    "default_flow",
    "fact_checker",
    "parallel_flow",
    "summarizer",
]
