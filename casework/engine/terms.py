"""Term skills: a bilingual term map mined from the corpus, and query expansion with it.

The corpus glosses its own terms in parentheses: 애자일(Agile), 케이스 워커(Case Worker),
SSM(State Space Models), MVP(최소 기능 제품). Those pairs, plus a curated glossary
(glossary.tsv) for words no post glosses, let an English query find Korean posts and back.
Not handled: glosses that span a line break, Korean terms longer than the English gloss has words
(only that many trailing Korean words are taken), words over 30 (Korean) or 41 (English) characters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

GLOSSARY = Path(__file__).with_name("glossary.tsv")
# Word lengths are bounded: with `+`, every start inside an unbroken word scanned to its end and
# back, quadratic in the word (a 40,000-syllable word took 10-40 s); bounded, the scan is linear.
KOREAN_THEN_ENGLISH = re.compile(
    r"((?:[가-힣A-Za-z0-9]{1,30} ){0,3}[가-힣]{1,30}) ?\(([A-Za-z][A-Za-z0-9 .&\-]{0,40})\)"
)
ENGLISH_THEN_GLOSS = re.compile(
    r"\b([A-Za-z][A-Za-z0-9]{0,40}(?: [A-Za-z][A-Za-z0-9]{0,40}){0,3}) ?"
    r"\(([가-힣A-Za-z][가-힣A-Za-z ]{1,40})\)"
)
TermMap = dict[str, set[str]]


NOT_PLURAL = frozenset("news always series species perhaps whereas sometimes towards".split())


def normalize(term: str) -> str:
    """Lower case, single spaces, simple English plurals folded (models -> model; news, basis kept)."""
    words = re.split(r"[\s\-]+", term.strip().lower())
    return " ".join(
        w[:-1]
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in NOT_PLURAL
        else w
        for w in words
    )


def stems(word: str) -> list[str]:
    """Candidate base forms of an English word, likeliest first (preprocessed -> preprocess, biggest -> big).

    A tiny suffix stripper, not a lemmatiser: callers keep the first candidate their term map knows.
    """
    word = word.lower()
    found = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("iest", ("y",)),
        ("ier", ("y",)),
        ("ily", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("est", ("", "e")),
        ("er", ("", "e")),
        ("ly", ("",)),
    ):
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not (suffix in ("s", "es") and word.endswith("ss"))
        ):
            base = word[: -len(suffix)]
            found += [base + r for r in replacements]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                found.append(base[:-1])  # running -> run, stopped -> stop, biggest -> big
    return list(dict.fromkeys(found))


def lemma(word: str, term_map: TermMap) -> str:
    """The form of an English word the term map knows (collecting -> collect), else its normalized form."""
    return next(
        (normalize(f) for f in [normalize(word), *stems(word)] if normalize(f) in term_map), normalize(word)
    )


def _pair(term_map: TermMap, a: str, b: str) -> None:
    a, b = normalize(a), normalize(b)
    if a and b and a != b:
        term_map[a].add(b)
        term_map[b].add(a)


@lru_cache(maxsize=4)  # the workspace mines the same corpus text when it analyses and when it opens
def mine_glosses(text: str) -> TermMap:
    """Pairs such as 애자일(Agile) or SSM(State Space Models), both ways, aligned word by word if they can."""
    term_map: TermMap = defaultdict(set)
    for match in KOREAN_THEN_ENGLISH.finditer(text):
        english = match[2].strip()
        english_words = [w for w in re.split(r"[\s\-]+", english) if w]
        korean_words = match[1].split()[-len(english_words) :]
        _pair(term_map, " ".join(korean_words), english)
        if len(korean_words) == len(english_words) > 1:
            for korean_word, english_word in zip(korean_words, english_words):
                _pair(term_map, korean_word, english_word)
    for match in ENGLISH_THEN_GLOSS.finditer(text):
        _pair(term_map, match[1], match[2])
    return dict(term_map)


@cache
def curated_glossary() -> TermMap:
    """The hand-kept English-Korean glossary, both ways."""
    term_map: TermMap = defaultdict(set)
    if GLOSSARY.exists():
        for line in GLOSSARY.read_text(encoding="utf-8").splitlines()[1:]:
            if "\t" in line:
                english, korean = line.split("\t", 1)
                for rendering in korean.split("|"):
                    _pair(term_map, english, rendering)
    return dict(term_map)


def merge_maps(*maps: TermMap) -> TermMap:
    """One term map holding every pair of the given maps."""
    merged: TermMap = defaultdict(set)
    for term_map in maps:
        for term, others in term_map.items():
            merged[term] |= set(others)
    return dict(merged)


def expand_query(query: str, term_map: TermMap, max_words: int = 4) -> str:
    """The query plus the glosses of every phrase in it (longest phrases first)."""
    words = [lemma(w, term_map) if w.isascii() else w for w in re.findall(r"[A-Za-z0-9]+|[가-힣]+", query)]
    additions: list[str] = []
    covered: set[int] = set()
    for size in range(max_words, 0, -1):
        for start in range(len(words) - size + 1):
            span = set(range(start, start + size))
            phrase = " ".join(words[start : start + size])
            if span & covered or phrase not in term_map:
                continue
            additions.extend(sorted(term_map[phrase]))
            covered |= span
    for word in words:  # Korean words with particles attached: 애자일의 -> 애자일
        if re.match(r"[가-힣]", word) and word not in term_map:
            stem = next((word[:n] for n in range(len(word) - 1, 1, -1) if word[:n] in term_map), None)
            if stem:
                additions.extend(sorted(term_map[stem]))
    return query if not additions else f"{query} {' '.join(dict.fromkeys(additions))}"
