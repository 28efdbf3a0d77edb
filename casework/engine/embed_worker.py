"""An embedding worker process: `python -m casework.engine.embed_worker SPEC`, texts in, vectors out.

It reads a JSON list of texts on stdin and writes their vectors on stdout as float32 bytes, row
after row (casework/engine/workers.py starts it). For `use` it imports numpy and the encoder, no
LangChain.
"""

from __future__ import annotations

import json
import sys

import numpy as np


def embed(spec: str, texts: list[str]) -> np.ndarray:
    if spec in ("", "use"):
        from casework.engine.encoder import encode

        return encode(texts)
    from casework.engine.embeddings import load_embeddings

    return np.asarray(load_embeddings(spec).embed_documents(texts), dtype=np.float32)


def main() -> None:
    texts = json.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(np.ascontiguousarray(embed(sys.argv[1], texts), dtype=np.float32).tobytes())


if __name__ == "__main__":
    main()
