"""Citation skills: find the corpus sentences that support a sentence, and format them.

A candidate from `Library.search_sentences` supports a sentence when it holds at least half of
the idf weight of the sentence's distinctive terms (those in fewer than ~1 in 50 corpus sentences,
idf counted on the text as written so particles weigh little) and at least two of them. A term
counts when the candidate holds it, a gloss of it from the term map, or (Korean) the term inside
a longer word. A candidate that lacks a number the sentence states, or lacks its negation, does
not support it. Supporters are ranked by forward coverage blended with backward coverage and
character n-gram overlap; nothing above the bar means: abstain.
Not handled: support spread over several sentences; numbers written as words (서너, twelve);
common English words the term map does not gloss (left out of the judgement, so English support
rests on glossed words and Latin-script names); swapped roles or antonyms (높다/낮다), which need
entailment, not overlap.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from pydantic import BaseModel

from casework.engine.markdown import place
from casework.engine.retrieval import Library, SentenceHit
from casework.engine.terms import normalize, stems
from casework.engine.text import char_ngrams, split_sentences

CANDIDATES, PASSAGES = 30, 10
DISTINCTIVE = math.log(1 + 50)  # a distinctive term is in fewer than about 1 sentence in 50
SUPPORT = 0.5  # a supporting sentence holds at least half of the sentence's distinctive weight
RUNNER_UP = 0.8  # a second citation must score at least this share of the best
MIN_SHARED = 2  # and at least two of its distinctive terms: one shared word is a topic, not support
QUOTE_CHARS = 120
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEGATION = re.compile(r"않|못하|못 |없|아니(?!라)|(?:^|\s)안 |\b(?:not|no|never|cannot|without)\b|n't\b")


class Citation(BaseModel):
    """A corpus sentence that supports a sentence: post, position and a short quote."""

    post_id: str
    title: str
    quote: str
    sentence_index: int
    start: int
    end: int
    score: float
    section: str = ""  # where the sentence stands in a Markdown page: "Handoffs › Input filters"


class CitedSentence(BaseModel):
    """A sentence of a text and its citations; none means the corpus does not support it."""

    sentence: str
    citations: list[Citation]


def find_citations(library: Library, sentence: str, limit: int = 2) -> list[Citation]:
    """The corpus sentences that support a sentence, best first; [] when none does."""
    wanted = [c for c in concepts(library, sentence) if c.weight >= DISTINCTIVE]
    if len(wanted) < MIN_SHARED:
        return []
    scored = []
    for hit in library.search_sentences(sentence, k=CANDIDATES, passages=PASSAGES):
        forward, held = coverage(library, wanted, hit.sentence)
        if forward >= SUPPORT and held >= MIN_SHARED and not conflicts(sentence, hit.sentence):
            back, _ = coverage(library, concepts(library, hit.sentence), sentence)
            score = 0.6 * forward + 0.2 * back + 0.2 * ngram_overlap(sentence, hit.sentence)
            scored.append((score, hit))
    scored.sort(key=lambda pair: (-pair[0], pair[1].post_id, pair[1].sentence_index))
    return [
        citation(library, hit, score, wanted)
        for score, hit in scored[:limit]
        if score >= RUNNER_UP * scored[0][0]
    ]


def cite_text(library: Library, text: str) -> list[CitedSentence]:
    """Each sentence of a text with the corpus sentences that support it."""
    return [
        CitedSentence(sentence=s.text, citations=find_citations(library, s.text))
        for s in split_sentences(text)
    ]


def format_citation(citation: Citation, number: int) -> str:
    """A numbered reference line: [n] title (› section), sentence k (1-based): "quote"."""
    where = place(citation.title, citation.section)
    return f'[{number}] {where}, sentence {citation.sentence_index + 1}: "{citation.quote}"'


class Concept(NamedTuple):
    """A distinctive term of a sentence: its renderings (itself and its glosses) and its weight."""

    term: str
    forms: frozenset[str]
    weight: float


def concepts(library: Library, sentence: str) -> list[Concept]:
    """The sentence's terms (each once) with renderings and surface idf.

    English words no one can look for are left out.
    """
    terms, result, i, named = list(dict.fromkeys(library.terms(sentence))), [], 0, names(sentence)
    while i < len(terms):
        pair = f"{terms[i]} {terms[i + 1]}" if i + 1 < len(terms) else ""
        term = pair if pair.isascii() and normalize(pair) in library.term_map else terms[i]
        i += 2 if term == pair else 1
        forms = renderings(library, term)
        present = [surface_idf(library, f) for f in forms if surface_idf(library, f) < unseen_idf(library)]
        if (present or not term.isascii() or term in named) and not re.fullmatch(
            r"[a-z]", term
        ):  # a common English word no one glosses cannot be judged
            result.append(Concept(term, forms, min(present) if present else unseen_idf(library)))
    return result


def renderings(library: Library, term: str) -> frozenset[str]:
    """A term and its glosses, trying plain English stems (preprocessed -> preprocess) for unglossed words."""
    forms = [term]
    if term.isascii():
        forms += [normalize(term), *stems(term)]
    glosses = next((library.term_map[normalize(f)] for f in forms if normalize(f) in library.term_map), set())
    return frozenset({*forms, *glosses})


def names(sentence: str) -> set[str]:
    """Latin-script names, which Korean text keeps as written: capitalised after word one, or with digits."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9\-]*", sentence)
    return {
        w.lower() for i, w in enumerate(words) if re.search(r"\d|[A-Z].*[A-Z]", w) or (i and w[0].isupper())
    }


