"""Intent skills: what a task asks for (summarize, fact-check, find sources, answer), and about what.

A deterministic parser of Korean and English task phrasings: an explicit prefix ("fact-check:",
"find sources for:", "요약:") wins; otherwise request verbs decide, then question words and
endings (무엇, 왜, 어떻게, 뭐야, …나요?, what, why, how, does …) or an imperative ask (explain, describe,
tell me why, 설명해 줘, 알려 줘) make it a question ("ask"). A question about what the blog says on a
topic ("what does the blog say about X?", "X에 대해 뭐라고 해?") asks for a summary of the topic, not for
one answer. The case worker calls it through one seam, so an LLM or a person can take its place.
Not handled: tasks that ask for two things at once (the first match wins).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from casework.engine.posts import language_of

Kind = Literal["summarize", "check", "cite", "ask"]

# Most specific first: "find sources for" must win over a generic question.
PATTERNS: list[tuple[Kind, re.Pattern]] = [
    (
        "check",
        re.compile(
            r"^\s*(fact[- ]?check|verify|check|is it true that|팩트\s?체크|사실\s?확인|검증)\b\s*:?\s*|"
            r"\s*(이|가)?\s*(사실인가요|사실이야|사실인가|맞나요|맞아|"
            r"맞는지 확인해\s*줘?|사실인지 확인해\s*줘?)\s*\??\s*$",
            re.I,
        ),
    ),
    (
        "cite",
        re.compile(
            r"^\s*(find (the )?sources? (for|of)|sources? for|cite|citations? for|"
            r"출처\s?(찾기|를 찾아\s*줘?)?|인용|근거\s?(찾기)?)\s*:?\s*|"
            r"\s*(의|에 대한)?\s*(출처|근거)를?\s*(찾아\s*줘?|알려\s*줘?)\s*\.?\s*$",
            re.I,
        ),
    ),
    (
        "summarize",
        re.compile(
            r"^\s*(summari[sz]e|summary of|give me a summary of|요약)\s*:?\s*|"
            r"\s*(을|를)?\s*(요약|정리)(해\s*줘|해\s*주세요|해|하기|해줄래)?\s*\.?\s*$",
            re.I,
        ),
    ),
]
QUESTION = re.compile(
    r"\?\s*$|^\s*(what|why|how|who|when|where|which|does|do|did|is|are|was|were|can|could|should)\b|"
    r"(무엇|뭐|왜|어떻게|어떤|무슨|누가|누구|언제|어디|얼마|몇|생각하|인가요|일까|나요|니\s*$|까\s*$)",
    re.I,
)
# "Explain X", "tell me why …", "X를 설명해 줘": an imperative that asks for an answer, as a question does.
ASKS = re.compile(
    r"^\s*(?:please\s+)?(?:explain|describe|define|"
    r"tell me (?:why|how|what|who|when|where|which|whether|if))\b|"
    r"(?:설명|알려)\s*(?:해|하여)?\s*(?:줘|줄래|주세요|주실래요|줄 수 있어|주시겠어요)",
    re.I,
)
# "What does the blog say about X?": a request for what the posts say on X, i.e. a summary.
ABOUT_TOPIC = re.compile(
    r"^\s*(?:what|tell me what)\s+(?:(?:does|do|did)\s+)?(?:the\s+|this\s+)?"
    r"(?:blog|posts?|articles?|corpus|writers?|authors?)\s+(?:say|write|cover)s?\s+(?:about|on)\b|"
    r"에\s*(?:대해서?|관해서?)\s*(?:뭐라고|무엇을|뭘)\s*(?:말|이야기|얘기|쓰|썼|하|해|했)",
    re.I,
)


class Intent(BaseModel):
    """What the case is about: its kind and the topic, claim, text or question to work on."""

    kind: Kind
    text: str
    language: str


def parse_intent(task: str) -> Intent:
    """The kind of a task and its subject, from its wording (Korean or English)."""
    for kind, pattern in PATTERNS:
        subject = pattern.sub("", task, count=1).strip(" :") if pattern.search(task) else None
        if subject:
            return Intent(kind=kind, text=subject, language=language_of(subject))
    asks = QUESTION.search(task) or ASKS.search(task)
    kind: Kind = "ask" if asks and not ABOUT_TOPIC.search(task) else "summarize"
    return Intent(kind=kind, text=task.strip(), language=language_of(task))
