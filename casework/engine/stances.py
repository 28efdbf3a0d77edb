"""Stances: what a claim says about a change, an outcome, a comparison or a choice, in Korean or English.

Each stance is a pair of opposite word sets spanning both languages, so an English claim ("rose",
"failed") is read against a Korean sentence (하락, 성공) without a glossary line per word:
- direction of change: rose / increased / went up / 늘었다 / 상향 against fell / cut / 줄었다 / 하향;
- outcome: succeeded / 성공 / 달성 against failed / 실패 / 무산 ("달성에 실패" is a failure);
- level: high / 높은 / 높지만 against low / 낮은 / 낮음 (a state, not a change: "turnover is high");
- share of a group: most / 대부분 / 대다수 against few / 소수 / 일부에 불과 (not plain "some" / 일부);
- comparison: "faster than" / "보다 높다" against "the same as" / "동일한" / "비슷한";
- modality: "only X" / "X만" / "must" against evidence that offers alternatives (X or Y, X도 가능,
  X부터 Y까지 다양한), unless "only" means "merely" (only 1.3 hours; 단순히 질문 잘하는 법); or
  against evidence allowing only another one of the same kind ("안드로이드 기기에서만" / "iOS 기기에서만").
English words are matched as stems at word starts; Sino-Korean nouns (증가, 하향) inside words;
native Korean verbs (늘었다, 줄여) at word starts with their endings, so 오늘, "늘 그렇듯" and "알 줄"
are not changes. A text that holds both directions (or both outcomes) is read by the word that
modifies the statement's subject (낮은 자본 회전율), else the one that follows it most closely, else by
its predicate: the last such word of a Korean text (the verb comes last), the first of an English one
("The OECD cut its growth forecast").
Not handled: which subject a stance belongs to when a sentence holds two (the checker compares
clauses for that), double negatives, irony.
"""

from __future__ import annotations

import re

from casework.engine import hangul

UP = (
    r"\b(?:ris(?:e|es|ing|en)|rose|rais|increas(?:e|ed|es|ing)\b|grew|grow(?:s|n|ing)?\b|gain|climb|"
    r"jump|soar|surg|skyrocket|higher|expand|(?:went|go|goes|gone|going)\s+up)|"
    r"증가|상향|상승|성장|확대|급증|급등|폭등|치솟|늘[었어린렸리려고며는]|올[랐라렸린리려]|오르|높[아였여]"
)
DOWN = (
    r"\b(?:fall(?:s|en|ing)?\b|fell|drop|declin|decreas|cut|lower|shr[ai]nk|plung|slump|reduc|"
    r"(?:went|go|goes|gone|going)\s+down)|"
    r"감소|하향|하락|축소|급감|급락|폭락|줄[었어인였이여고며는]|내[렸린리려]|낮[아췄추춰]|떨어"
)
# "came to be able to X" (X할 수 있게 되었다, managed to X) states that an attempt succeeded
SUCCESS = r"\b(?:succe(?:ed|ss)|won\b|achiev|accomplish|managed\s+to)|성공|달성|이뤄|이루|수\s?있게\s?되"
FAILURE = r"\b(?:fail|lost\b|flop|collaps)|실패|무산|좌절"
# How much of a group: "most" / 대부분 against "few" / "only a part" (일부에 불과). Plain "some" / 일부 is
# left out: some of a group may well be most of it.
MOST = r"\b(?:most|majority|almost\s+all|nearly\s+all)\b|대부분|대다수|거의\s?모든"
FEW = (
    r"\b(?:few|minority|handful)\b|극?소수(?:의|만|에|이|가|는|뿐|입|였|로)|"
    r"일부(?:에\s?불과|에\s?그[치쳐칩친]|만|뿐)"
)
HIGH = r"\bhigh\b|높[은다고지음게았]"
LOW = r"\blow\b|낮[은다고지음게았을]"
STANCE_WORDS = "|".join((UP, DOWN, SUCCESS, FAILURE, HIGH, LOW, MOST, FEW))
# A Korean stem must start a word ("늘었" yes, "오늘" no); a Sino-Korean noun may sit inside one (매출증가).
NATIVE = re.compile(r"^(?:늘|줄|올|오르|내|낮|높|떨어|이뤄|이루)")
COMPARATIVE = re.compile(
    r"\b(?:higher|lower|more|less|faster|slower|larger|smaller|bigger|better|worse|greater)\s+than\b|"
    r"보다\s*(?:더\s*)?(?:크게\s*)?(?:높|낮|많|적|빠르|빨랐|느리|크|작|앞서|뒤처|우수|나은)",
    re.IGNORECASE,
)
EQUAL = re.compile(
    r"\b(?:same|equal|similar|identical|as much as)\b|동일|같은 수준|같은 수치|비슷|유사", re.I
)
# "X만" is "only X", but -지만 is "but" (했지만, 테지만) and a number's 만 is ten thousand.
ONLY = re.compile(
    r"\b(?:only|must|solely|exclusively|necessarily|(?:has|have|need|needs) to|required to)\b|"
    r"반드시|오직|유일|뿐|밖에|해야만|(?<![\d천백십억조지])(?:으로만|로만|에서만|에게만|만)(?=\s|$|[.,])",
    re.IGNORECASE,
)
ALTERNATIVES = re.compile(
    r"\b(?:or|also|both|various|as well|either)\b|또는|혹은|이나\s|거나|든지|던\s|부터|다양한|둘 다|"
    r"도 가능|도 되|수도 있|만도|에서도|도 있|(?<=[가-힣\s])등(?=\s|의|을|이|에|과|으로)",
    re.IGNORECASE,
)
NOT_ONLY = re.compile(r"뿐\s?만?\s?(?:아니라|아니고)|\bnot\s+only\b", re.IGNORECASE)
# "Only" meaning "merely": before an amount ("only 1.3 hours", "only a few"), or where either text says
# "merely" (단순히, 불과, just): it belittles the option, it does not exclude the others.
MERELY = re.compile(
    r"\b(?:merely|simply|just)\b|\bonly\s+(?:a\s+(?:few|little|handful|fraction)|\d)|단순히|불과|에\s?그[치쳤친]",
    re.IGNORECASE,
)
# Names of a measure, not a change: 성장률 / growth rate / 성장 전망 / economic growth / 증가율.
MEASURE = re.compile(
    r"[가-힣]*[률율]|성장\s*전망|경제\s*성장|\b(?:economic\s+growth|growth\s+(?:rate|forecast|outlook)|"
    r"(?:increase|decline)\s+rate)\b",
    re.IGNORECASE,
)


