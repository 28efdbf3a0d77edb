"""Exercise 1: add a keyword agent right after the summarizer.

Write an agent of your own (any name but the built-in four) with one skill: a plain typed function,
for instance the summary's most repeated words. Its `act` calls the skill through `tools.use` and
hands the case on with `tools.pass_on(reason, {"extras": {...}})`. Insert it into the flow right
after the summarizer. Check: casework exercises check 1
"""

from casework.orchestrator import Agent  # noqa: F401  (you will need it)


def build_flow(flow):
    """The built-in flow, with your agent after the summarizer."""
    return flow  # TODO: make an Agent and add it
