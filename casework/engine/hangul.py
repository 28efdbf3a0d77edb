"""Hangul syllables taken apart: Unicode composes each of the 11,172 syllables from an initial consonant,
a vowel and an optional final consonant, as 가 + (initial × 21 + vowel) × 28 + final. Korean morphology
works on those parts (an ending merges into a stem's last syllable as its final: 오르 + ㄹ -> 오를; an
adnominal form ends in the final ㄴ: 높은), and so does hearing a name in Hangul (머스크 is m, s, k).
Not handled: the compatibility jamo written alone (ㄱ, ㅏ), old Hangul.
"""

from __future__ import annotations

FIRST, COUNT = 0xAC00, 11172  # 가 .. 힣
VOWELS, FINALS = 21, 28
NIEUN = 4  # the final ㄴ, in Unicode's order of finals (0 is none)


def parts(char: str) -> tuple[int, int, int] | None:
    """The initial (0-18), vowel (0-20) and final (0 for none, 1-27) of a Hangul syllable, in Unicode's
    order; None for any other character."""
    code = ord(char) - FIRST
    if not 0 <= code < COUNT:
        return None
    return code // (VOWELS * FINALS), code // FINALS % VOWELS, code % FINALS


def without_final(char: str) -> str:
    """A syllable without its final consonant (를 -> 르); any other character as it is."""
    found = parts(char)
    return chr(ord(char) - found[2]) if found else char
