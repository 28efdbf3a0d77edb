"""Cross-lingual topics: the corpus's own title or heading for a topic written in the other script.

An English request on a Korean folder ("summarize the tracing docs" over a page titled 트레이싱)
has words the corpus never writes and no glossary lists: transliterations and the translator's
own wordings. The multilingual encoder (casework/engine/encoder.py) reads the topic and the
corpus's short titles and headings in the other script; the closest one, when it is close enough,
becomes one more wording of the topic, and selection goes on as for any topic word.
The encoder is loaded only then, so a request the corpus's words cover never pays for it.
Not handled: topics spread over long titles (a blog post's sentence-long title is not a candidate),
a topic whose words are half in each script, more than one translation per topic.
"""

from __future__ import annotations

import re

import numpy as np

SIMILAR = 0.45  # USE cosine from which a short title or heading reads as the topic's translation
MOST_WORDS = 4  # longer titles and headings are sentences, not names of a topic
HANGUL = re.compile(r"[가-힣]")


def _script(text: str) -> str:
    return "ko" if HANGUL.search(text) else "latin"


def wordings(library) -> tuple[list[str], np.ndarray]:
    """The corpus's short titles and headings and their unit vectors, encoded once per library."""
    cached = getattr(library, "_crosslingual", None)
    if cached is None:
        from casework.engine.encoder import encode

        names = {a.post.title for a in library.posts.values()} | {
            h.text for a in library.posts.values() for h in a.headings
        }
        texts = sorted(n for n in names if 0 < len(n.split()) <= MOST_WORDS)
        cached = library._crosslingual = (texts, encode(texts))
    return cached


def translate(library, topic: str) -> str | None:
    """The corpus's title or heading, in the other script, that means the topic; None when none is close."""
    texts, vectors = wordings(library)
    own = _script(topic)
    others = [i for i, text in enumerate(texts) if _script(text) != own]
    if not others:
        return None
    from casework.engine.encoder import encode

    similarity = vectors[others] @ encode([topic])[0]
    best = int(np.argmax(similarity))
    return texts[others[best]] if similarity[best] >= SIMILAR else None
