"""Exercise 2: the fact-checker sends a refuted sentence back to the summarizer, once.

For this exercise the check swaps in a hasty summarizer: its first summary carries one false
sentence. Make the fact-checker hand the case back to the summarizer when it refutes a sentence
(the reason quoting that sentence), only the first time; the summarizer, sent back, writes a careful
summary, and the relay goes on: case worker → summarizer → fact-checker → summarizer → fact-checker
→ citation finder → case worker. Check: casework exercises check 2
"""

from casework.agents.fact_checker import act as check_statements  # noqa: F401  (the built-in work)
from casework.agents.fact_checker import fact_checker


def build_flow(flow):
    """The built-in flow, with a fact-checker that may send the case back."""
    agent = fact_checker()  # TODO: give it an act of your own (and a way back to the summarizer)
    return flow.model_copy(update={"agents": {**flow.agents, "fact_checker": agent}})