def stance(text: str, one: str, other: str, about: str = "") -> tuple[bool, bool]:
    """(holds `one`, holds `other`); a text holding both keeps one (see `_deciding`)."""
    lowered = MEASURE.sub(" ", text.lower())
    found = sorted(
        (m.start(), side) for side, words in ((0, one), (1, other)) for m in _finds(lowered, words)
    )
    sides = {side for _, side in found}
    if len(sides) == 2:
        sides = {_deciding(lowered, found, about)}
    return 0 in sides, 1 in sides


def _deciding(text: str, found: list[tuple[int, int]], about: str) -> int:
    """The side of the stance word that follows a word of `about` (the statement) most closely, in
    a list such as "치과 진료 10% 증가 ... 스트레스가 크게 감소"; else the predicate's: the last word of a
    Korean text (its verb comes last), the first of an English one."""
    words = re.findall(r"[가-힣]{2,}|[a-z]{3,}", about.lower())
    anchors = {w[:2] if re.match(r"[가-힣]", w) else w for w in words if not re.match(STANCE_WORDS, w)}
    # a Korean modifier names its noun right after it: "높은 NOPAT 마진, 낮은 자본 회전율"
    modifying = {side for start, side in found if _modifies(text, start, anchors)}
    if len(modifying) == 1:
        return modifying.pop()
    gaps = sorted(
        (start - max(text.rfind(a, 0, start) for a in anchors), side)
        for start, side in found
        if any(text.rfind(a, 0, start) >= 0 for a in anchors)
    )
    if gaps and (len(gaps) == 1 or gaps[0][0] < gaps[1][0] or gaps[0][1] == gaps[1][1]):
        return gaps[0][1]
    korean = len(re.findall(r"[가-힣]", text)) > len(re.findall(r"[a-z]", text))
    return found[-1][1] if korean else found[0][1]


def _modifies(text: str, start: int, anchors: set[str]) -> bool:
    """The stance word at `start` is an adnominal form (높은, 늘어난: its last syllable ends in ㄴ) whose
    next word is one of the statement's."""
    match = re.match(r"([가-힣]+)\s+(\S+)", text[start:])
    if not match:
        return False
    return hangul.parts(match.group(1)[-1])[2] == hangul.NIEUN and any(
        match.group(2).startswith(a) for a in anchors
    )


def _finds(text: str, words: str):
    for match in re.finditer(words, text):
        if (
            NATIVE.match(match.group())
            and match.start() > 0
            and re.match(r"[가-힣]", text[match.start() - 1])
        ):
            continue  # inside another word: 오늘, 하늘, 그을린
        yield match


