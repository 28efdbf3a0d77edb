"""Near sentences: corpus sentences the multilingual encoder reads as close to a statement.

Evidence candidates otherwise come from passage search and term overlap, which an English statement
reaches through glosses only: a Korean sentence stating the fact in words the term map does not
gloss never becomes a candidate, however close its meaning. This route ranks every corpus sentence
by the encoder's cosine to the statement. Sentence vectors go through the store's embeddings, so
with the encoder they are cached by content hash in the home's vector file: the corpus is embedded
once (a few ms a sentence), and a process keeps its matrix for later statements.
Not handled: a corpus too large for one matrix in memory (512 floats a sentence; 100k sentences is 200 MB).
"""

from __future__ import annotations

import weakref

import numpy as np

from casework.engine.retrieval import SentenceHit
from casework.skills.meaning import vectors

MIN_WORDS = 3  # a shorter sentence is a heading or a label: the encoder reads it as close to anything
_matrices: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # library -> (places, matrix)


def sentence_matrix(library) -> tuple[list[tuple[str, int]], np.ndarray]:
    """Every corpus sentence of a few words as (post id, index), with its unit vectors, rows in that order."""
    if library not in _matrices:
        places = [
            (post_id, index)
            for post_id, analyzed in library.posts.items()
            for index, sentence in enumerate(analyzed.sentences)
            if len(sentence.text.split()) >= MIN_WORDS
        ]
        texts = [library.posts[p].sentences[i].text for p, i in places]
        _matrices[library] = (places, vectors(library, texts))
    return _matrices[library]


def near_sentences(library, statement: str, k: int = 8) -> list[SentenceHit]:
    """The k corpus sentences closest in meaning to a statement, closest first."""
    places, matrix = sentence_matrix(library)
    if not places:
        return []
    closeness = matrix @ vectors(library, [statement])[0]
    terms = set(library.terms(library.expand(statement)))
    weight = sum(library.idf(t) for t in set(library.terms(statement))) or 1.0
    hits = []
    for row in np.argsort(-closeness)[:k]:
        post_id, index = places[row]
        analyzed, sentence = library.posts[post_id], library.posts[post_id].sentences[index]
        shared = terms & set(sentence.terms)
        hits.append(
            SentenceHit(
                post_id=post_id,
                title=analyzed.post.title,
                sentence_index=index,
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                overlap=round(min(1.0, sum(library.idf(t) for t in shared) / weight), 4),
                score=round(float(closeness[row]), 6),
                section=sentence.section,
            )
        )
    return hits
