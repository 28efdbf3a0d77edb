"""Evidence skills: split a claim into atomic statements and judge each against the corpus.

(Being implemented: see the fact-checking issue.)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Label = Literal["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]


class Evidence(BaseModel):
    """A corpus sentence that bears on a statement."""

    post_id: str
    title: str
    sentence: str
    start: int
    end: int
    score: float


class Verdict(BaseModel):
    """A judgement of one atomic statement, with the evidence it rests on."""

    statement: str
    verdict: Label
    confidence: float
    evidence: list[Evidence]
    reason: str
