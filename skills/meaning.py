"""Meaning: how close a statement is to corpus sentences by the multilingual sentence encoder.

An English statement shares few surface terms with the Korean sentence that states it; the term map
glosses only general vocabulary. USE multilingual v3 (casework/engine/encoder.py) puts a Korean
sentence and its English paraphrase close together (cosine ~0.6-0.85, unrelated pairs < 0.4), so
the fact-checker reads an English statement's coverage of a Korean sentence from both its terms and
this similarity. Sentence vectors are cached by content hash in the home when the store's own
embeddings are the encoder, else in the process.
Not handled: Korean statements (their terms already match), numbers (the encoder is blind to them:
the comparators decide those), negation (close vectors for "did" and "did not").
"""

from __future__ import annotations

import re

import numpy as np

FLOOR, SPAN = 0.35, 0.35  # cosine 0.35 (unrelated) -> 0.0, 0.70 (a paraphrase) -> 1.0
LATIN = re.compile(r"[A-Za-z]")
HANGUL = re.compile(r"[가-힣]")
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


def semantic_share(library, statement: str, texts: list[str]) -> dict[str, float]:
    """Each text's closeness to the statement on a 0..1 scale, from the encoder's cosine similarity."""
    if not texts:
        return {}
    unique = list(dict.fromkeys(texts))
    matrix = vectors(library, [statement, *unique])
    sims = matrix[1:] @ matrix[0]
    return {t: float(np.clip((s - FLOOR) / SPAN, 0.0, 1.0)) for t, s in zip(unique, sims)}
