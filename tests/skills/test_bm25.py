"""skills.bm25 gives bm25s's scores to the bit, over the project corpus and odd queries."""

from __future__ import annotations

import numpy as np
import pytest

from skills.bm25 import BM25

bm25s = pytest.importorskip("bm25s", reason="the yardstick, bm25s, is not installed")


def bm25s_scores(documents: list[list[str]], queries: list[list[str]]) -> list[np.ndarray]:
    index = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
    index.index(documents, show_progress=False)
    return [index.get_scores(query) for query in queries]


def corpus_documents(library) -> list[list[str]]:
    """The passages exactly as the Library indexes them: their terms and, twice, their post's title terms."""
    titles = {p.post.id: p.title_terms for p in library.posts.values()}
    return [p.terms + titles[p.post_id] * 2 for p in library.passages]


def test_equal_to_bm25s_over_the_corpus(library):
    documents = corpus_documents(library)
    vocabulary = sorted({t for doc in documents for t in doc})
    queries = [library.terms(q) for q in ("애자일 선언문", "state space models", "트랜스포머 계산 비용", "AI 에이전트 협업")]
    queries += [vocabulary[i::97][:6] for i in range(40)]  # spread over the vocabulary, rare and common terms
    queries += [[vocabulary[0], vocabulary[0], "no-such-term"]]  # a repeated term counts twice; an unknown one not
    for query, expected in zip(queries, bm25s_scores(documents, queries)):
        got = BM25(documents).scores(query)
        assert got.dtype == expected.dtype == np.float32
        assert np.array_equal(got, expected), query
        assert np.array_equal(got.argsort()[::-1], expected.argsort()[::-1])


def test_small_cases():
    documents = [["a", "b", "a"], ["b"], ["c", "d", "e", "f"], ["_"]]
    queries = [["a"], ["b"], ["b", "c"], ["z"], ["f", "f"]]
    for query, expected in zip(queries, bm25s_scores(documents, queries)):
        assert np.array_equal(BM25(documents).scores(query), expected), query
