"""Stances: what a claim says about a change, an outcome, a comparison or a choice, in Korean or English.

Each stance is a pair of opposite word sets spanning both languages, so an English claim ("rose",
"failed") is read against a Korean sentence (하락, 성공) without a glossary line per word:
- direction of change: rose / increased / 늘었다 / 상향 against fell / cut / 줄었다 / 하향;
- outcome: succeeded / 성공 / 달성 against failed / 실패 / 무산 ("달성에 실패" is a failure);
- comparison: "faster than" / "보다 높다" against "the same as" / "동일한" / "비슷한";
- modality: "only X" / "X만" / "must" against evidence that offers alternatives (X or Y, X도 가능,
  X부터 Y까지 다양한).
Words are matched as stems at word starts (English) or inside words (Korean).
Not handled: which subject a stance belongs to when a sentence holds two (the checker compares
clauses for that), double negatives, irony.
"""

from __future__ import annotations

import re

UP = (
    "rise rose risen raise raised increase grew grow growth gain climb jump soar higher expand 증가 늘었 "
    "늘어 늘린 늘렸 올랐 오르 올렸 올린 상향 상승 성장 확대 높아 높였"
).split()
DOWN = (
    "fall fell fallen drop declin decreas cut lower shrank shrink plung slump reduc "
    "감소 줄었 줄어 줄인 줄였 내렸 내린 하향 하락 축소 낮아 낮췄 떨어"
).split()
SUCCESS = "succeed success won achiev accomplish 성공 달성 이뤄 이루".split()
FAILURE = "fail failure lost flop collaps 실패 무산 좌절".split()
COMPARATIVE = re.compile(
    r"\b(?:higher|lower|more|less|faster|slower|larger|smaller|bigger|better|worse|greater)\s+than\b|"
    r"보다\s*(?:더\s*)?(?:크게\s*)?(?:높|낮|많|적|빠르|빨랐|느리|크|작|앞서|뒤처|우수|나은)",
    re.IGNORECASE,
)
EQUAL = re.compile(
    r"\b(?:same|equal|similar|identical|as much as)\b|동일|같은 수준|같은 수치|비슷|유사", re.I
)
ONLY = re.compile(
    r"\b(?:only|must|solely|exclusively)\b|반드시|오직|뿐|해야만|(?<![\d천백십억조])(?:으로만|로만|에서만|에게만|만)(?=\s|$|[.,])",
    re.IGNORECASE,
)
ALTERNATIVES = re.compile(
    r"\b(?:or|also|both|various|as well)\b|또는|혹은|이나\s|거나|던\s|부터|다양한|도 가능|만도|에서도|도 있",
    re.IGNORECASE,
)


RATE = re.compile(r"[가-힣]*[률율]|\b(?:growth|increase|decline)\s+rate\b", re.IGNORECASE)


def _has(text: str, stems: list[str]) -> bool:
    lowered = RATE.sub(" ", text.lower())  # 성장률 / growth rate name a measure, not a change
    return any(re.search(rf"\b{re.escape(s)}", lowered) if s.isascii() else s in lowered for s in stems)


def direction_conflict(statement: str, evidence: str) -> str | None:
    """'up' or 'down' when the statement moves one way and the evidence only the other way."""
    ours = (_has(statement, UP), _has(statement, DOWN))
    theirs = (_has(evidence, UP), _has(evidence, DOWN))
    if ours == (True, False) and theirs == (False, True):
        return "up"
    if ours == (False, True) and theirs == (True, False):
        return "down"
    return None


def outcome_conflict(statement: str, evidence: str) -> str | None:
    """'success' or 'failure' when the statement's outcome is the opposite of the evidence's."""
    ours = (_has(statement, SUCCESS), _has(statement, FAILURE))
    theirs = (_has(evidence, SUCCESS), _has(evidence, FAILURE))
    if ours[1] and not theirs[1] and theirs[0]:  # "failed to achieve X" against "achieved X"
        return "failure"
    if ours == (True, False) and theirs == (False, True):
        return "success"
    return None


def comparison_conflict(statement: str, evidence: str) -> bool:
    """The statement ranks two things the evidence calls the same (and the evidence ranks nothing)."""
    return bool(
        COMPARATIVE.search(statement)
        and not EQUAL.search(statement)
        and EQUAL.search(evidence)
        and not COMPARATIVE.search(evidence)
    )


def modality_conflict(statement: str, evidence: str) -> bool:
    """The statement allows one option ("only", "must", "X만") where the evidence offers several."""
    return bool(
        ONLY.search(statement)
        and ALTERNATIVES.search(evidence)
        and not ONLY.search(evidence)
        and not ALTERNATIVES.search(statement)  # "only X or Y" already names the options
    )
