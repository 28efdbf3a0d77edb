"""A solution to exercise 4: no citation finder, and the plan it leaves."""

PLAN = ["summarizer", "fact_checker"]


def build_flow(flow):
    return flow.remove("citation_finder")
