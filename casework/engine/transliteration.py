"""Names and loanwords written in the other script: Datamorph / 데이터모프, Perplexity / 퍼플렉시티.

A Korean post writes a foreign name in Hangul as it sounds, and an English claim writes it in Latin
letters (or the reverse); no glossary lists every name. Both spellings keep the name's consonants in
order, so each is reduced to a skeleton of consonant classes (labials b p f v -> P, t d th -> T,
k g c q -> K, s sh -> S, j ch z -> J, l r -> L, m, n / ng -> N, h -> H; vowels, w, y, silent gh and
doubled consonants dropped, an English r before a consonant or at the end left out as Korean does),
and two words spell one name when their skeletons match (one edit apart for long ones) and they
have about as many vowels (the ㅡ Korean puts between consonants not counted). A Hangul word that
ends like a verb (있습니다, 보이면) is no name: without that, native words match English ones.
Not handled: names Korean renders by meaning or convention (Lee Sedol / 이세돌 drops the L; Red Cross
/ 적십자), skeletons under three consonants (too many words share them).
"""

from __future__ import annotations

import re

SHORTEST = 3  # consonants: a shorter skeleton matches too many unrelated words
LOOSE = 6  # consonants from which one edit apart still spells one name (Tenstorrent / 텐스토렌트)
# a word ending so is a verb or an adverb (있습니다, 보이면, 걸쳐), not a name (names are nouns)
VERBAL = frozenset("다요고며면지까데록서게음기던죠야한된할될쳐줘해려워와봐")
INITIALS = "KKNTTLMPPSSJJJKTPH"  # ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇ(-)ㅈㅉㅊㅋㅌㅍㅎ, ㅇ handled apart
FINALS = ["", "K", "K", "KS", "N", "NJ", "N", "T", "L", "LK", "LM", "LP", "LS", "LT", "LP", "L", "M", "P"]
FINALS += ["PS", "T", "T", "N", "T", "T", "K", "T", "P", "T"]
LATIN_CLASSES = [
    (r"(?<=[aeiou])gh", ""),  # silent: night, Leigh
    (r"tch|ch|j|dg|z", "J"),  # Korean writes z as ㅈ: 아마존, 피자
    (r"ph|f|v|b|p", "P"),
    (r"th|d|t", "T"),
    (r"sh|s", "S"),
    (r"ck|k|q|c(?![eiy])|g", "K"),
    (r"x", "KS"),
    (r"c", "S"),
    (r"ng", "N"),
    (r"l|r", "L"),
    (r"m", "M"),
    (r"n", "N"),
    (r"h", "H"),
    (r"w|y", ""),
]
LATIN_UNIT = re.compile("|".join(f"({pattern})" for pattern, _ in LATIN_CLASSES))


def latin_skeleton(word: str) -> str:
    """The consonant classes of a Latin word in order: 'Perplexity' -> 'PLKST'."""
    word = re.sub(r"[^a-z]", "", word.lower())
    word = re.sub(r"r(?![aeiouy])", "", word)  # Datamorph -> 데이터모프, Caliverse -> 칼리버스
    word = re.sub(r"(?<=a)l(?=k)", "", word)  # silent: KakaoTalk -> 카카오톡
    return _collapse("".join(LATIN_CLASSES[m.lastindex - 1][1] for m in LATIN_UNIT.finditer(word)))


def hangul_skeleton(word: str) -> str:
    """The consonant classes of a Hangul word in order: '퍼플렉시티' -> 'PLKST'."""
    out = []
    for char in word:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            continue
        initial, final = code // 588, code % 28
        if initial != 11:  # ㅇ: a silent initial
            out.append(INITIALS[initial if initial < 11 else initial - 1])
        out.append(FINALS[final])
    return _collapse("".join(out))


def _voiced(word: str) -> int:
    """Syllables of a Hangul word with a vowel of their own, not the ㅡ Korean adds between consonants."""
    codes = [ord(char) - 0xAC00 for char in word]
    return sum(1 for code in codes if 0 <= code < 11172 and code % 588 // 28 != 18)


def _collapse(skeleton: str) -> str:
    return re.sub(r"(.)\1+", r"\1", skeleton)


def spelled_alike(latin: str, hangul: str) -> bool:
    """A Latin word and a Hangul word that write one name: their skeletons match."""
    ours, theirs = latin_skeleton(latin), hangul_skeleton(hangul)
    if min(len(ours), len(theirs)) < SHORTEST or hangul[-1] in VERBAL:
        return False
    if abs(len(re.findall(r"[aeiou]", latin.lower())) - _voiced(hangul)) > 1:
        return False  # as many vowels, give or take one: 데이터모프 / Datamorph, not 해결책 / HackerRank
    return ours == theirs or min(len(ours), len(theirs)) >= LOOSE and _one_edit(ours, theirs)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


PARTICLE = re.compile(
    r"(?:이라는|라는|이라고|라고|에서는|에서|에게|으로|은|는|이|가|을|를|에|의|로|와|과|도|만|처럼|까지)$"
)


def written_in(term: str, text: str) -> bool:
    """A term (a Latin or a Hangul word) written in the other script in a text (a particle may follow)."""
    if re.match(r"[A-Za-z]", term):
        words = {PARTICLE.sub("", w) for w in re.findall(r"[가-힣]{2,}", text)}
        return any(spelled_alike(term, w) for w in words)
    return any(spelled_alike(w, PARTICLE.sub("", term)) for w in re.findall(r"[A-Za-z][A-Za-z\-]{2,}", text))
