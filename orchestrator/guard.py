"""The ping-pong guard: caps on handoffs per run and per pair of agents.

When a cap trips, the run ends with a plain-language explanation instead of a recursion error.
"""

from __future__ import annotations

from pydantic import BaseModel

from casework.orchestrator.handoff import END, Handoff


class Limits(BaseModel):
    """How many handoffs a run may make, in all and between the same two agents (either way)."""

    max_handoffs: int = 16
    max_per_pair: int = 3


def check_limits(history: list[Handoff], move: Handoff, limits: Limits) -> str | None:
    """None when `move` may go ahead, else why the run must stop."""
    if move.target == END:
        return None
    if len(history) + 1 > limits.max_handoffs:
        return (
            f"Stopped: the case changed hands {len(history)} times, the most a run may "
            f"({limits.max_handoffs}); the agents were not converging."
        )
    pair = {move.source, move.target}
    repeats = sum(1 for h in history if {h.source, h.target} == pair) + 1
    if repeats > limits.max_per_pair:
        return (
            f"Stopped: {move.source} and {move.target} passed the case back and forth "
            f"{repeats} times (the limit is {limits.max_per_pair}); they were not converging."
        )
    return None
