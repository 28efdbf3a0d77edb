"""Comparators: what range a number with "more than / at least / about / 이상 / 미만 / 약" allows.

A claim's "more than 30%" is satisfied by evidence saying 80%, and contradicted by evidence saying
20%; "less than 10,000 dollars" is contradicted by "100,000달러 이상". Each number becomes a
closed interval (a bound is taken loosely: "more than 80%" and "80% 이상" agree), and two numbers
agree when the evidence's interval lies inside the claim's, and conflict when they do not meet.
"from A to B" / "A에서 B로" gives a direction (up or down) that a reversed pair contradicts.
Not handled: comparators in words far from their number ("the share, which is above ... , is 30%"),
ranges written "30~40%" (read as two numbers), ratios between two quantities of the claim.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

APPROXIMATE = 0.15  # "about 30" covers 25.5..34.5
NUMBER = r"\$?\s?\d+(?:,\d{3})*(?:\.\d+)?"
BEFORE = {  # a word just before the number
    "more than": ">",
    "over": ">",
    "above": ">",
    "exceeding": ">",
    "passed": ">",
    "surpassed": ">",
    "topped": ">",
    "exceeded": ">",
    "at least": ">",
    "less than": "<",
    "fewer than": "<",
    "under": "<",
    "below": "<",
    "at most": "<",
    "up to": "<",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "roughly": "~",
    "nearly": "~",
    "almost": "~",
    "some": "~",
    "약": "~",
    "대략": "~",
    "최대": "<",
    "최소": ">",
}
AFTER = {  # a word just after the number and its unit (a particle may sit between)
    "이상": ">",
    "초과": ">",
    "넘": ">",
    "넘어": ">",
    "웃도": ">",
    "이하": "<",
    "미만": "<",
    "못 미": "<",
    "안 되": "<",
    "밑돌": "<",
    "가량": "~",
    "정도": "~",
    "쯤": "~",
    "안팎": "~",
    "남짓": "~",
    "or more": ">",
    "or less": "<",
    "plus": ">",
}
UNIT = r"(?:\s?[가-힣A-Za-z%$]{0,4})"
PARTICLE = r"(?:\s?(?:이|가|을|를|은|는|의|에|로|으로))?"
FROM_TO = [
    re.compile(rf"({NUMBER})\s?[%가-힣A-Za-z]*에서\s+({NUMBER})\s?[%가-힣A-Za-z]*(?:으로|로)"),
    re.compile(rf"\bfrom\s+({NUMBER})\s?%?\s*[A-Za-z]*\s+to\s+({NUMBER})", re.IGNORECASE),
]


class Bound(BaseModel):
    """The values a number allows: low..high, both inclusive."""

    low: float
    high: float


def operator_near(text: str, start: int, end: int) -> str:
    """The comparator written next to the number at text[start:end] ('=' when there is none)."""
    before = text[max(0, start - 16) : start].lower()
    for word, op in sorted(BEFORE.items(), key=lambda item: -len(item[0])):
        if re.search(rf"(?:^|[\s(]){re.escape(word)}\s*$", before):
            return op
    after = text[end : end + 14].lower()
    for word, op in sorted(AFTER.items(), key=lambda item: -len(item[0])):
        if re.match(rf"{UNIT}{PARTICLE}\s?{re.escape(word)}", after):
            return op
    return "="


def bound(value: float, op: str) -> Bound:
    """The interval a value with its comparator allows."""
    if op == ">":
        return Bound(low=value, high=float("inf"))
    if op == "<":
        return Bound(low=float("-inf"), high=value)
    if op == "~":
        return Bound(low=value * (1 - APPROXIMATE), high=value * (1 + APPROXIMATE))
    return Bound(low=value, high=value)


def within(evidence: Bound, claim: Bound) -> bool:
    """The evidence's values all satisfy the claim."""
    return claim.low <= evidence.low and evidence.high <= claim.high


def apart(evidence: Bound, claim: Bound) -> bool:
    """No value satisfies both."""
    return evidence.high < claim.low or claim.high < evidence.low


def direction(text: str) -> list[tuple[float, float]]:
    """The (from, to) pairs of a text: 2.2%에서 2.1%로 -> (2.2, 2.1); from 2.1% to 2.3% -> (2.1, 2.3)."""
    pairs = []
    for pattern in FROM_TO:
        for a, b in pattern.findall(text):
            pairs.append((_value(a), _value(b)))
    return pairs


def reversed_change(statement: str, evidence: str) -> tuple[float, float] | None:
    """A from-to pair of the statement that the evidence states the other way round."""
    theirs = set(direction(evidence))
    for a, b in direction(statement):
        if a != b and (b, a) in theirs and (a, b) not in theirs:
            return a, b
    return None


def _value(number: str) -> float:
    return float(re.sub(r"[^\d.]", "", number))
