"""A solution to exercise 2: a refuted sentence goes back to the summarizer, once."""

from casework.agents.fact_checker import act as check_statements
from casework.agents.fact_checker import fact_checker


def check_then_send_back(state, tools):
    turn = check_statements(state, tools)
    refuted = [v.statement for v in turn.update["verdicts"] if v.verdict == "REFUTED"]
    sent_before = any((h.source, h.target) == ("fact_checker", "summarizer") for h in state.handoffs)
    if refuted and not sent_before:
        return tools.pass_on(
            f"Refuted “{refuted[0]}”; back to the summarizer to leave it out.",
            turn.update,
            plan=["summarizer", "fact_checker", *state.plan],
        )
    return turn


def build_flow(flow):
    built_in = fact_checker()
    agent = built_in.model_copy(
        update={"act": check_then_send_back, "handoffs": [*built_in.handoffs, "summarizer"]}
    )
    return flow.model_copy(update={"agents": {**flow.agents, "fact_checker": agent}})
