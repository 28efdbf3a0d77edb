"""Names across scripts: the Hangul spelling a Korean post uses for a name a question writes in Latin.

A Korean post writes Hinton 힌턴, KakaoTalk 카카오톡, Gebru 게브루; no glossary lists every name. Korean
spells a foreign name by its sounds, so a name and its Hangul spelling share their consonants once
both are reduced to a coarse skeleton (b/v/p/f -> p, d/t -> t, g/k/c/q -> k, s/z/j/ch -> s, r/l -> l;
vowels, w and y dropped; a doubled consonant is one; an r after a vowel and before a consonant or the
end is left out, as Korean does: Keller 켈러, World 월드). The corpus words whose skeleton is the
name's are the candidates; the multilingual encoder picks the one closest to the name, when it is
close enough (the skeleton alone admits native words: 행동 for Hinton; the encoder alone drifts to
common words: 노리 for hinton).
Not handled: names of one consonant (Arbaugh 아버: too many words share it), acronyms, names a post
translates rather than transliterates (China 중국), a name spelled in several corpus words (the
encoder reads each word alone).
"""

from __future__ import annotations

import re
from functools import cache

from casework.skills.meaning import cosines

SIMILAR = 0.45  # encoder cosine from which a candidate reads as the name's spelling (unrelated ~0.3)
MIN_KEY = 2  # a skeleton of one consonant matches too many words
# Initials ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ in Unicode order (ㅇ: silent)
INITIALS = "k k n t t l m p p s s _ s s s k t p h".split()
FINALS = ["", *"k k k n n n t l l l l l l l l m p p t t n s s k t p h".split()]  # a final ㅅ is a t (로봇)
CONSONANTS = dict(zip("bvpfdtkcqgjzsrlmnh", "ppppttkkkksssllmnh"))
DIGRAPHS = (("ph", "f"), ("th", "s"), ("sh", "s"), ("ch", "s"), ("ck", "k"), ("qu", "k"), ("x", "ks"))
DIGRAPHS += (("gh", ""),)  # Arbaugh, Hugh: silent
HANGUL_WORD = re.compile(r"[가-힣]+")


def hangul_key(word: str) -> str:
    """The consonant skeleton of a Hangul word ("" for a word with other characters)."""
    marks = []
    for char in word:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        marks.append(INITIALS[code // 588].replace("_", "") + "." + FINALS[code % 28])
    return _skeleton("".join(marks))


def latin_keys(name: str) -> set[str]:
    """The consonant skeletons a Latin name may have in Hangul (a soft or hard g; a final d or t
    Korean may leave out: Noland 놀런)."""
    word = re.sub(r"(.)\1+", r"\1", name.lower())
    for written, sound in DIGRAPHS:
        word = word.replace(written, sound)
    word = re.sub(r"ng\b", "n", word)
    word = re.sub(r"(?<=a)l(?=[km])", "", word)  # talk, calm: a silent l
    word = re.sub(r"c(?=[eiy])", "s", word)
    word = re.sub(r"(?<=[aeiou])r(?![aeiouy])", "", word)  # Keller 켈러, World 월드
    word = re.sub(r"(?<=.)h", "", word)  # an h after the first letter is silent or part of a digraph
    keys = [""]
    for i, char in enumerate(word):
        soft_g = char == "g" and word[i + 1 : i + 2] in ("e", "i", "y")  # Geoffrey 제프리, Gebru 게브루
        sounds = ("k", "s") if soft_g else (CONSONANTS.get(char, "."),)
        keys = [k + s for k in keys for s in sounds]
    skeletons = {_skeleton(k) for k in keys}
    return skeletons | {k[:-1] for k in skeletons if k.endswith("t")}


def _skeleton(marks: str) -> str:
    """Consonants with vowels marked as '.': adjacent equal consonants merge, then the marks go."""
    return re.sub(r"([^.])\1+", r"\1", marks).replace(".", "")


@cache
def _by_key(lexicon: frozenset[str]) -> dict[str, list[str]]:
    """The corpus's Hangul words by consonant skeleton (once per lexicon)."""
    index: dict[str, list[str]] = {}
    for word in lexicon:
        if HANGUL_WORD.fullmatch(word) and len(key := hangul_key(word)) >= MIN_KEY:
            index.setdefault(key, []).append(word)
    return index


def hangul_spelling(library, name: str) -> str | None:
    """The corpus word that spells a Latin name in Hangul (힌턴 for Hinton), or None."""
    index = _by_key(library.lexicon)
    candidates = sorted({w for key in latin_keys(name) for w in index.get(key, ())})
    if not candidates:
        return None
    closeness = cosines(library, name, candidates)
    best = max(candidates, key=lambda w: closeness[w])
    return best if closeness[best] >= SIMILAR else None
