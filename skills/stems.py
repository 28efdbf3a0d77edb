"""Korean predicate stems the analyser cuts to one syllable: 오를까요 -> 오, for 오르 + ㄹ까요.

The analyser keeps a word's longest prefix the lexicon knows; when a predicate's ending merged into its
last syllable (오르 + ㄹ -> 오를, 권하 + 였 -> 권했), that prefix is one syllable and the meaning is lost.
The stem is found by undoing the merge (the final consonant the ending added, 를 -> 르; a contracted
vowel, 했 -> 하, 왔 -> 오), when the lexicon knows it. General Korean morphology, not words of one post.
Not handled: irregular stems (도와 for 돕, 들어 for 듣), stems the lexicon does not know (권하), one-syllable
nouns (팀은, 삶의: kept out with the particles; keeping them did not change the dev answers).
"""

from __future__ import annotations

from casework.engine.hangul import without_final

# A stem's last vowel contracted with the ending's 어/여 (하+였 -> 했, 오+았 -> 왔, 되+어 -> 돼).
CONTRACTED = dict(zip("해했워웠와왔져졌쳐쳤려렸돼됐여였", "하하우우오오지지치치리리되되이이"))


def predicate_stem(word: str, lexicon: frozenset[str]) -> str:
    """The stem of a predicate whose ending merged into its last syllable (오를 -> 오르), if the lexicon
    knows it; "" otherwise."""
    for end in range(len(word), 1, -1):
        head, last = word[: end - 1], word[end - 1]
        for stem in (head + without_final(last), head + CONTRACTED.get(last, "?")):
            if stem != head + last and stem in lexicon:
                return stem
    return ""
