"""Meaning: how close a statement is to corpus sentences by the multilingual sentence encoder.

An English statement shares few surface terms with the Korean sentence that states it; the term map
glosses only general vocabulary. USE multilingual v3 (casework/engine/encoder.py) puts a Korean
sentence and its English paraphrase close together (cosine ~0.6-0.85, unrelated pairs < 0.4), so
the fact-checker reads a statement's coverage of a sentence from both its terms and this similarity:
an English statement against a Korean sentence, and a Korean paraphrase against the sentence it
rewords (ko-ko cosines of a paraphrase fall in the same range). A long sentence is also read by its
parts, since one vector blurs the clause that states the claim with those around it. Sentence
vectors are cached by content hash in the home when the store's own embeddings are the encoder,
else in the process.
Not handled: numbers (the encoder is blind to them: the comparators decide those), negation (close
vectors for "did" and "did not"), names swapped for others of one kind (fillers decide those).
"""

from __future__ import annotations

import re

import numpy as np

FLOOR, SPAN = 0.35, 0.35  # cosine 0.35 (unrelated) -> 0.0, 0.70 (a paraphrase) -> 1.0
# An English statement and the Korean sentence that states it sit lower (dev: true pairs at 0.45-0.6
# where Korean paraphrases sit at 0.55-0.75), so across scripts the floor is lower by this much
# (dev: 0.05 supported 2 more true English claims and 1 false one; 0.1, 2 true and 4 false more)
ACROSS = 0.05
LATIN = re.compile(r"[A-Za-z]")
HANGUL = re.compile(r"[가-힣]")
PIECE = re.compile(r"\s*[,:;|]\s+|\s+[-–]\s+|(?<=[가-힣](?:며|고))\s+|(?<=지만)\s+")
MIN_WORDS = 3  # a shorter part is a label or a name, too little for the encoder to read
_vectors: dict[str, np.ndarray] = {}


def is_english(text: str) -> bool:
    """Mostly Latin letters: a statement the encoder should read across languages."""
    latin, hangul = len(LATIN.findall(text)), len(HANGUL.findall(text))
    return latin > 2 * hangul


def vectors(library, texts: list[str]) -> np.ndarray:
    """Unit vectors of texts: the store's cached encoder when it is the encoder, else one kept here."""
    missing = [t for t in dict.fromkeys(texts) if t not in _vectors]
    if missing:
        embeddings = library.embeddings
        if getattr(embeddings, "name", "") == "use-m3":
            found = np.asarray(embeddings.embed_documents(missing), dtype=np.float32)
        else:
            from casework.engine.encoder import encode

            found = encode(missing)
        _vectors.update(zip(missing, found))
    return np.stack([_vectors[t] for t in texts]) if texts else np.zeros((0, 512), dtype=np.float32)


def pieces(text: str) -> list[str]:
    """A sentence and its parts between commas, colons, dashes and clause endings (-며, -고, -지만).

    One vector for a long Korean sentence blurs the clause that states the claim with the clauses
    around it ("인터넷만 연결된 환경이면 어디서든 접근 가능하며, 클라이언트에 기대는 부담이 ..."
    reads 0.25 from its English paraphrase; the clause alone, 0.44), so the closest part counts.
    """
    parts = [p.strip() for p in PIECE.split(text)]
    return [text, *(p for p in parts if p != text and len(p.split()) >= MIN_WORDS)]


def cosines(library, query: str, texts: list[str]) -> dict[str, float]:
    """Each text's cosine similarity with the query, by the multilingual encoder."""
    unique = list(dict.fromkeys(texts))
    matrix = vectors(library, [query, *unique])
    return {t: float(c) for t, c in zip(unique, matrix[1:] @ matrix[0])}


def scaled(cosine: float, floor: float = FLOOR, span: float = SPAN) -> float:
    """A cosine on a 0..1 scale: `floor` (unrelated) -> 0, `floor + span` and above -> 1."""
    return float(np.clip((cosine - floor) / span, 0.0, 1.0))


def semantic_share(library, statement: str, texts: list[str]) -> dict[str, float]:
    """Each text's closeness to the statement on a 0..1 scale, from the encoder's cosine similarity
    to the text or its closest part (read from a lower floor for an English statement and a Korean text)."""
    if not texts:
        return {}
    parts = {t: pieces(t) for t in dict.fromkeys(texts)}
    sims = cosines(library, statement, [p for t in parts for p in parts[t]])
    across = FLOOR - ACROSS if is_english(statement) else FLOOR  # for a sentence in Hangul
    return {t: scaled(max(sims[p] for p in parts[t]), across if HANGUL.search(t) else FLOOR) for t in parts}
