"""Cross-post checks: does another post corroborate or contradict a sentence quoted from one post?

An extractive summary sentence is its post's own words, so checking it against that post proves
nothing: it always "passes". What can be checked is whether the *other* posts of the corpus say the
same (corroborated, by which post and sentence), say otherwise (contradicted, with the conflicting
sentence) or say nothing on it (stated only in its source). The judging is `check_statement` of
skills/evidence.py, run over the corpus seen without the quote's own post.
Not handled: a sentence from another post that repeats the quote word for word (a post quoting
another) counts as corroboration; agreement spread over several sentences is not seen.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from casework.orchestrator.agent import clip
from casework.skills.evidence import Evidence, check_statement
from casework.skills.summarize import SummarySentence

Finding = Literal["corroborated", "contradicted", "only_in_source"]
SPARE = 40  # extra sentences asked for, so those of the excluded post do not crowd the others out


class CrossCheck(BaseModel):
    """What the other posts say about a sentence quoted from one post."""

    statement: str
    post_id: str  # the post the sentence is quoted from
    title: str
    finding: Finding
    confidence: float  # the confidence of the judgement it rests on (check_statement's)
    evidence: list[Evidence]  # sentences of other posts: the corroborating or the conflicting one
    reason: str


class OtherPosts:
    """The library as a checker sees it without some posts: their sentences are never evidence."""

    def __init__(self, library, exclude: set[str]):
        self._library, self._exclude = library, exclude

    def __getattr__(self, name: str):
        return getattr(self._library, name)

    def search_sentences(self, text: str, k: int = 10, passages: int = 8) -> list:
        hits = self._library.search_sentences(text, k=k + SPARE, passages=passages * 2)
        return [hit for hit in hits if hit.post_id not in self._exclude][:k]


def is_quote(library, sentence: SummarySentence) -> bool:
    """Whether a summary sentence is its post's own words where it says (marked so, and found there)."""
    post = library.posts.get(sentence.post_id)
    return bool(sentence.quoted and post and sentence.text in post.post.text[sentence.start : sentence.end])


def cross_check(library, sentence: SummarySentence) -> CrossCheck:
    """Corroborated, contradicted or only in its source: a quoted sentence against the other posts."""
    verdict = check_statement(OtherPosts(library, {sentence.post_id}), sentence.text)
    others = [
        e for e in verdict.evidence if e.post_id != sentence.post_id
    ]  # never its own post, whatever searched
    if verdict.verdict == "SUPPORTED" and others:
        finding, reason = (
            "corroborated",
            f"“{others[0].title}” says so too: “{clip(others[0].sentence, 90)}”.",
        )
    elif verdict.verdict == "REFUTED" and others:
        finding = "contradicted"
        reason = f"“{others[0].title}” says otherwise: “{clip(others[0].sentence, 90)}” ({verdict.reason})"
    else:
        finding, reason, others = "only_in_source", "No other post says so or otherwise.", []
    return CrossCheck(
        statement=sentence.text,
        post_id=sentence.post_id,
        title=sentence.title,
        finding=finding,
        confidence=verdict.confidence,
        evidence=others[:1],
        reason=reason,
    )
