"""Names across scripts: the Hangul spelling a Korean post uses for a name a question writes in Latin.

A Korean post writes Hinton 힌턴, KakaoTalk 카카오톡, Gebru 게브루; no glossary lists every name. Korean
spells a foreign name by its sounds, so a name and its Hangul spelling share a skeleton of consonant
classes (casework/engine/transliteration.py, which the fact-checker uses too). The corpus words whose
skeleton is the name's are the candidates; the multilingual encoder picks the one closest to the
name, when it is close enough (the skeleton alone admits native words: 행동 for Hinton; the encoder
alone drifts to common words: 노리 for hinton).
Not handled: names of one consonant (Arbaugh 아버: too many words share it), acronyms, names a post
translates rather than transliterates (China 중국), a name spelled in several corpus words (the
encoder reads each word alone).
"""

from __future__ import annotations

import re
from functools import cache

from casework.engine.transliteration import SHORTEST, hangul_skeleton, latin_skeletons
from casework.skills.meaning import cosines

SIMILAR = 0.45  # encoder cosine from which a candidate reads as the name's spelling (unrelated ~0.3)
HANGUL_WORD = re.compile(r"[가-힣]+")


def latin_keys(name: str) -> set[str]:
    """The consonant skeletons a Latin name may have in Hangul (casework/engine/transliteration.py), and
    each without a final d or t, which Korean may leave out (Noland / 놀런): the encoder has the last word."""
    keys = latin_skeletons(name)
    return set(keys) | {k[:-1] for k in keys if k.endswith("T")}


@cache
def _by_key(lexicon: frozenset[str]) -> dict[str, list[str]]:
    """The corpus's Hangul words by consonant skeleton (once per lexicon)."""
    index: dict[str, list[str]] = {}
    for word in lexicon:
        if HANGUL_WORD.fullmatch(word) and len(key := hangul_skeleton(word)) >= SHORTEST:
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
