"""Store skills: passages in a real Chroma collection, kept in step with the corpus.

Ids are content hashes, so syncing embeds only passages that are new, deletes the ones that are
gone and leaves the rest alone. Two processes writing one local Chroma path lose data silently,
so every local write holds a file lock; readers do not wait for it. A Chroma server serialises
writes itself. Not handled: migrating a collection to new embeddings (a new name is used).
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path
from urllib.parse import urlparse

from filelock import FileLock
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel

from casework.engine.errors import UserError
from casework.engine.index import Passage
from casework.engine.secrets import plain_token_warning, redact

BATCH = 256


class StoreError(UserError):
    """The store cannot be opened or written; the message says what to do."""


class StaleCollection(StoreError):
    """The collection was deleted under us (another process rebuilt the store): reopen it by name."""


class SyncReport(BaseModel):
    """What a sync changed in the collection."""

    added: int = 0
    deleted: int = 0
    kept: int = 0


def open_client(path: Path | None = None, url: str | None = None, token: str | None = None):
    """A Chroma client: a server at `url` (optional bearer token) or a local store at `path`."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    try:
        if url:
            parsed = urlparse(url)
            if not parsed.hostname:
                raise StoreError(f"not a Chroma server URL: {redact(url)!r} (expected http://host:port)")
            if warning := plain_token_warning(url, token):
                warnings.warn(warning, UserWarning, stacklevel=2)
            headers = {"Authorization": f"Bearer {token}"} if token else None
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or 8000,
                ssl=parsed.scheme == "https",
                headers=headers,
                settings=settings,
            )
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except StoreError:
        raise
    except PermissionError:
        raise StoreError(f"store path is not writable: {path}") from None
    except Exception as error:  # chromadb raises many kinds; the user needs one clear line
        if not url:
            _forget_failed_store(path)
        first = redact(str(error).splitlines()[0][:200]) if str(error) else type(error).__name__
        if url:
            raise StoreError(
                f"cannot reach the Chroma server at {redact(url)}: {first}"
                " (is `chroma run` up there? or drop --chroma-url for a local store)"
            ) from None
        raise StoreError(
            f"cannot open the Chroma store at {path}: {first} (try `casework ingest --rebuild`)"
        ) from None


def _forget_failed_store(path: Path) -> None:
    """Chroma caches one system per path even when starting it failed; without this, a rebuild in the
    same process would get the broken one back."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)


def open_collection(client, name: str):
    """The named collection; vectors are given by us, never by Chroma's downloading default."""
    try:
        return client.get_or_create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
    except Exception as error:
        raise StoreError(f"cannot open collection {name!r}: {str(error).splitlines()[0][:200]}") from None


@contextlib.contextmanager
def server_errors():
    """A Chroma server lost mid-call becomes a StoreError; a local store's errors are left alone."""
    import httpx

    try:
        yield
    except httpx.HTTPError as error:
        raise StoreError(
            f"lost the Chroma server: {str(error)[:200] or type(error).__name__}"
            " (is `chroma run` still up? an interrupted ingest resumes when run again)"
        ) from None


def write_lock(path: Path | None):
    """The lock every local writer holds; a server needs none."""
    return FileLock(str(path / "write.lock"), timeout=600) if path else contextlib.nullcontext()


def sync_collection(collection, passages: list[Passage], embeddings: Embeddings, progress=None) -> SyncReport:
    """Make the collection hold exactly these passages, embedding only the new ones."""
    with server_errors():
        return _sync(collection, passages, embeddings, progress)


def _sync(collection, passages: list[Passage], embeddings: Embeddings, progress=None) -> SyncReport:
    # New passages go in before stale ones go out: a reader or an interrupted sync never sees fewer.
    existing = set(collection.get(include=[])["ids"])
    wanted = {p.id: p for p in passages}
    stale = sorted(existing - wanted.keys())
    new = [p for p in passages if p.id not in existing]
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        collection.add(
            ids=[p.id for p in batch],
            embeddings=embeddings.embed_documents([f"{p.title}\n{p.text}" for p in batch]),
            documents=[p.text for p in batch],
            metadatas=[
                {"post_id": p.post_id, "title": p.title, "start": p.start, "end": p.end} for p in batch
            ],
        )
        if progress:
            progress(len(batch))
    for start in range(0, len(stale), BATCH):
        collection.delete(ids=stale[start : start + BATCH])
    return SyncReport(added=len(new), deleted=len(stale), kept=len(existing & wanted.keys()))


def dense_search(collection, embeddings: Embeddings, query: str, k: int) -> list[tuple[str, float]]:
    """Passage ids nearest to the query, with cosine similarity."""
    with server_errors():
        return _dense_search(collection, embeddings, query, k)


def _dense_search(collection, embeddings: Embeddings, query: str, k: int) -> list[tuple[str, float]]:
    from chromadb.errors import NotFoundError

    if not any(ch.isalnum() for ch in query):  # no words to compare (e.g. "?!"): any order would be noise
        return []
    vector = embeddings.embed_query(query)
    if not any(vector):
        return []
    # Chroma returns fewer than k when the store holds fewer (none from an empty one): no count() first.
    try:
        result = collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
    except NotFoundError:
        raise StaleCollection(
            f"the collection {collection.name!r} is gone (rebuilt by another process?); run the command again"
        ) from None
    return [(pid, 1.0 - dist) for pid, dist in zip(result["ids"][0], result["distances"][0])]
