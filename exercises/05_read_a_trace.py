"""Exercise 5: answer from a trace: who held the case longest, and why was it handed on at step N.

Run `casework run "summarize the agile posts"` and `casework trace show last` to see a trace. Then
write two functions that answer from any trace (a casework.orchestrator.trace.Trace): the agent that
held the case longest in total (its name, as in the trace), and the reason given when the case was
handed on at step `step`. The check asks them about fresh runs. Check: casework exercises check 5
"""


def longest_holder(trace) -> str:
    """The agent that held the case longest, over all its turns."""
    return ""  # TODO


def why_handed_on(trace, step: int) -> str:
    """The reason the holder at step `step` gave when it handed the case on."""
    return ""  # TODO
