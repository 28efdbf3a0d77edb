"""A question's terms: what it asks about once its asking is gone, each with its weight and spellings.

The question words and the asking around them ("무엇인가요", "what does the author think", "explain …
in a sentence") are never the topic; what is left are content terms, each weighted by its rarity
(idf), a Korean word without its question ending and a predicate the analyser cut to one syllable
read as its stem (오를까요 -> 오르, skills/stems.py), a word the lexicon knows only in parts as the
whole word, with or without a space (딥페이크, not 딥 + 페이크: a later part never starts a word). A
term is found in a text through any of its spellings: its glosses (SSM | State Space Models), for a
name the posts write only in Hangul its spelling there (Hinton 힌턴, skills/names.py), a Korean one
only where a word starts with it.
"""

from __future__ import annotations

import re
from functools import cache

from casework.engine.terms import lemma, normalize
from casework.skills.intent import ASKS
from casework.skills.names import hangul_spelling
from casework.skills.stems import predicate_stem

AROUND = 0.5  # weight of a term found only in the title or the two sentences before
UNKNOWN_IDF = 8.0  # a name no corpus sentence has (Australia): as rare as it gets
UNKNOWN_WORD = 1.0  # an everyday English word the corpus and its glosses do not know (used, make): little
# Question words and the asking around them: never what the question is about (general Korean and English).
ASKING = frozenset(
    "무엇 무엇인가요 무엇일까요 무엇이야 무엇인지 뭐 뭐야 뭔가요 뭘까요 뭐지 무슨 어떤 어떻게 어떠한 "
    "왜 누구 누가 누구야 언제 어디 어디서 얼마 얼마나 몇 인가요 나요 하나요 있나요 했나요 건가요 "
    "일까요 할까요 입니까 합니까 "
    "what why how who whom whose when where which does do did is are was were can could should would will "
    "much many the a an of about to in on for at by with author writer blog post posts think thinks say says "
    "said tell me actually each other his her their its our your my according also still just "
    "i we you they us them it this that these those there now "
    "그렇게 이렇게 저렇게".split()  # "so" ("왜 그렇게 큰 …"): the asking's emphasis, not its topic
)
# "How long", "how often": a question word with its measure, never the topic (long -> 장기 would match).
HOW_MEASURE = re.compile(r"\bhow\s+(?:long|often|far|soon|old|big|large|fast)\b", re.I)
# The form an ask wants ("in a sentence", "briefly", "한 문장으로"): the asking, never the topic, as is the
# imperative that asks ("explain", "설명해 줘": skills/intent.py).
FORM = re.compile(
    r"\bin (?:a|one|a few) (?:sentences?|words?|lines?)\b|\bbriefly\b|(?:한|두|세) ?(?:문장|줄)으?로", re.I
)
MONTHS = "january february march april may june july august september october november december".split()
ENDING = re.compile(r"(?:하나요|되나요|인가요|이나요|나요|는가요|가요|까요|했나요|니|냐|야|죠|지요)$")


def asking_removed(question: str) -> str:
    """A question without the imperative that asks it and the form it wants ("Explain X in a sentence")."""
    return FORM.sub(" ", ASKS.sub(" ", question))


def word_terms(library, word: str) -> list[str]:
    """The terms of one word of a question: a Korean word without its question ending, a syllable the
    analyser cut from a predicate read as the predicate's stem (오를까요 -> 오르; skills/stems.py)."""
    if not re.match(r"[가-힣]", word):
        return library.terms(word)
    bare = ENDING.sub("", word)
    if parts := compound_parts(library, bare):
        return ["".join(parts)]
    terms = [t if len(t) > 1 else predicate_stem(bare, library.lexicon) for t in library.terms(bare)]
    return [t for t in terms if t]


