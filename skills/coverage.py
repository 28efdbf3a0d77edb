"""Coverage: how much of a statement a text holds, where every verdict of skills/evidence.py starts.

A statement's content terms are weighted by rarity (an English word the corpus does not know counts
little, a number by its slot); a term is found in a text through any of its spellings: itself, simple
English stems and their glosses, or a name the text writes in the other script (Altman / 올트먼). A
term found only in the post's title or the sentences just before counts less (AROUND). A sentence is
read in clauses, so that the one about the statement can be judged alone.
"""

from __future__ import annotations

import re

from casework.engine import compare
from casework.engine.function_words import ENGLISH_FUNCTION_WORDS
from casework.engine.numerals import digits
from casework.engine.terms import normalize
from casework.engine.transliteration import written_in, written_in_hangul

META = frozenset("필자 글쓴이 저자 글 블로그 author writer blog post article one line".split())
KOREAN_CLAUSE = re.compile(
    r"(?:(?<=[었았였했됐웠]고)|(?<=고,)|(?<=며,)|(?<=지만,)|(?<=으나,)|(?<=는데,)|(?<=면서,)|(?<=반면,))\s+"
)
# "and" joins two clauses only when a new subject follows it ("Itanium failed and AMD succeeded"), not
# two verbs of one subject ("the component that manages and supervises the process")
ENGLISH_CLAUSE = re.compile(
    r";\s+|,?\s+(?:but|while|whereas)\s+|,\s+and\s+|"
    r"\s+and\s+(?=(?:the|a|an|its|their|his|her|it|they|he|she|this|that|these|those|[A-Z][\w'-]*)\b)"
)
FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|should|may|might|must|"
    r"\w+ed)\b",
    re.IGNORECASE,
)
NUMBER = 5.0  # weight of a number's slot, about that of a rare term
AROUND = 0.8  # weight of a term found only in the title or the neighbouring sentences
UNKNOWN = 0.35  # weight of an English word neither the corpus nor the term map knows
FUNCTION = frozenset(
    "보다 에서 들이 들 수 한 로 더 것 것이다 때 등 및 또는 그 이 저 있 하 되 경우 "
    "has have had more than into through very also such any some all its their can will".split()
)
PARTICLE = re.compile(
    r"(?:은|는|이|가|을|를|에|에서|에게|의|로|으로|와|과|도|만|까지|부터|보다|처럼|"
    r"했다|했고|였다|이다|되었다|받았다|한다|된다|된|한|인|적|들)$"
)


def clauses(sentence: str) -> list[str]:
    """A sentence cut at connectives joining two full clauses (-고, -며, -지만,; and, but, ;)."""
    pieces = [p.strip(" ,") for p in KOREAN_CLAUSE.split(sentence)]
    out = []
    for piece in pieces:
        parts = [p.strip(" ,;") for p in ENGLISH_CLAUSE.split(piece)]
        if len(parts) > 1 and all(len(p.split()) >= 3 and FINITE.search(p) for p in parts):
            out.extend(parts)
        else:
            out.append(piece)
    full = [p for p in out if p.strip()]
    if len(full) > 1 and any(len(p.split()) < 2 for p in full):
        return [sentence.strip()] if sentence.strip() else []
    return full or ([sentence.strip()] if sentence.strip() else [])


def content_terms(library, statement: str) -> dict[str, float]:
    """The statement's content terms with their idf weights (particles, endings and numbers left out)."""
    words = set(re.findall(r"[가-힣]+|[A-Za-z][\w\-]*", statement.lower()))
    weights: dict[str, float] = {}
    for term in library.terms(statement):
        if (
            re.fullmatch(r"[\d.,]+", term)
            or term in compare.UNITS
            or term in compare.MULTIPLIERS
            or term in compare.MONTHS  # read as a number (March / 3월), not a word to find
        ):
            continue
        if digits(term) != term:
            continue  # a number written as a word (five, once, tenfold): the quantity comparators weigh it
        if re.match(r"[가-힣]", term) and term not in library.lexicon:
            term = PARTICLE.sub("", term)
        if re.fullmatch(r"[가-힣]", term) and term not in words:
            continue  # one syllable inside a word: a particle or an ending, not content
        if not term or term in FUNCTION or term in ENGLISH_FUNCTION_WORDS or PARTICLE.fullmatch(term):
            continue
        if term in META:
            continue  # the author and the post are implicit in every corpus sentence
        known = term in library.lexicon or variants(library, term) - {term}
        weights[term] = min(library.idf(term), 6.0) * (
            1.0 if known or re.match(r"[가-힣]", term) else UNKNOWN
        )
    return weights


def coverage(
    library, terms: dict[str, float], text: str, around: str = "", numbers=(), names: dict | None = None
) -> float:
    """Idf-weighted share of the statement's content terms found in a text (through glosses too).

    A term found only around the text (its post's title, the sentences next to it) counts for less:
    a sentence often leaves its subject to the title or the sentence before. One of the statement's
    `names` (each word with its whole name) counts when the text spells it in Hangul (musk / 머스크).
    """
    total = sum(terms.values()) + NUMBER * len(numbers)
    if not total:
        return 0.0
    lowered, around, names = text.lower(), around.lower(), names or {}
    theirs = compare.quantities(text)  # a number in the same unit aligns the slot, equal or not
    found = NUMBER * sum(
        any(q.value == t.value or q.unit and q.unit == t.unit for t in theirs) for q in numbers
    )
    for term, weight in terms.items():
        forms = variants(library, term)
        if any(f in lowered for f in forms):
            found += weight
        elif any(f in around for f in forms):
            found += weight * AROUND
        elif re.fullmatch(r"[가-힣]{3,}", term) and term[:2] in lowered:
            found += weight * AROUND  # a verb in another ending: 부추겼다 / 부추기지
        elif term in names and heard(term, names[term], lowered):
            found += weight
        elif forms == {term} and term not in names and written_in(term, text):  # (heard() read the names)
            found += weight  # a name no gloss lists, written in the other script: Datamorph / 데이터모프
        elif forms == {term} and written_in(term, around):
            found += weight * AROUND
    return found / total


def heard(word: str, name: tuple[str, ...], text: str) -> bool:
    """A word of a name that a text spells in Hangul. A word of two sounds (Sam, Elon, Swarm) is heard
    in too many Korean words (샘, 섬, 심) to count alone: another word of its name must be heard too,
    or the whole name (Jack Dorsey / 잭 도시)."""
    if written_in_hangul(word, text, 3) or (len(name) > 1 and written_in_hangul(" ".join(name), text, 3)):
        return True
    return written_in_hangul(word, text) and any(written_in_hangul(w, text, 3) for w in name if w != word)


def surroundings(library, hit) -> str:
    """The post title and the sentences just before and after a hit."""
    sentences = library.posts[hit.post_id].sentences
    near = sentences[max(0, hit.sentence_index - 2) : hit.sentence_index]
    return " ".join([hit.title, *(s.text for s in near)])


def variants(library, term: str) -> set[str]:
    """Spellings of a term to look for: itself, simple English stems, and their glosses."""
    forms = {term, compare.OPPOSITE.get(term, term)}
    if re.match(r"[a-z]", term):
        forms |= {re.sub(suffix, "", term) for suffix in ("s$", "ed$", "d$", "ing$", "es$")}
        forms = {f for f in forms if len(f) >= 2}
    glosses = {g for f in forms for g in library.term_map.get(normalize(f), ())}
    return forms | glosses
