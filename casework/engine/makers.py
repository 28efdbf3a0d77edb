"""Makers: who made a thing, in Korean or English ("developed by Meta" / "NVIDIA가 개발한").

A statement that names one maker where the sentence names another ("a platform developed by Meta"
against "NVIDIA가 개발한 플랫폼") misattributes the thing, even when the sentence's maker appears in
the statement in another role (the product's name, NVIDIA Omniverse). Only a name counts as a maker:
"회사가 개발한" names none. Not handled: makers in the subject slot ("Meta developed X"), which a
paraphrase reshuffles, and several makers ("built by A and B").
"""

from __future__ import annotations

import re
from collections.abc import Callable

MADE = r"(?:co-?)?(?:developed|made|created|built|founded|designed|invented|launched|released)"
ENGLISH_MAKER = re.compile(rf"\b{MADE}\s+by\s+(?:the\s+)?([A-Z][\w&-]*(?:\.[\w&-]+)*)")
KOREAN_MAKER = re.compile(
    r"([A-Za-z][\w&-]*(?:\.[\w&-]+)*|[가-힣]+?)(?:이|가|에서)\s+(?:개발|만든|만들|설립|창업|설계|출시)"
)


def maker(text: str, named: Callable[[str], bool]) -> str | None:
    """The name a text gives as the maker of something, or None."""
    for pattern in (ENGLISH_MAKER, KOREAN_MAKER):
        match = pattern.search(text)
        if match and (re.match(r"[A-Za-z]", match.group(1)) or named(match.group(1))):
            return match.group(1)
    return None


def maker_conflict(
    statement: str, evidence: str, same: Callable[[str, str], bool], named: Callable[[str], bool]
) -> tuple[str, str] | None:
    """(the statement's maker, the evidence's) when the two name different makers of the thing."""
    ours, theirs = maker(statement, named), maker(evidence, named)
    if not ours or not theirs:
        return None
    if ours.lower() == theirs.lower() or same(ours.lower(), theirs.lower()):
        return None
    return ours, theirs
