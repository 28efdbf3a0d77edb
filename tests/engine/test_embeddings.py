"""The offline hashed n-gram embeddings: deterministic, unit-norm, sensitive to shared n-grams."""

from __future__ import annotations

import numpy as np
import pytest

from casework.engine.embeddings import HashedNgramEmbeddings, embeddings_name, load_embeddings


@pytest.fixture(scope="module")
def embeddings():
    return HashedNgramEmbeddings()


def test_the_same_text_always_gives_the_same_vector(embeddings):
    text = "애자일(Agile) : 우리가 실패하는 이유"
    assert embeddings.embed_query(text) == embeddings.embed_query(text)
    assert embeddings.embed_query(text) == HashedNgramEmbeddings().embed_query(text)  # no per-instance state


@pytest.mark.parametrize("text", ["애자일", "state space models", "GPT3가 배우는 것 " * 50])
def test_vectors_are_unit_norm_with_the_configured_size(embeddings, text):
    vector = np.array(embeddings.embed_query(text))
    assert vector.shape == (2048,)
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


def test_text_without_words_gives_the_zero_vector(embeddings):
    assert not any(embeddings.embed_query("  !!  ")) and not any(embeddings.embed_query("👍"))


def test_shared_ngrams_bring_texts_closer_across_particles(embeddings):
    query, same, other = (
        np.array(v)
        for v in embeddings.embed_documents(
            ["애자일의 실패", "애자일이 실패하는 이유", "전기가 부족한 데이터 센터"]
        )
    )
    assert query @ same > query @ other + 0.2


def test_embed_documents_matches_embed_query(embeddings):
    assert embeddings.embed_documents(["하나", "둘"]) == [
        embeddings.embed_query("하나"),
        embeddings.embed_query("둘"),
    ]


def test_load_embeddings_by_spec():
    assert isinstance(load_embeddings("hashed"), HashedNgramEmbeddings)
    assert isinstance(load_embeddings("hash"), HashedNgramEmbeddings)  # the old name keeps working
    assert embeddings_name(load_embeddings("hashed")) == "hash2048"  # so old stores keep their collection
    assert embeddings_name(load_embeddings()) == "use-m3"  # the multilingual encoder is the default
    with pytest.raises(ValueError, match="provider:model"):
        load_embeddings("nonsense")
