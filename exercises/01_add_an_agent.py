"""Exercise 1: add an agent of your own right after the summarizer.

The tour's keyword agent (examples/keyword_agent.py) shows the shape. Write another one, with a
skill of its own: a plain typed function, for instance the posts' titles in upper case, or how many
of the summary's sentences are Korean. Its `act` calls the skill through `tools.use` and hands the
case on with `tools.pass_on(reason, {"extras": {...}})`. Insert it into the flow right after the
summarizer. Check: casework exercises check 1
"""

from casework.orchestrator import Agent  # noqa: F401  (you will need it)


def build_flow(flow):
    """The built-in flow, with your agent after the summarizer."""
    return flow  # TODO: make an Agent and add it
