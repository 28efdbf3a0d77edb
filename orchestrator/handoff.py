"""A handoff: the case passed from one holder to the next, like a relay baton.

Made in one place (`handoff`), a typed value the orchestrator turns into a LangGraph
`Command(goto=..., update=...)`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

END = "__end__"


class Handoff(BaseModel):
    """Who passed the case to whom, why (one sentence), and what went with it."""

    source: str
    target: str
    reason: str
    payload: dict[str, Any] = Field(default_factory=dict, description="A short summary of what was passed.")
    changed: list[str] = Field(default_factory=list, description="State keys the source changed.")
    actor: str = Field(default="", description="Who decided: the agent itself, an LLM, or a human.")


def handoff(source: str, target: str, reason: str, **payload: Any) -> Handoff:
    """The one way to make a handoff; the reason must say why, in plain language."""
    if not reason.strip():
        raise ValueError(f"a handoff from {source} to {target} needs a reason")
    return Handoff(source=source, target=target, reason=reason.strip(), payload=payload, actor=source)


def route(handoffs: list[Handoff]) -> list[str]:
    """The holders of the case in order, from its handoff log."""
    if not handoffs:
        return []
    holders = [handoffs[0].source]
    for h in handoffs:  # parallel branches hand back to one agent: it holds the joined case once
        if h.target != END and h.target != holders[-1]:
            holders.append(h.target)
    return holders
