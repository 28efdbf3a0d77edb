"""Text skills: sentences and content terms for Korean and English.

Korean goes through Kiwi morphology, loaded once per process on first use (it costs about a
second and a half). Text the corpus already holds is analysed once at ingest; short texts a
user types (queries, claims) can be analysed against the corpus lexicon instead, with no Kiwi.
Not handled: scripts other than Hangul and Latin beyond plain word splitting.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

# Content morphemes: nouns, foreign words, numbers, verb and adjective stems, roots.
CONTENT_TAGS = {"NNG", "NNP", "NR", "SL", "SH", "SN", "VV", "VA", "XR", "MAG", "VCN", "VX"}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*|\d+(?:[.,]\d+)*|[가-힣]+")
EN_STOPWORDS = frozenset(
    "a an the of to in on for and or is are was were be been it its this that these those with as by "
    "at from about what which who how does do did posts post blog article articles me please".split()
)


class Sentence(BaseModel):
    """A sentence and where it stands in its text (character offsets, end exclusive)."""

    text: str
    start: int
    end: int


@cache
def kiwi():
    """The process's one Kiwi analyser, without the large optional dictionaries (3x faster to load)."""
    from kiwipiepy import Kiwi

    return Kiwi(load_default_dict=False, load_typo_dict=False, load_multi_dict=False)


def add_words(words: list[str]) -> None:
    """Teach Kiwi proper nouns it would split wrongly (e.g. 애자일 -> 애 + 자일)."""
    for word in words:
        if re.fullmatch(r"[가-힣]{2,}", word):
            kiwi().add_user_word(word, "NNP", 0.0)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; line breaks always end a sentence (lists, titles, captions)."""
    sentences, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            for part in kiwi().split_into_sents(line):
                chunk = line[part.start:part.end]
                lead = len(chunk) - len(chunk.lstrip())
                sentences.append(Sentence(text=chunk.strip(), start=offset + part.start + lead,
                                          end=offset + part.start + lead + len(chunk.strip())))
        offset += len(line) + 1
    return [s for s in sentences if s.text]


def tokenize(text: str) -> list[str]:
    """Content terms: Korean content morphemes and lower-cased English words, stopwords dropped."""
    terms = []
    for token in kiwi().tokenize(text):
        if token.tag in CONTENT_TAGS:
            form = token.form.lower()
            if form not in EN_STOPWORDS:
                terms.append(form)
    return terms


def segment(text: str, lexicon: frozenset[str]) -> list[str]:
    """Content terms of a short text without Kiwi: each word's longest known prefixes in the lexicon."""
    terms = []
    for word in WORD.findall(text.lower()):
        if not re.match(r"[가-힣]", word):
            if word not in EN_STOPWORDS:
                terms.append(word)
            continue
        rest = word
        while rest:
            prefix = next((rest[:n] for n in range(len(rest), 0, -1) if rest[:n] in lexicon), None)
            if prefix is None:
                if rest == word and len(word) > 1:
                    terms.append(word)  # unknown word: keep it whole, it may still match by n-grams
                break
            if rest == word or len(prefix) > 1:  # a later single syllable is a particle or ending (의, 을, 다)
                terms.append(prefix)
            rest = rest[len(prefix):]
    return terms


def char_ngrams(text: str, sizes: tuple[int, ...] = (2, 3)) -> list[str]:
    """Character n-grams within words, lower-cased: robust to Korean particles and endings."""
    grams = []
    for word in WORD.findall(text.lower()):
        grams.append(word)
        for n in sizes:
            grams.extend(word[i:i + n] for i in range(len(word) - n + 1))
    return grams
