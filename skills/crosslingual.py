"""Cross-lingual topics: the corpus's own title or heading for a topic written in the other script.

An English request on a Korean folder ("summarize the tracing docs" over a page titled 트레이싱)
has words the corpus never writes and no glossary lists: transliterations and the translator's
own wordings. The multilingual encoder (casework/engine/encoder.py) reads the topic and the
corpus's short titles and headings in the other script; the closest one, when it is close enough,
becomes one more wording of the topic, and selection goes on as for any topic word.
A single topic word the corpus never writes ("Clubhouse", "invite") is matched the same way against
the words of the corpus's titles and headings (클럽하우스, 초대), at a stricter bar: one word has
less context than a title, and loose word neighbours (struggling ~ 격차) would pick the wrong posts.
The encoder is loaded only then, so a request the corpus's words cover never pays for it.
Not handled: topics spread over long titles (a blog post's sentence-long title is not a candidate),
a topic whose words are half in each script, more than one translation per topic or word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

SIMILAR = 0.45  # USE cosine from which a short title or heading reads as the topic's translation
WORD_SIMILAR = 0.8  # one word against one title word: wrong neighbours reach 0.78 (giving ~ 위해, 것 ~ ai)
MOST_WORDS = 4  # longer titles and headings are sentences, not names of a topic
HANGUL = re.compile(r"[가-힣]")


def _script(text: str) -> str:
    return "ko" if HANGUL.search(text) else "latin"


def titles_and_headings(library) -> set[str]:
    return {a.post.title for a in library.posts.values()} | {
        h.text for a in library.posts.values() for h in a.headings
    }


def closest_across(query: str, texts: list[str], vectors: np.ndarray, bar: float) -> str | None:
    """The text, in the other script than the query's, closest to it in meaning if at least `bar`."""
    own = _script(query)
    others = [i for i, text in enumerate(texts) if _script(text) != own]
    if not others:
        return None
    from casework.engine.encoder import encode

    similarity = vectors[others] @ encode([query])[0]
    best = int(np.argmax(similarity))
    return texts[others[best]] if similarity[best] >= bar else None


def wordings(library) -> tuple[list[str], np.ndarray]:
    """The corpus's short titles and headings and their unit vectors, encoded once per library."""
    cached = getattr(library, "_crosslingual", None)
    if cached is None:
        from casework.engine.encoder import encode

        texts = sorted(n for n in titles_and_headings(library) if 0 < len(n.split()) <= MOST_WORDS)
        cached = library._crosslingual = (texts, encode(texts))
    return cached


def translate(library, topic: str) -> str | None:
    """The corpus's title or heading, in the other script, that means the topic; None when none is close."""
    return closest_across(topic, *wordings(library), SIMILAR)


def title_words(library, stem: Callable[[str], str]) -> tuple[list[str], np.ndarray]:
    """The words of the corpus's titles and headings (Hangul ones stemmed: 클럽하우스가 -> 클럽하우스) and
    their unit vectors, encoded once per library; one-syllable words are particles and endings, not names."""
    cached = getattr(library, "_crosslingual_words", None)
    if cached is None:
        from casework.engine.encoder import encode

        names = titles_and_headings(library)
        found = {w for name in names for w in re.findall(r"[가-힣]+|[A-Za-z][A-Za-z\-]+", name)}
        words = sorted({stem(w) if HANGUL.match(w) else w.lower() for w in found} - {""})
        words = [w for w in words if len(w) > 1]
        cached = library._crosslingual_words = (words, encode(words) if words else np.zeros((0, 1)))
    return cached


def translate_word(library, word: str, stem: Callable[[str], str]) -> str | None:
    """The title or heading word, in the other script, that means a topic word; None when none is close."""
    return closest_across(word, *title_words(library, stem), WORD_SIMILAR)
