"""The vector cache: a text is embedded once per home, whatever store or process asks for it again."""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings

from casework.engine.embeddings import HashedNgramEmbeddings
from casework.engine.vectors import CachedEmbeddings, parallel_documents


class Counting(Embeddings):
    """Hashed vectors that count the texts they embed."""

    def __init__(self):
        self.inner, self.seen = HashedNgramEmbeddings(64), []

    def embed_documents(self, texts):
        self.seen += texts
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def test_a_cached_text_is_not_embedded_again_even_by_a_new_instance(tmp_path):
    path = tmp_path / "vectors" / "x.sqlite"
    first = Counting()
    vectors = CachedEmbeddings(first, path).embed_documents(["애자일", "state space", "애자일"])
    assert first.seen == ["애자일", "state space"]  # a repeated text once
    again = Counting()
    assert CachedEmbeddings(again, path).embed_documents(["state space", "새 문장"]) == [
        vectors[1],
        again.inner.embed_query("새 문장"),
    ]
    assert again.seen == ["새 문장"]
    assert np.allclose(vectors[0], first.inner.embed_query("애자일"), atol=1e-6)


def test_worker_processes_give_the_vectors_the_process_itself_gives():
    texts = [f"문장 {i} sentence" for i in range(40)]  # three chunks: worker 0 holds the first and the third
    assert np.allclose(
        parallel_documents("hashed", texts, workers=2),
        HashedNgramEmbeddings().embed_documents(texts),
        atol=1e-6,
    )


class CountingQueries(Counting):
    """Hashed vectors that count the queries they embed."""

    def __init__(self):
        super().__init__()
        self.queries = []

    def embed_query(self, text):
        self.queries.append(text)
        return self.inner.embed_query(text)


def test_a_query_is_embedded_once_per_home_and_read_back_as_it_was_given(tmp_path):
    path = tmp_path / "vectors" / "x.sqlite"
    first = CountingQueries()
    cached = CachedEmbeddings(first, path)
    vector = cached.embed_query("애자일 팀이 실패하는 이유")
    assert cached.embed_query("애자일 팀이 실패하는 이유") == vector  # the same run asks again
    assert first.queries == ["애자일 팀이 실패하는 이유"]
    again = CountingQueries()  # a new process, as a later `casework run` is
    assert CachedEmbeddings(again, path).embed_query("애자일 팀이 실패하는 이유") == vector
    assert again.queries == []
    assert np.allclose(vector, first.inner.embed_query("애자일 팀이 실패하는 이유"), atol=1e-6)


def test_a_query_vector_handed_out_can_be_changed_without_changing_the_cache(tmp_path):
    cached = CachedEmbeddings(CountingQueries(), tmp_path / "x.sqlite")
    vector = cached.embed_query("state space")
    vector[0] = 99.0
    assert cached.embed_query("state space")[0] != 99.0
