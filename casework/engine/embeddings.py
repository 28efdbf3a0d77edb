"""Embedding skills: the multilingual sentence encoder by default, hashed n-grams, or any LangChain model.

`use` (the default) is USE multilingual v3 (casework/engine/encoder.py): meaning across Korean and
English, about 0.1 s a passage on one core. `hashed` (old name `hash`) hashes words and character
2-3-grams into a fixed-size vector (log term frequency, L2-normalised): surface overlap across
Korean particles and endings, not meaning, but about 100x cheaper, which is what a 50k-post corpus
may need. Neither needs a download or fitting, so a post's vector never changes when other posts
do, which keeps ingest incremental. `provider:model` loads any installed LangChain integration.
"""

from __future__ import annotations

import hashlib
import math
import warnings

import numpy as np
from langchain_core.embeddings import Embeddings

from casework.engine.errors import UserError
from casework.engine.text import char_ngrams

DEFAULT = "use"
HASHED = ("hashed", "hash")  # "hash" is the name older homes and scripts use


class HashedNgramEmbeddings(Embeddings):
    """Words and character n-grams hashed into `dimensions` buckets; one text always gives one vector."""

    def __init__(self, dimensions: int = 2048):
        self.dimensions = dimensions

    @property
    def name(self) -> str:
        return f"hash{self.dimensions}"

    def _bucket(self, gram: str) -> tuple[int, float]:
        digest = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "little")
        return digest % self.dimensions, 1.0 if digest >> 63 else -1.0

    def embed_query(self, text: str) -> list[float]:
        vector = np.zeros(self.dimensions, dtype=np.float32)
        counts: dict[str, int] = {}
        for gram in char_ngrams(text):
            counts[gram] = counts.get(gram, 0) + 1
        for gram, count in counts.items():
            index, sign = self._bucket(gram)
            vector[index] += sign * (1.0 + math.log(count))
        norm = float(np.linalg.norm(vector))
        return (vector / norm if norm else vector).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(text) for text in texts]


class SentenceEncoderEmbeddings(Embeddings):
    """USE multilingual v3 as LangChain `Embeddings`, for the store and any LangChain component."""

    name = "use-m3"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        from casework.engine.encoder import encode

        return encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        from casework.engine.encoder import encode

        return encode([text])[0].tolist()


def load_embeddings(spec: str = DEFAULT) -> Embeddings:
    """`use` (the default), `hashed` (or `hash`), or `provider:model` for an installed LangChain model."""
    if spec in ("", DEFAULT):
        return SentenceEncoderEmbeddings()
    if spec in HASHED:
        return HashedNgramEmbeddings()
    if ":" not in spec:
        raise UserError(f"embeddings must be 'use', 'hashed' or 'provider:model', got {spec!r}")
    from langchain_classic.embeddings import init_embeddings

    try:
        with (
            warnings.catch_warnings()
        ):  # langchain-classic's entry point warns that it moved; it works the same
            warnings.simplefilter("ignore", DeprecationWarning)
            return init_embeddings(spec)
    except (ValueError, ImportError) as error:  # an unknown provider, or its package not installed
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise UserError(f"cannot load the embeddings {spec!r}: {first}") from None


def embeddings_name(embeddings: Embeddings) -> str:
    """A short name that keeps collections of different embeddings apart."""
    name = (
        getattr(embeddings, "name", None) or getattr(embeddings, "model", None) or type(embeddings).__name__
    )
    return "".join(ch if ch.isalnum() else "-" for ch in str(name)).strip("-")[:40] or "custom"
