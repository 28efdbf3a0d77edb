"""Summary skills: choose the posts of a topic and extract a summary from them.

(Being implemented: see the summarizer issue.)
"""

from __future__ import annotations

from pydantic import BaseModel


class SummarySentence(BaseModel):
    """A sentence of an extractive summary and exactly where it came from."""

    text: str
    post_id: str
    title: str
    sentence_index: int
    start: int
    end: int
