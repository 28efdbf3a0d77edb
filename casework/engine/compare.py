"""Compare skills: what a statement and a sentence that seems to back it disagree on.

Classical, offline checks between two short texts (Korean or English, or one of each):
quantities (2,000 / 2000 / 2천 / 2 thousand, years, percentages, money), polarity (안, 못, 않다,
없다, 아니다, not, never, n't), antonyms (증가/감소, 높다/낮다, 성공/실패...), two names whose
order is swapped, and a name put in the slot of another.
Not handled: paraphrased quantities (절반 = 50%), scope of negation beyond counting markers, or
antonyms outside the small list below.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from casework.engine.comparators import apart, bound, operator_near, within
from casework.engine.numerals import digits
from casework.engine.text import EN_STOPWORDS
from casework.engine.transliteration import written_in

MULTIPLIERS = {
    "천": 1e3,
    "만": 1e4,
    "백만": 1e6,
    "천만": 1e7,
    "십만": 1e5,
    "십억": 1e9,
    "백억": 1e10,
    "천억": 1e11,
    "억": 1e8,
    "조": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
UNITS = {
    "달러": "$",
    "dollar": "$",
    "dollars": "$",
    "$": "$",
    "usd": "$",
    "원": "원",
    "won": "원",
    "%": "%",
    "percent": "%",
    "퍼센트": "%",
    "명": "명",
    "people": "명",
    "users": "명",
    "person": "명",
    "년": "년",
    "year": "년",
    "years": "년",
    "월": "월",
    "개월": "개월",
    "months": "개월",
    "w": "w",
    "gw": "gw",
    "kg": "kg",
    "톤": "톤",
    "tons": "톤",
    "회": "회",
    "times": "회",
    "개": "개",
    "대": "대",
    "시간": "시간",
    "hours": "시간",
    "배": "배",
    "times.": "배",
    "fold": "배",
    "세": "세",
    "year-old": "세",
    "years old": "세",
    "건": "건",
}
MONTHS = "january february march april may june july august september october november december".split()
QUANTITY = re.compile(
    r"(\$)?\s?(\d+(?:,\d{3})*(?:\.\d+)?)\s?(십만|백만|천만|십억|백억|천억|천|만|억|조|thousand|million|billion|trillion)?"
    r"\s?(-year-old|\s?years old|달러|dollars?|usd|원|won|%|percent|퍼센트|명|people|users|person|년|years?|"
    r"개월|months|월|"
    r"gw|kg|w|톤|tons|회|times|fold|개|대|시간|hours|배|세|건)?",
    re.IGNORECASE,
)
KOREAN_NEGATION = re.compile(
    r"(?:^|\s)(?:안|못)\s|지\s?(?:않|못)|없[다었고는어지습으이]|없$|아니|아닌|아닙|아님|않[았는고은다습]|"
    r"말자|지\s?마|되지\s?않|[가-힣]+지\s?않"
)
NOT_ONLY = re.compile(r"뿐\s?만?\s?(?:아니라|아니고)|\bnot\s+only\b", re.IGNORECASE)
ENGLISH_NEGATION = re.compile(
    r"\b(?:not|cannot|never|no|none|nobody|nothing|neither|nor|without)\b|n't\b", re.IGNORECASE
)
ANTONYMS = [
    ("증가", "감소"),
    ("늘", "줄"),
    ("높", "낮"),
    ("성공", "실패"),
    ("이전", "이후"),
    ("상승", "하락"),
    ("상향", "하향"),
    ("올렸", "내렸"),
    ("많", "적"),
    ("크", "작"),
    ("빠르", "느리"),
    ("유리", "불리"),
    ("긍정", "부정"),
    ("흑자", "적자"),
    ("확대", "축소"),
    ("찬성", "반대"),
    ("최고", "최저"),
    ("increase", "decrease"),
    ("rise", "fall"),
    ("high", "low"),
    ("success", "fail"),
    ("before", "after"),
    ("more", "less"),
    ("win", "lose"),
    ("up", "down"),
    ("larger", "smaller"),
    ("faster", "slower"),
]
OPPOSITE = {a: b for pair in ANTONYMS for a, b in (pair, pair[::-1])}  # each word of a pair to the other


# Which of a series a text is about: the first participant / 첫 참가자 against the second / 두 번째.
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3}
KOREAN_ORDINALS = {"첫": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5}
ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|1st|2nd|3rd)\b(?!\s+(?:half|quarter))|"
    r"(?<![가-힣])(첫|두|둘|세|셋|네|넷|다섯)\s?(?:번째|째)|(?<![가-힣])(첫)(?=\s?[가-힣])",
    re.IGNORECASE,
)


class Quantity(BaseModel):
    """A number with its unit and comparator: 1,000달러 -> (1000.0, '$', '='); 30% 이상 -> (30, '%', '>')."""

    value: float
    unit: str
    op: str = (
        "="  # '>' at least / more than, '<' at most / less than, '~' about (casework.engine.comparators)
    )


def quantities(text: str) -> list[Quantity]:
    """The numbers of a text, normalised (commas, 천/만/억, thousand/million) with their unit."""
    found: list[Quantity] = []
    text = digits(text)  # "five million" reads as "5 million"
    open_scale, open_end = 0.0, -1  # the 억 of "9억 1,000만 원" still waiting for its smaller parts
    for match in QUANTITY.finditer(text):
        dollar, number, multiplier, unit = match.groups()
        if match.start(2) > 0 and re.match(r"[A-Za-z가-힣]", text[match.start(2) - 1]):
            continue  # part of a name: H100, K7, x86-64, 달리2
        if not multiplier and not unit and re.match(r"[A-Za-z]", text[match.end(2) : match.end(2) + 1]):
            continue  # a name again: 3D, 5G, 4K
        scale = MULTIPLIERS.get((multiplier or "").lower(), 1)
        value = float(number.replace(",", "")) * scale
        unit = UNITS.get((unit or "").lower().strip(" -"), "$" if dollar else "")
        if not unit and re.fullmatch(r"(19|20)\d\d", number):
            unit = "년"
        if found and scale < open_scale and not dollar and not text[open_end : match.start()].strip():
            # one Korean number written in parts: 9억 1,000만 원 is 910,000,000원, not 9억 and 1,000만원
            found[-1] = found[-1].model_copy(update={"value": found[-1].value + value, "unit": unit})
        else:
            found.append(Quantity(value=value, unit=unit, op=operator_near(text, match.start(), match.end())))
        open_scale = scale if scale >= 1e4 and not unit and re.match(r"[만억조]", multiplier or "") else 0.0
        open_end = match.end()
    for match in re.finditer(r"절반|\bhalf\b", text, re.IGNORECASE):  # a number written as a word
        found.append(Quantity(value=50.0, unit="%", op=operator_near(text, match.start(), match.end())))
    for index, month in enumerate(MONTHS, 1):
        if re.search(rf"\b{month}\b", text, re.IGNORECASE):
            found.append(Quantity(value=index, unit="월"))
    return found


def quantity_conflict(statement: str, evidence: str) -> str | None:
    """A statement number the evidence states otherwise in the same unit, described; None if none.

    A number with a comparator ("more than 30%") is satisfied by any evidence value in its range and
    contradicted only by values outside it. Two caps ("최대 / 이하 / up to" on both sides) are two
    statements of one maximum, so they must be equal ("1억원 이하의 과태료" is not "3천만원 이하의 과태료");
    a floor above the evidence's ("passed 50 million" against "500만명을 넘었다") overstates it.
    """
    if ordinals(statement) and ordinals(evidence) and not ordinals(statement) & ordinals(evidence):
        return None  # the second participant's date against the first's: two events, not a misquote
    ours, theirs = quantities(statement), quantities(evidence)
    values = {q.value for q in theirs}
    conflicts = []
    for quantity in ours:
        if satisfied(quantity, theirs):
            continue
        claim = bound(quantity.value, quantity.op)
        rivals = [
            q
            for q in theirs
            if q.unit == quantity.unit
            and q.value not in {o.value for o in ours}
            and (
                quantity.op == "="
                or quantity.op == q.op == "<"
                or (quantity.op == q.op == ">" and q.value < quantity.value)
                or apart(stated(q, quantity.op), claim)
            )
        ]
        if rivals and (quantity.unit or len(ours) == 1):
            conflicts.append(
                f"the statement says {_show(quantity)} where the evidence says {_show(rivals[0])}"
            )
    if len(conflicts) > 1 and not values & {q.value for q in ours}:
        return None  # every slot differs, nothing in common: another event or period, not a misquote
    return conflicts[0] if conflicts else None


def ordinals(text: str) -> set[int]:
    """The places in a series a text names: "the second trial" / "두 번째 참가자" -> {2}."""
    found = set()
    for match in ORDINAL.finditer(text):
        english, korean, first = match.groups()
        found.add(ORDINALS[english.lower()] if english else KOREAN_ORDINALS[korean or first])
    return found


def satisfied(quantity: Quantity, theirs: list[Quantity]) -> bool:
    """The evidence states this value, or (with a comparator) a value in its range, in the same unit."""
    if quantity.op == "=":
        return quantity.value in {q.value for q in theirs}
    claim = bound(quantity.value, quantity.op)
    return any(
        q.value == quantity.value if quantity.op == q.op == "<" else within(stated(q, quantity.op), claim)
        for q in theirs
        if q.unit == quantity.unit or not q.unit or not quantity.unit  # "12 million servers" / "1,200만 대"
    )


def stated(evidence: Quantity, claim_op: str):
    """The values an evidence number allows when read against a claim's comparator.

    "약 2,150억" against "more than 2,000억": a rough figure is read at its value when the claim only
    sets a floor or a cap (a reader says yes), and with its margin when the claim is itself a point.
    """
    return bound(evidence.value, "=" if evidence.op == "~" and claim_op in "<>" else evidence.op)


def unmatched_quantities(statement: str, evidence: str) -> list[Quantity]:
    """Statement numbers the evidence does not mention (or, with a comparator, does not satisfy)."""
    theirs = quantities(evidence)
    return [q for q in quantities(statement) if not satisfied(q, theirs) and (q.unit or q.value >= 10)]


def negations(text: str) -> int:
    """How many negation markers a text holds (Korean and English), quoted words left out."""
    text = re.sub(r"['‘“\"][^'’”\"]*['’”\"]", " ", text)
    text = NOT_ONLY.sub(" ", text)  # "A뿐 아니라 B" / "not only A but B" affirms both
    return len(KOREAN_NEGATION.findall(text)) + len(ENGLISH_NEGATION.findall(text))


def polarity_flip(statement: str, evidence: str) -> bool:
    """True when one text is negated and the other not (double negation counts as positive)."""
    return negations(statement) % 2 != negations(evidence) % 2


def antonym_conflict(statement: str, evidence: str) -> tuple[str, str] | None:
    """A word of the statement whose opposite, and not itself, is in the evidence."""
    ours, theirs = statement.lower(), evidence.lower()
    for a, b in ANTONYMS:
        for word, opposite in ((a, b), (b, a)):
            if (
                _has(ours, word)
                and not _has(ours, opposite)
                and _has(theirs, opposite)
                and not _has(theirs, word)
            ):
                return word, opposite
    return None


def swapped(statement: str, evidence: str, names: list[str]) -> tuple[str, str] | None:
    """Two names found in both texts in opposite order around a comparison (보다, than, of)."""
    ours, theirs = statement.lower(), evidence.lower()
    present = [n for n in dict.fromkeys(names) if n in ours and n in theirs]
    for i, a in enumerate(present):
        for b in present[i + 1 :]:
            if a in b or b in a:
                continue
            if (ours.index(a) < ours.index(b)) != (theirs.index(a) < theirs.index(b)):
                return a, b
    return None


VERBAL_ENDINGS = set(
    "다지고며요서면니게음기던은는을데까죠야들한된적"
)  # endings, the plural 들 and the -적 of adjectival nouns (상대적 / 비교적), not noun classes
LATIN_NAME = re.compile(r"[A-Z0-9]")  # an English name is capitalised or numbered (Google, M1)
SUBJECT, THAN = ("은", "는", "이", "가", "에서", "의"), ("보다",)
STEM = re.compile(r"(?:에서는|에서|에게|으로|보다|까지|부터|처럼|은|는|이|가|을|를|에|의|로|와|과|도|만)$")


def stem(word: str) -> str:
    """A word without quotes, punctuation and a trailing Korean particle: ‘A4와’ -> 'a4'."""
    word = re.sub(r"\([^()]*\)", "", word)  # a bracketed gloss: Air(M2)에서 -> Air에서
    word = re.sub(r"^[^\w가-힣]+|[^\w가-힣]+$", "", word.lower())
    bare = STEM.sub("", word)
    return bare if len(bare) >= 2 or not re.match(r"[가-힣]", bare) else word


def role_swap(statement: str, evidence: str) -> str | None:
    """A name compared with 보다 in one text but the subject (or place) of the other: A가 B보다 / B가."""

    def roles(text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for word in text.split():
            for ending in (*THAN, *SUBJECT):
                if word.endswith(ending) and len(word) > len(ending) + 1:
                    found.setdefault(stem(word[: -len(ending)]), set()).add(
                        "than" if ending in THAN else "subject"
                    )
                    break
        return found

    ours, theirs = roles(statement), roles(evidence)
    for name, kinds in ours.items():
        other = theirs.get(name, set())
        if ("than" in kinds and "subject" in other - kinds) or (
            "subject" in kinds and "than" in other - kinds
        ):
            return name
    return None


# "depends more on W than on L" / "L보다는 W에 더 의존": what a comparison favours and what it sets below.
# In Korean the lesser side runs from the topic or subject word (승진은, 기업이) to 보다, the favoured
# side from 보다 to 더 or the clause's end.
ENGLISH_SIDES = re.compile(r"\bmore\s+(?P<winner>[^,.;]+?)\s+than\s+(?P<loser>[^,.;]+)", re.IGNORECASE)
KOREAN_SIDES = re.compile(r"보다(?:는|도)?\s+(?P<winner>[^,.;]+?)(?:\s더|$|[,.;])")
KOREAN_SUBJECT_END = re.compile(r"[은는이가]\s|[,:;]\s")


def compared_sides(text: str) -> tuple[str, str] | None:
    """(the favoured side, the lesser side) of a comparison in a text, or None when it makes none."""
    english = ENGLISH_SIDES.search(text)
    if english:
        return english.group("winner").lower(), english.group("loser").lower()
    korean = KOREAN_SIDES.search(text)
    if korean:
        return korean.group("winner"), KOREAN_SUBJECT_END.split(text[: korean.start()])[-1]
    return None


def substitution(statement: str, evidence: str) -> tuple[str, str] | None:
    """A name of the statement whose slot in the evidence (by the same anchor word) holds another name."""
    written = statement.split()
    ours = [stem(w) for w in written]
    theirs = [stem(w) for w in evidence.split()]
    lowered = statement.lower()
    for i, word in enumerate(ours):
        if re.fullmatch(r"[\d.,]*", word) or word in EN_STOPWORDS:
            continue  # a number, or an English function word ("At Tesla"), is no name
        if re.fullmatch(r"[a-z'-]+", word) and (
            not LATIN_NAME.search(written[i]) or (i == 0 and not LATIN_NAME.search(written[i][1:]))
        ):
            continue  # a lower-case English word (led, chips), or one capitalised only to open the sentence
        for anchor, step in ((i - 1, 1), (i + 1, -1)):
            if not 0 <= anchor < len(ours) or len(ours[anchor]) < 2:
                continue
            # every place the evidence has the anchor: the word itself at one of them is no substitution
            slots = [
                theirs[k + step]
                for k, w in enumerate(theirs)
                if w == ours[anchor] and 0 <= k + step < len(theirs)
            ]
            other = next((f for f in slots if _same_kind(word, f) and f not in lowered), None)
            if word not in slots and other and not written_in(other, statement):  # 퍼플렉시티 / Perplexity
                return word, other
    return None


def _same_kind(a: str, b: str) -> bool:
    """Two different names of one kind: both Latin-lettered (M1, A4), or Korean nouns ending alike."""
    if a == b or a in b or b in a or len(a) < 2 or len(b) < 2:
        return False
    latin = re.compile(r"[a-z]")
    if latin.search(a) and latin.search(b):
        return re.sub(r"[가-힣]", "", a) != re.sub(r"[가-힣]", "", b)
    return (
        bool(re.fullmatch(r"[가-힣]+", a + b))
        and a[-1] == b[-1]
        and a[0] != b[0]
        and a[-1] not in VERBAL_ENDINGS
    )


def _has(text: str, word: str) -> bool:
    if re.match(r"[a-z]", word):
        return re.search(rf"\b{word}", text) is not None
    return word in text


def _show(quantity: Quantity) -> str:
    whole = quantity.value == int(quantity.value)
    value = (
        f"{quantity.value:.0f}"
        if quantity.unit == "년"
        else f"{quantity.value:,.0f}"
        if whole
        else f"{quantity.value:g}"
    )
    shown = f"{value}{quantity.unit}" if quantity.unit not in ("$",) else f"${value}"
    return {">": "at least ", "<": "at most ", "~": "about "}.get(quantity.op, "") + shown
