"""A solution to exercise 5: questions answered from a trace's handoffs."""

from collections import Counter


def longest_holder(trace) -> str:
    held = Counter()
    for move in trace.handoffs():
        held[move.source] += move.held_ms
    return held.most_common(1)[0][0]


def why_handed_on(trace, step: int) -> str:
    return trace.handoffs()[step - 1].reason
