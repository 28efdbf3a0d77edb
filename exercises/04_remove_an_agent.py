"""Exercise 4: remove the citation finder, and predict the case worker's new plan.

Take the citation finder out of the flow. Before you run it, write in PLAN the agents the case
worker will plan for "summarize the agile posts" (in order, as names such as "summarizer"); then
check. The plan travels with the case worker's first handoff. Check: casework exercises check 4
"""

PLAN = ["summarizer", "fact_checker", "citation_finder"]  # TODO: your prediction


def build_flow(flow):
    """The built-in flow without the citation finder."""
    return flow  # TODO