def holds(text: str, form: str) -> bool:
    """Whether a lower-cased text holds a rendering: English as a whole word, Korean anywhere."""
    if form.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(form)}(?![a-z0-9])", text) is not None
    return form.replace(" ", "") in text.replace(" ", "")


@lru_cache(maxsize=4)
def _texts(library: Library) -> tuple[str, ...]:
    return tuple(s.text.lower() for a in library.posts.values() for s in a.sentences)


@lru_cache(maxsize=4)
def _compact_texts(library: Library) -> tuple[str, ...]:
    return tuple(t.replace(" ", "") for t in _texts(library))


@lru_cache(maxsize=4)
def _joined(library: Library) -> tuple[str, list[int]]:
    """Every sentence in one string, and where each starts: English forms are rare, so one scan finds them."""
    starts, offset = [], 0
    for text in _texts(library):
        starts.append(offset)
        offset += len(text) + 1
    return "\n".join(_texts(library)), starts


def _word_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a whole English word (no letter or digit glued on either side)."""
    return not (start and _glued(text[start - 1])) and not (end < len(text) and _glued(text[end]))


def _glued(char: str) -> bool:
    return char.isascii() and char.isalnum()


@lru_cache(maxsize=65536)
def surface_idf(library: Library, form: str) -> float:
    """Inverse frequency of a form among corpus sentences as written, so particles (의, 을) weigh little."""
    if form.isascii():
        joined, starts = _joined(library)
        hits = (
            m.start()
            for m in re.finditer(re.escape(form), joined)  # a literal scan, then the word test
            if _word_at(joined, m.start(), m.end())
        )
        containing = len({bisect_right(starts, start) for start in hits})
    else:
        needle = form.replace(" ", "")
        containing = sum(needle in text for text in _compact_texts(library))
    return math.log(1 + len(_texts(library)) / (1 + containing))


def unseen_idf(library: Library) -> float:
    """The weight of a form no corpus sentence contains."""
    return math.log(1 + len(_texts(library)))


def coverage(library: Library, wanted: list[Concept], text: str) -> tuple[float, int]:
    """Weighted share of the concepts the text holds in some rendering, and how many it holds."""
    text = text.lower()
    held = [c for c in wanted if any(holds(text, f) for f in c.forms)]
    return sum(c.weight for c in held) / (sum(c.weight for c in wanted) or 1.0), len(held)


def ngram_overlap(sentence: str, candidate: str) -> float:
    """Share of the sentence's character n-grams found in the candidate."""
    mine, theirs = Counter(char_ngrams(sentence)), Counter(char_ngrams(candidate))
    return sum((mine & theirs).values()) / (sum(mine.values()) or 1)


def numbers(text: str) -> set[str]:
    """The numbers a text states, thousands separators dropped."""
    return {n.replace(",", "") for n in NUMBER.findall(text)}


def conflicts(sentence: str, candidate: str) -> bool:
    """A candidate that does not state every number of the sentence, or lacks the sentence's negation."""
    if not numbers(sentence) <= numbers(candidate):
        return True
    return bool(NEGATION.search(sentence.lower())) and not NEGATION.search(candidate.lower())


def citation(library: Library, hit: SentenceHit, score: float, wanted: list[Concept]) -> Citation:
    """A citation of a corpus sentence, quoted around the part that matched."""
    return Citation(
        post_id=hit.post_id,
        title=hit.title,
        quote=quote(hit.sentence, wanted),
        score=round(score, 4),
        sentence_index=hit.sentence_index,
        start=hit.start,
        end=hit.end,
        section=hit.section,
    )


def quote(sentence: str, wanted: list[Concept], width: int = QUOTE_CHARS) -> str:
    """The sentence, or about `width` characters of it around its matched terms with ellipses."""
    if len(sentence) <= width:
        return sentence
    lower = sentence.lower()
    spots = [
        lower.find(f.replace(" ", "")) for c in wanted for f in c.forms if lower.find(f.replace(" ", "")) >= 0
    ]
    centre = (min(spots) + max(spots)) // 2 if spots else 0
    start = max(0, min(centre - width // 2, len(sentence) - width))
    body = sentence[start : start + width].strip()
    return ("…" if start > 0 else "") + body + ("…" if start + width < len(sentence) else "")
