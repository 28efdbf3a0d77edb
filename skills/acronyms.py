"""Acronyms a post defines: a name written once in full with its acronym beside it, then by the acronym.

"Vision-Language Pre-training(VLP)", "SSM(State Space Model)": after that the post writes VLP and SSM, so a
question that writes the name in full (or a word of it) finds those sentences through the acronym. The
acronym's letters must be, in order, initials of the name's last words (V-L-P), which keeps out brackets
that only translate or annotate ("엔비디아(NVIDIA)", "판매량(대)").
Not handled: acronyms defined in another post, or whose letters are not the words' initials (TDP for
thermal design power is; H100 is no acronym).
"""

from __future__ import annotations

import re

LONG = r"([A-Za-z][A-Za-z\- ]*[A-Za-z])"
SHORT = r"([A-Z]{2,6})s?"
DEFINED = re.compile(rf"{LONG}\s?\({SHORT}\)|\b{SHORT}\s?\({LONG}\)")


def named(name: str, acronym: str) -> str:
    """The fewest last words of a name whose initials spell the acronym, in order (a word may add no
    letter: Vision-Language Pre-training is VLP), lower case and without hyphens; "" when none do."""
    words = [w for w in re.split(r"[\s\-]+", name.lower()) if w]
    for start in reversed(range(max(0, len(words) - 2 * len(acronym)), len(words))):
        initials, letters = iter(w[0] for w in words[start:]), acronym.lower()
        if words[start][0] == letters[0] and all(letter in initials for letter in letters):
            return " ".join(words[start:])
    return ""


def acronyms(text: str) -> dict[str, str]:
    """The acronyms a text defines, by the full name they stand for (both lower case)."""
    found = {}
    for long_first, short, short_first, long_after in DEFINED.findall(text):
        name, acronym = (long_first, short) if long_first else (long_after, short_first)
        if len(acronym) >= 2 and named(name, acronym):
            found[named(name, acronym)] = acronym.lower()
    return found


def with_acronyms(spellings: dict[str, set[str]], text: str) -> dict[str, set[str]]:
    """Each term's spellings, with the acronym of any name the text defines that holds the term."""
    defined = acronyms(text)
    return {
        term: forms | {a for name, a in defined.items() if any(f.replace("-", " ") in name for f in forms)}
        for term, forms in spellings.items()
    }
