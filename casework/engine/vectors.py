"""A vector cache: passage vectors kept by the hash of the text embedded, so re-embedding is a lookup.

Chroma already keeps the vectors of the passages it holds; this cache keeps them across a
`--rebuild`, a deleted store, a second corpus that shares posts, or a post that moves and comes
back. One SQLite file per embeddings name in the home (`<home>/vectors/<name>.sqlite`); SQLite
serialises concurrent writers itself. New texts are embedded in worker processes when there are
many of them and the embeddings can run in one (`parallel_documents`, casework/engine/embed_worker.py),
so ingest uses both cores.
Query vectors are kept too (table `queries`, apart from the passages: a vector embedded alone can
differ in its last bits from the same text's in a batch), and remembered in the process: a run
asks for the same sentence more than once (the fact-checker and the citation finder both search
every summary sentence), and a fresh process repeating a task loads no encoder at all.
Not handled: evicting old vectors (a few KB each; delete the file to start over).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from casework.engine.workers import cores, share_out

PARALLEL_FROM = 48  # fewer new texts than this are embedded in-process: starting workers costs ~1 s
CHUNK = 16  # texts per task handed to a worker: small enough to keep both busy to the end
REMEMBERED = 4096  # query vectors a process keeps in memory (2 KB each)


def key(text: str) -> str:
    """The cache key of a text: its SHA-256."""
    return hashlib.sha256(text.encode()).hexdigest()


def parallel_documents(spec: str, texts: list[str], workers: int | None = None) -> list[list[float]]:
    """Vectors of many texts, embedded in `workers` processes (each on one core), in order.

    Each worker gets every `workers`-th chunk of CHUNK texts, so long and short texts spread evenly.
    """
    workers = max(1, min(workers or cores(), len(texts)))
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    held = [list(range(w, len(chunks), workers)) for w in range(workers)]  # chunk numbers, by worker
    shares = [[t for c in numbers for t in chunks[c]] for numbers in held]
    outputs = share_out("casework.engine.embed_worker", [spec], [json.dumps(s).encode() for s in shares])
    rows: dict[int, np.ndarray] = {}
    for numbers, share, out in zip(held, shares, outputs):
        part = np.frombuffer(out, dtype=np.float32).reshape(len(share), -1)
        for c, offset in zip(numbers, np.cumsum([0] + [len(chunks[c]) for c in numbers])):
            rows[c] = part[offset : offset + len(chunks[c])]
    return np.concatenate([rows[c] for c in range(len(chunks))]).tolist() if chunks else []


class CachedEmbeddings(Embeddings):
    """Embeddings whose document and query vectors are cached on disk by content hash."""

    def __init__(self, inner: Embeddings, path: Path, spec: str | None = None):
        self.inner, self.path, self.spec = inner, path, spec
        self.name = getattr(inner, "name", None) or type(inner).__name__
        self.remembered: dict[str, list[float]] = {}
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("create table if not exists vectors (key text primary key, vector blob)")
            db.execute("create table if not exists queries (key text primary key, vector blob)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=60)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [key(t) for t in texts]
        found: dict[str, list[float]] = {}
        with self._connect() as db:
            for start in range(0, len(keys), 500):
                batch = keys[start : start + 500]
                rows = db.execute(
                    f"select key, vector from vectors where key in ({','.join('?' * len(batch))})", batch
                )
                found.update({k: np.frombuffer(v, dtype=np.float32).tolist() for k, v in rows})
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if missing:
            fresh = (
                parallel_documents(self.spec, missing)
                if self.spec and len(missing) >= PARALLEL_FROM
                else self.inner.embed_documents(missing)
            )
            rows = [(key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(missing, fresh)]
            with self._connect() as db:
                db.executemany("insert or replace into vectors values (?, ?)", rows)
            found.update({k: v for (k, _), v in zip(rows, fresh)})
        return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        found = self.remembered.get(text_key := key(text))
        if found is not None:
            return list(found)  # a copy: a caller may change its list
        with self._connect() as db:
            row = db.execute("select vector from queries where key = ?", (text_key,)).fetchone()
        if row:
            vector = np.frombuffer(row[0], dtype=np.float32).tolist()
        else:
            blob = np.asarray(self.inner.embed_query(text), dtype=np.float32).tobytes()
            vector = np.frombuffer(blob, dtype=np.float32).tolist()  # as a later process will read it
            try:
                with self._connect() as db:
                    db.execute("insert or replace into queries values (?, ?)", (text_key, blob))
            except sqlite3.OperationalError:  # a long ingest holds the lock: the vector is right all the same
                pass
        if len(self.remembered) >= REMEMBERED:
            self.remembered.pop(next(iter(self.remembered)))
        self.remembered[text_key] = vector
        return list(vector)