def compound_parts(library, word: str) -> list[str]:
    """The parts of a Korean word the lexicon knows only in parts (딥페이크 -> 딥, 페이크; 워크로드의 ->
    워크, 로드), [] for any other word: a later part is inside the word, never where a word starts, so
    the compound is looked for whole (the analyser keeps no later part of one syllable: those are
    particles and endings)."""
    parts = library.terms(word) if re.match(r"[가-힣]", word) else []
    return parts if len(parts) > 1 and word.startswith("".join(parts)) else []


def question_terms(library, question: str) -> dict[str, float]:
    """The content terms of a question with their weights (rarity), question words left out."""
    tokens = re.findall(r"[A-Za-z0-9][\w\-]*|[가-힣]+", HOW_MEASURE.sub("how", asking_removed(question)))
    names = {w.lower() for w in tokens[1:] if w[:1].isupper()} | {w.lower() for w in tokens if w.isupper()}
    terms = [term for w in tokens if w.lower() not in ASKING for term in word_terms(library, w)]
    weights = {}
    for term in terms:
        if term.lower() in ASKING or re.fullmatch(r"[a-z]", term):
            continue  # a letter left by the analyser is a possessive ('s)
        known = [f for f in forms(library, term) if f in library.lexicon]
        unknown = UNKNOWN_IDF if term in names or not term.isascii() or term.isdigit() else UNKNOWN_WORD
        if not known and (parts := compound_parts(library, term)):
            unknown = max(library.idf(p) for p in parts)  # as rare as its rarest part
        weights[term] = min(library.idf(f) for f in known) if known else unknown
    return weights


def names(question: str) -> dict[str, str]:
    """The names a question writes in Latin letters (capitalised past its first word, not an acronym),
    by their term."""
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", question)[1:]
    return {w.lower(): w for w in words if w[:1].isupper() and not w.isupper()}


def forms(library, term: str) -> set[str]:
    """A term and its glosses, lower case: the spellings that count as finding it."""
    base = lemma(term, library.term_map) if term.isascii() else term
    found = {term.lower(), base, *library.term_map.get(normalize(term), ()), *library.term_map.get(base, ())}
    if re.fullmatch(r"[a-z]+-\d+", term.lower()):
        found.add(term.lower().replace("-", ""))  # GPT-3 is also written GPT3
    if term.lower() in MONTHS:
        found.add(f"{MONTHS.index(term.lower()) + 1}월")  # October is 10월 in Korean
    return {f.lower() for f in found if len(f) > 1 or not f.isascii()}


def question_spellings(library, question: str, weights: dict[str, float]) -> dict[str, set[str]]:
    """Each question term's spellings: its glosses, a compound also with a space between its parts
    (데이터센터, 데이터 센터), and for a name no gloss writes in Hangul, the Hangul spelling the posts use
    (Hinton 힌턴, skills/names.py)."""
    spellings = {t: forms(library, t) | {" ".join(compound_parts(library, t))} - {""} for t in weights}
    for term, name in names(question).items():
        if term in spellings and all(f.isascii() for f in spellings[term]):
            spellings[term] |= {h for h in [hangul_spelling(library, name)] if h}
    return spellings


@cache
def spelled(form: str) -> re.Pattern:
    """Where a spelling is found: a Korean one only where a word starts (particles and endings follow a
    Korean word, so a term inside a word is another word: 오르 in 떠오르는), any other anywhere."""
    return re.compile(("(?<![가-힣])" if re.match("[가-힣]", form) else "") + re.escape(form))


def share(weights: dict[str, float], spellings: dict[str, set[str]], text: str, around: str = "") -> float:
    """The share of the question's weight a text holds (a term only around it counts AROUND)."""
    text, around = text.lower(), around.lower()
    found = sum(
        w
        if any(spelled(f).search(text) for f in spellings[t])
        else AROUND * w
        if any(spelled(f).search(around) for f in spellings[t])
        else 0
        for t, w in weights.items()
    )
    return found / max(1e-9, sum(weights.values()))
