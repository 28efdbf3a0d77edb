"""The case state the orchestrator knows: the task, the plan, the outcome, the handoff log.

A flow's agents extend it with the fields of their domain (the built-in agents' `Case` adds the
intent, posts, summary, verdicts and citations: agents/case.py) and pass that type to `Flow`.
The orchestrator reads only the fields declared here, so it knows nothing of what the agents do.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any

from pydantic import BaseModel, Field

from casework.orchestrator.handoff import Handoff


class CaseState(BaseModel):
    """One case as it passes from holder to holder."""

    task: str
    plan: list[str] = Field(default_factory=list, description="Agents still to hold the case, in order.")
    answer: str = ""
    outcome: str = Field(default="", description="completed, no_posts, guard or error once the case ends.")
    notes: list[str] = Field(default_factory=list, description="Plain-language remarks for the report.")
    extras: dict[str, Any] = Field(default_factory=dict, description="Results of agents a user added.")
    handoffs: Annotated[list[Handoff], operator.add] = Field(default_factory=list)

    def subject(self) -> str:
        """What the specialists work on (a person reviewing handoffs sees it and may edit it)."""
        return self.task

    def edited(self, instruction: str) -> dict[str, Any]:
        """The state update that makes the specialists work on `instruction` instead."""
        return {"task": instruction}