def _opposed(ours: tuple[bool, bool], theirs: tuple[bool, bool], one: str | None, other: str | None):
    """`one` when the statement takes only the first side and the evidence only the second, `other` the
    other way round, else None (both sides, or neither, decide nothing)."""
    if ours == (True, False) and theirs == (False, True):
        return one
    if ours == (False, True) and theirs == (True, False):
        return other
    return None


def direction_conflict(statement: str, evidence: str) -> str | None:
    """'up' or 'down' when the statement moves one way and the evidence only the other way."""
    return _opposed(stance(statement, UP, DOWN), stance(evidence, UP, DOWN, about=statement), "up", "down")


def outcome_conflict(statement: str, evidence: str) -> str | None:
    """'success' or 'failure' when the statement's outcome is the opposite of the evidence's."""
    ours, theirs = stance(statement, SUCCESS, FAILURE), stance(evidence, SUCCESS, FAILURE, about=statement)
    if ours[1] and not theirs[1] and theirs[0]:  # "failed to achieve X" against "achieved X"
        return "failure"
    return _opposed(ours, theirs, "success", None)


def level_conflict(statement: str, evidence: str, about: str = "") -> str | None:
    """'high' or 'low' when the statement puts a thing at one level and the evidence at the other.

    `about` (the statement, with its words' Korean glosses for an English one) picks the level that
    follows the statement's subject in a sentence of two: "회전율이 높지만, 수익성은 낮음". A statement
    of both levels ("충성도는 높지만 회전율은 낮다") makes two claims, which this cannot pair up.
    """
    lowered = statement.lower()
    if any(_finds(lowered, HIGH)) and any(_finds(lowered, LOW)):
        return None
    ours, theirs = stance(statement, HIGH, LOW), stance(evidence, HIGH, LOW, about=about or statement)
    return _opposed(ours, theirs, "high", "low")


def share_conflict(statement: str, evidence: str) -> str | None:
    """'most' or 'few' when the statement puts most of a group where the evidence puts few, or back."""
    return _opposed(stance(statement, MOST, FEW), stance(evidence, MOST, FEW, about=statement), "most", "few")


def comparison_conflict(statement: str, evidence: str) -> bool:
    """The statement ranks two things the evidence calls the same (and the evidence ranks nothing)."""
    return bool(
        COMPARATIVE.search(statement)
        and not EQUAL.search(statement)
        and EQUAL.search(evidence)
        and not COMPARATIVE.search(evidence)
    )


# What "only" restricts: the two words before 에서만 / 으로만 / 로만 / 에게만 ("iOS 기기에서만"), or the words
# after "only" up to the clause's end ("only on iOS devices").
ONLY_KOREAN = re.compile(r"(\S+)\s+(\S+?)(?:에서만|으로만|로만|에게만)(?=\s|$|[.,])")
ONLY_ENGLISH = re.compile(r"\bonly\s+(?:on|in|for|to|with|by|at)?\s*(?:the\s+)?([^,.;]+)", re.IGNORECASE)


def restricted(text: str) -> set[str]:
    """The words of what a text says is the only option, lowercased."""
    korean, english = ONLY_KOREAN.search(text), ONLY_ENGLISH.search(text)
    if korean:
        return {w.lower() for w in korean.groups()}
    return set(english.group(1).lower().split()[:3]) if english else set()


def exclusive_conflict(statement: str, evidence: str) -> tuple[str, str] | None:
    """(the statement's only option, the evidence's) when both allow one option and name another:
    "안드로이드 기기에서만" against "iOS 기기에서만". Texts in one script only: the words are compared as
    they are written."""
    if bool(re.search(r"[가-힣]", statement)) != bool(re.search(r"[가-힣]", evidence)):
        return None
    ours, theirs = restricted(statement), restricted(evidence)
    if not ours or not theirs:
        return None
    mine, other = sorted(ours - theirs), sorted(theirs - ours)
    return (mine[0], other[0]) if mine and other and len(ours & theirs) else None


def modality_conflict(statement: str, evidence: str) -> bool:
    """The statement allows one option ("only", "must", "X만") where the evidence offers several."""
    evidence = NOT_ONLY.sub(" also ", evidence)  # "A뿐 아니라 B" / "not only A" offers more than one
    return bool(
        ONLY.search(statement)
        and not MERELY.search(statement)
        and not MERELY.search(evidence)
        and ALTERNATIVES.search(evidence)
        and not ONLY.search(evidence)
        and not ALTERNATIVES.search(statement)  # "only X or Y" already names the options
    )
