"""The case state: everything the agents know about one case, declared once, typed."""

from __future__ import annotations

import operator
from typing import Annotated, Any

from pydantic import BaseModel, Field

from casework.orchestrator.handoff import Handoff
from casework.skills.citations import CitedSentence
from casework.skills.evidence import Verdict
from casework.skills.intent import Intent
from casework.skills.summarize import SummarySentence


class PostRef(BaseModel):
    """A post selected for the case."""

    post_id: str
    title: str


class CaseState(BaseModel):
    """One case as it passes from holder to holder."""

    task: str
    intent: Intent | None = None
    plan: list[str] = Field(default_factory=list, description="Agents still to hold the case, in order.")
    posts: list[PostRef] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    verdicts: list[Verdict] = Field(default_factory=list)
    citations: list[CitedSentence] = Field(default_factory=list)
    answer: str = ""
    outcome: str = Field(default="", description="completed, no_posts, guard or error once the case ends.")
    notes: list[str] = Field(default_factory=list, description="Plain-language remarks for the report.")
    extras: dict[str, Any] = Field(default_factory=dict, description="Results of agents a user added.")
    handoffs: Annotated[list[Handoff], operator.add] = Field(default_factory=list)
