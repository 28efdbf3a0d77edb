"""A solution to exercise 6: the two checks of the summary at once."""

from casework.orchestrator.parallel import in_parallel


def build_flow(flow):
    return in_parallel(flow, after="summarizer", branches=["fact_checker", "citation_finder"])
