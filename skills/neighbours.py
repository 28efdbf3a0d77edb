"""Neighbour skills: a sentence whose content is in the sentence next to it, and that neighbour.

A lead-in announces what the next sentence says ("이유는 크게 두 가지였습니다.", "공통점을 하나
발견했습니다.", "X라는 표현이 있습니다.", "… as follows:", a sentence ending on a colon): quoted alone it
answers nothing, so the sentence after it goes with it. A consequence points back at its cause
("이로 인해 …", "이 때문에 …", "As a result, …"): the sentence before it holds what it rests on, so that
sentence goes with it.
A sentence opening on a reference back ("이러한 노력의 일환으로 …", sentences.DANGLING) continues the one
before it, where its subject is: it is scored with that sentence, as a lead-in is with the one after;
only when it is the best sentence does that one go with it in the answer ("이 실험은 …" names its
subject well enough further down, and carrying every antecedent pushes answers out of the first three).
All are general discourse markers of Korean and English, not words of one post.
Not handled: a lead-in whose list runs over several sentences (only the first item is carried).
"""

from __future__ import annotations

import re

from casework.skills.sentences import DANGLING, is_fragment, stand_alone

# "두 가지", "다음과 같습니다", "하나 발견했습니다", "as follows", "the following", a closing colon, a term
# introduced for the next sentence to explain ("X라는 표현이 있습니다", "there is a term …").
LEAD_IN = re.compile(
    r"(?:한|두|세|네|다섯|몇|여러)\s?가지(?:가|였|입|이|로|를|는|만|의)?\s*\S{0,8}[.:]?\s*$"
    r"|(?:다음|아래)(?:과|와)\s?같"
    r"|(?:을|를)\s?(?:하나|몇 가지|두 개|세 개)\s?(?:발견|꼽|들|찾|소개)"
    r"|(?:이?라는|이란)\s?(?:표현|말|용어|개념|단어)(?:이|가)\s?(?:있습니다|있어요|있죠|있다)"
    r"|\bas follows\b|\bthe following\b|\b(?:two|three|four|several) (?:reasons|things|ways|problems)\b"
    r"|\bthere is (?:a|an) (?:term|expression|phrase|saying)\b"
    r"|:\s*$",
    re.I,
)
# A sentence opening as the consequence of the one before it (causal connectives, Korean and English).
POINTS_BACK = re.compile(
    r"^(?:이로 인해|이로 인하여|이 때문에|이때문에|그 때문에|그 결과|이러한 이유로|그런 이유로|결과적으로|"
    r"That is why|This is why|As a result|Because of this|For this reason)\b",
    re.I,
)


def leads_in(text: str) -> bool:
    """Whether a sentence announces what the next one says (its content is after it)."""
    return bool(LEAD_IN.search(text.strip()))


def points_back(text: str) -> bool:
    """Whether a sentence opens as the consequence of the sentence before it (its cause is before it)."""
    return bool(POINTS_BACK.match(text.strip()))


def neighbour(text: str) -> int:
    """The offset of the neighbour a sentence needs: +1 after a lead-in, -1 before a consequence, else 0."""
    return 1 if leads_in(text) else -1 if points_back(text) else 0


def refers_back(text: str) -> bool:
    """Whether a sentence opens on a reference to the one before it ("이 계층은 …", "이러한 …")."""
    return bool(DANGLING.match(text.strip()))


def with_neighbours(rows: list[tuple]) -> list[tuple]:
    """Ranked rows, each followed (lead-in) or preceded (consequence) by the neighbour it needs."""
    out, seen = [], set()
    for rank, row in enumerate(rows):
        score, index, text, analyzed = row
        # The best sentence is read first: when it refers back, the sentence it refers to goes before it.
        step = -1 if rank == 0 and refers_back(text) else neighbour(text)
        pair = [row]
        if step and 0 <= index + step < len(analyzed.sentences):
            other = analyzed.sentences[index + step]
            if not is_fragment(other):
                near = (score, index + step, stand_alone(other.text), analyzed)
                pair = [row, near] if step > 0 else [near, row]
        for item in pair:
            if (item[3].post.id, item[1]) not in seen:
                seen.add((item[3].post.id, item[1]))
                out.append(item)
    return out


def read_with_context(analyzed, index: int, text: str) -> str:
    """What a sentence is scored as: with the sentence before it when it refers back to it ("이러한
    노력의 일환으로 …": its subject is there), with the sentence after it when it is a lead-in."""
    step = -1 if refers_back(text) else neighbour(text)
    if not step or not 0 <= index + step < len(analyzed.sentences):
        return text
    other = analyzed.sentences[index + step].text
    return other + " " + text if step < 0 else text + " " + stand_alone(other)
