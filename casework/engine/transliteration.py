"""Transliteration: whether a Hangul word spells a Latin name by sound (Musk / 머스크, AlphaGo / 알파고).

Korean writes a foreign name by its sound, so an English claim's "Elon Musk" is "일론 머스크" in the
post, and no glossary can list every name. Both spellings are reduced to a skeleton of consonant
classes (b/p/f/v one class, d/t one, g/k/c/q one, s/z/j/ch one; h and w silent; an r before a
consonant or at the end is silent in Korean: Jumper / 점퍼; a sound Korean writes two ways, th or a
soft g, tried both ways). Vowels only keep two equal consonants apart (Google / 구글 is g, g, l) and
are then dropped. Two words whose skeletons are equal and at least two classes long are one name;
skills/names.py finds a question's names with the same skeletons.
Not handled: names Korean spells by meaning (Microsoft Research / 마이크로소프트 연구소 is fine, but
Open Research / 오픈리서치 needs the glossary), one-consonant names (Ke, Lee), vowel-only differences
(the skeleton cannot tell Kim from Kum), Japanese or Chinese names read in Korean (Ke Jie / 커제).
"""

from __future__ import annotations

import re
from functools import cache

from casework.engine.hangul import parts

SHORTEST = 2  # consonant classes: a shorter skeleton matches too many words
LATIN_CLASS = dict.fromkeys("bpfv", "P") | dict.fromkeys("dt", "T") | dict.fromkeys("gkcq", "K")
LATIN_CLASS |= dict.fromkeys("szj", "S") | {"m": "M", "n": "N", "l": "L", "r": "L"}
# Initial and final consonants of a Hangul syllable, in Unicode order, as the same classes ("" = silent).
INITIALS = ["K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "S", "S", "S", "K", "T", "P", ""]
FINALS = ["", "K", "K", "K", "N", "N", "N", "T", "L", *["L"] * 7, "M", "P", "P", "T", "T", "N", "T", "T"]
FINALS += ["K", "T", "P", ""]
VOWELS = "aeiouy"
SPELLINGS = [  # letter groups English reads as one sound, rewritten before the letters are classed
    (r"ph", "f"),
    (r"ck", "k"),
    (r"x", "ks"),
    (r"sch|sh|ch|tch", "j"),
    (r"(?<=[aeiou])gh", ""),  # silent: night, Arbaugh
    (r"ng$", "n"),
    (r"c(?=[eiy])", "s"),
    (r"r(?![aeiouy])", ""),  # Korean drops an r that no vowel follows: Baker / 베이커
    (r"(?<=a)l(?=[km])", ""),  # a silent l: talk, calm (KakaoTalk / 카카오톡)
]


# Sounds Korean writes two ways: every spelling of a name is tried.
VARIANTS = [
    (r"th", ("t", "s")),  # Thompson / 톰슨, Smith / 스미스
    (r"g(?=[eiy])", ("g", "j")),  # Gebru / 게브루, Geoffrey / 제프리
]


def _collapse(classes: list[str]) -> str:
    """The consonant classes, "." standing for a vowel and "" for a silent letter, with the vowels
    dropped and a run of one class with no vowel inside merged: a doubled consonant is one sound, and
    Korean writes the l of Neuralink twice (뉴럴링크: 럴 + 링), while Quixotry keeps both of its k
    sounds (so 오케스트라, one k, is another word)."""
    heard = [c for c in classes if c]
    merged = [c for i, c in enumerate(heard) if i == 0 or c != heard[i - 1] or c == "."]
    return "".join(merged).replace(".", "")


@cache
def latin_skeletons(word: str) -> frozenset[str]:
    """The consonant classes of a Latin word as Korean may hear it: 'Zuckerberg' -> {'SKPK'}; a sound
    Korean writes two ways (th, a soft g) gives one skeleton for each."""
    forms = {re.sub(r"'s$|[^a-z]", "", word.lower())}
    for pattern, choices in VARIANTS:
        forms = {re.sub(pattern, choice, form) for form in forms for choice in choices}
    skeletons = set()
    for form in forms:
        for pattern, replacement in SPELLINGS:
            form = re.sub(pattern, replacement, form)
        skeletons.add(
            _collapse(["." if letter in VOWELS else LATIN_CLASS.get(letter, "") for letter in form])
        )
    return frozenset(skeletons)


@cache
def hangul_skeleton(word: str) -> str:
    """Consonant classes of a Hangul word, initials and finals: '저커버그' -> 'SKPK'."""
    classes = []
    for initial, _, final in filter(None, map(parts, word)):
        classes += [INITIALS[initial], ".", FINALS[final]]
    return _collapse(classes)


def spells(name: str, hangul: str, shortest: int = SHORTEST) -> bool:
    """True when a Hangul word spells a Latin name (or one of its words) by sound."""
    theirs = hangul_skeleton(hangul)
    ours = latin_skeletons(name).union(*map(latin_skeletons, re.split(r"[\s-]+", name)))
    return len(theirs) >= shortest and theirs in {k for k in ours if len(k) >= shortest}


def written_in_hangul(name: str, text: str, shortest: int = SHORTEST) -> bool:
    """True when a Hangul word of the text, or two adjacent ones (잭 도시), spells the Latin name (its
    particle may follow it), by a skeleton of at least `shortest` classes."""
    tokens = text.split()
    words = [w for token in tokens for w in re.findall(r"[가-힣]+", token)]
    pairs = [
        a + re.match(r"[가-힣]+", b).group()
        for a, b in zip(tokens, tokens[1:])
        if re.fullmatch(r"[가-힣]+", a) and re.match(r"[가-힣]", b)
    ]
    for word in [*words, *pairs]:
        if any(spells(name, word[: len(word) - cut], shortest) for cut in range(min(3, len(word)))):
            return True
    return False


def written_in(term: str, text: str, shortest: int = SHORTEST + 1) -> bool:
    """A word written in the other script in a text: a Latin name in Hangul (Datamorph / 데이터모프), or a
    Hangul word in Latin letters (올트먼 / Altman); by default a skeleton of three classes or more."""
    if re.match(r"[A-Za-z]", term):
        return written_in_hangul(term, text, shortest)
    stems = [term[: len(term) - cut] for cut in range(min(3, len(term)))]  # a particle may follow it
    latin = re.findall(r"[A-Za-z][A-Za-z\-]{2,}", text)
    return any(spells(word, stem, shortest) for word in latin for stem in stems)
