"""Text skills: sentences and content terms for Korean and English.

Korean goes through Kiwi morphology, loaded once per process on first use (it costs about a
second and a half). Text the corpus already holds is analysed once at ingest; short texts a
user types (queries, claims) can be analysed against the corpus lexicon instead, with no Kiwi.
English sentences are split by pysbd (Kiwi splits Korean ones but keeps an English paragraph whole).
Not handled: scripts other than Hangul and Latin beyond plain word splitting.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pydantic import BaseModel

# Content morphemes: nouns, foreign words, numbers, verb and adjective stems, roots.
CONTENT_TAGS = {"NNG", "NNP", "NR", "SL", "SH", "SN", "VV", "VA", "XR", "MAG", "VCN", "VX"}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*|\d+(?:[.,]\d+)*|[가-힣]+")
EN_STOPWORDS = frozenset(
    "a an the of to in on for and or is are was were be been it its this that these those with as by "
    "at from about what which who how does do did posts post blog article articles me please".split()
)

# Trailing particles, longest first, stripped from a word the lexicon does not know as written.
PARTICLES = tuple(
    sorted(
        (
            "은 는 이 가 을 를 에 의 로 와 과 도 만 나 랑 에서 에게 으로 까지 부터 "
            "보다 처럼 이나 이라 라는 라고 로도 로는 에는 에도 와의 과의 이랑 에서는 "
            "으로는 에게서 까지는 부터는 이라는 이라고 에서도 으로도 이란 란 들은 들이 들을 들의"
        ).split(),
        key=len,
        reverse=True,
    )
)

# A closing quote and the quote that opens it.
QUOTES = {'"': '"', "'": "'", "”": "“", "’": "‘", "」": "「", "』": "『"}


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


@cache
def english_segmenter():
    """pysbd's English sentence boundary rules (abbreviations, decimals, e.g.), with character spans."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _mostly_latin(text: str) -> bool:
    return sum(ch.isascii() and ch.isalpha() for ch in text) > 2 * sum("가" <= ch <= "힣" for ch in text)


def _parts(line: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one line: Kiwi's, an English one split further by pysbd."""
    spans = []
    for start, end in _quotes_rejoined(line, [(p.start, p.end) for p in kiwi().split_into_sents(line)]):
        chunk = line[start:end]
        if _mostly_latin(chunk) and any(mark in chunk[:-1] for mark in ".!?"):
            spans += [(start + s.start, start + s.end) for s in english_segmenter().segment(chunk)]
        else:
            spans.append((start, end))
    return spans


def _quotes_rejoined(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Kiwi ends a sentence at a closing quote even when a particle is glued to it ("X"의 약자인데 …):
    the quote opens the sentence the particle goes on with, and the one before ends before the quote
    (or, when nothing ends a sentence before the quote, the two are one sentence)."""
    rejoined: list[tuple[int, int]] = []
    for start, end in spans:
        if rejoined and start == rejoined[-1][1] and re.match("[가-힣]", line[start:end]):
            before_start, before_end = rejoined[-1]
            quote = QUOTES.get(line[before_end - 1])
            opening = line.rfind(quote, before_start, before_end - 1) if quote else -1
            if opening > before_start and re.search(r"[.!?]\s+$", line[before_start:opening]):
                rejoined[-1] = (before_start, opening)
                rejoined.append((opening, end))
                continue
            if opening >= before_start:
                rejoined[-1] = (before_start, end)
                continue
        rejoined.append((start, end))
    return rejoined


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; line breaks always end a sentence (lists, titles, captions)."""
    sentences, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            for start, end in _parts(line):
                chunk = line[start:end]
                lead = len(chunk) - len(chunk.lstrip())
                sentences.append(
                    Sentence(
                        text=chunk.strip(),
                        start=offset + start + lead,
                        end=offset + start + lead + len(chunk.strip()),
                    )
                )
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


@lru_cache(maxsize=4096)
def proper_nouns(text: str) -> frozenset[str]:
    """The Hangul proper nouns Kiwi reads in a text (머스크, 이세돌, 메타), not common nouns (주말, 기간)."""
    return frozenset(
        t.form for t in kiwi().tokenize(text) if t.tag == "NNP" and re.fullmatch(r"[가-힣]+", t.form)
    )


@lru_cache(maxsize=4096)
def names_alone(word: str) -> bool:
    """Whether Kiwi reads a Hangul word by itself as a name: a proper noun (인텔, 판교) or a compound
    of nouns (랜드연구소, 오픈리서치: a name made of words); not one common noun (당시) or a verb form."""
    tags = [t.tag for t in kiwi().tokenize(word) if not t.tag.startswith(("J", "S"))]
    nouns = [t for t in tags if t in ("NNG", "NNP")]
    return "NNP" in tags or len(nouns) >= 2 and all(t in ("NNG", "NNP", "XSN") for t in tags)


def segment(text: str, lexicon: frozenset[str]) -> list[str]:
    """Content terms of a short text without Kiwi: each word whole if known, else its longest known prefixes.

    Particles go: a known word is tried without its trailing particle (에어로도 -> 에어), and Hangul glued
    to a Latin word or a number (AI의, RAG를, 3배) is only a particle, ending or counter unless the lexicon
    knows a longer piece of it. Not handled: compounds the lexicon only knows in parts
    (딥페이크 -> 딥, 페이크).
    """
    terms, previous_end = [], -1
    for match in WORD.finditer(text.lower()):
        word, glued = match[0], match.start() == previous_end
        previous_end = match.end()
        if not re.match(r"[가-힣]", word):
            if word not in EN_STOPWORDS:
                terms.append(word)
            continue
        if glued and (len(word) == 1 or word in PARTICLES):
            continue
        stripped = next((word[: -len(p)] for p in PARTICLES if word.endswith(p) and len(word) > len(p)), word)
        if word in lexicon or (stripped != word and stripped in lexicon and len(stripped) > 1):
            terms.append(word if word in lexicon else stripped)
            continue
        terms.extend(_known_prefixes(word, stripped, lexicon, glued))
    return terms


def _known_prefixes(word: str, stripped: str, lexicon: frozenset[str], glued: bool) -> list[str]:
    """A word's longest known prefixes; later single syllables are particles or endings (의, 을, 다)."""
    pieces, rest = [], word
    while rest:
        prefix = next((rest[:n] for n in range(len(rest), 0, -1) if rest[:n] in lexicon), None)
        if prefix is None:
            if rest == word and len(stripped) > 1 and not glued:
                pieces.append(
                    stripped
                )  # unknown word: keep it without its particle, it may still match as text
            break
        if (rest == word and not glued) or len(prefix) > 1:
            pieces.append(prefix)
        rest = rest[len(prefix) :]
    return pieces


def char_ngrams(text: str, sizes: tuple[int, ...] = (2, 3)) -> list[str]:
    """Character n-grams within words, lower-cased: robust to Korean particles and endings."""
    grams = []
    for word in WORD.findall(text.lower()):
        grams.append(word)
        for n in sizes:
            grams.extend(word[i : i + n] for i in range(len(word) - n + 1))
    return grams
