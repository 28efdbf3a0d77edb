"""Citation skills: find the corpus sentences that support a sentence, and format them.

(Being implemented: see the citation issue.)
"""

from __future__ import annotations

from pydantic import BaseModel


class Citation(BaseModel):
    """A corpus sentence that supports a sentence: post, position and a short quote."""

    post_id: str
    title: str
    quote: str
    sentence_index: int
    start: int
    end: int
    score: float


class CitedSentence(BaseModel):
    """A sentence of a text and its citations; none means the corpus does not support it."""

    sentence: str
    citations: list[Citation]
