"""The case as the built-in agents see it: the orchestrator's state plus what they find out."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from casework.orchestrator.state import CaseState
from casework.skills.citations import CitedSentence
from casework.skills.crosscheck import CrossCheck
from casework.skills.evidence import Verdict
from casework.skills.intent import Intent
from casework.skills.summarize import SummarySentence


class PostRef(BaseModel):
    """A post selected for the case."""

    post_id: str
    title: str


class Case(CaseState):
    """A case of the built-in flow: what was asked, which posts, the summary or answer, checks, citations."""

    intent: Intent | None = None
    posts: list[PostRef] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    verdicts: list[Verdict] = Field(default_factory=list)
    checks: list[CrossCheck] = Field(
        default_factory=list, description="Quoted sentences against other posts."
    )
    citations: list[CitedSentence] = Field(default_factory=list)

    def subject(self) -> str:
        return self.intent.text if self.intent else self.task

    def edited(self, instruction: str) -> dict[str, Any]:
        if self.intent is None:
            return {"task": instruction}
        return {"intent": self.intent.model_copy(update={"text": instruction})}
