"""The workspace: a corpus folder, its analysis and its Chroma store, opened or built on demand.

`ingest` brings the store in step with the corpus (idempotent, incremental); `open_library`
gives the agents a ready `Library`, building the store first when there is none.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from casework.config import Settings, ensure_home
from casework.engine.embeddings import HASHED, embeddings_name, load_embeddings
from casework.engine.folder import load_posts, read_corpus
from casework.engine.index import AnalyzedPost, analyze_corpus
from casework.engine.posts import Post
from casework.engine.retrieval import Library
from casework.engine.store import (
    StoreError,
    open_client,
    open_collection,
    server_errors,
    sync_collection,
    write_lock,
)
from casework.engine.terms import curated_glossary, merge_maps, mine_glosses
from casework.engine.vectors import CachedEmbeddings
from casework.engine.weights import keep_in


class IngestReport(BaseModel):
    """What an ingest did, for people and for JSON: every file read is kept, skipped or merged."""

    files: int  # files read in the corpus folder (hidden ones aside)
    posts: int  # documents kept
    skipped: list[str]  # "skipped PATH: why", one a file
    merged: list[str]  # "merged PATH into PATH: the same content", one a file
    passages: int
    added: int
    deleted: int
    kept: int
    seconds: float
    warnings: list[str]


def _fingerprint(analyzed: list[AnalyzedPost]) -> str:
    return hashlib.sha256("\n".join(sorted(p.id for a in analyzed for p in a.passages)).encode()).hexdigest()


def _synced_marker(settings: Settings, collection_name: str) -> Path:
    return settings.store_dir / f"synced-{collection_name}.txt"


def collection_name(settings: Settings, embeddings) -> str:
    """Collection per corpus and embeddings, so switching either never mixes vectors."""
    return f"cw-{settings.corpus_key}-{embeddings_name(embeddings)}"[:60].rstrip("-")


def _store_dir(settings: Settings) -> Path:
    """The store folder, created when missing; a StoreError when it cannot be (a file in its way, say)."""
    try:
        ensure_home(settings)
        settings.store_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"cannot create the store folder {settings.store_dir}: {error.strerror or error}"
            " (choose another --home or CASEWORK_HOME)"
        ) from None
    return settings.store_dir


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _open_for_rebuild(settings: Settings, local_path: Path | None, name: str):
    """A client whose collection `name` is gone. The collection is deleted through the client rather
    than by removing its folder: Chroma keeps one system per path in the process, and a folder removed
    under it would leave that system writing to deleted files. Only a store that cannot be opened is removed.
    """
    try:
        client = open_client(local_path, settings.chroma_url, settings.chroma_token)
    except StoreError:
        if local_path is None:
            raise
        _remove(local_path)
        client = open_client(local_path)
    try:
        client.delete_collection(name)
    except Exception:  # nothing to delete in a fresh store
        pass
    return client


def store_embeddings(settings: Settings):
    """The embeddings of the store; a model's passage vectors are cached in the home by content hash."""
    embeddings = load_embeddings(settings.embeddings)
    keep_in(settings.home / "cache")  # the encoder's weights in a fast form, built on first use
    if settings.embeddings in HASHED:  # hashing is cheaper than a cache lookup
        return embeddings
    path = settings.home / "vectors" / f"{embeddings_name(embeddings)}.sqlite"
    local = settings.embeddings in ("", "use")  # a worker process can build it again by name
    return CachedEmbeddings(embeddings, path, settings.embeddings or "use" if local else None)


def _analyze(settings: Settings, posts: list[Post], progress=None) -> list[AnalyzedPost]:
    term_map = mine_glosses("\n".join(p.title + "\n" + p.text for p in posts))
    hints = sorted(t for t in term_map if not t.isascii())
    return analyze_corpus(posts, settings.store_dir / "analysis.json", hints, progress)


def ingest(
    settings: Settings, rebuild: bool = False, progress: Callable[[str, int, int], None] | None = None
) -> IngestReport:
    """Bring the store in step with the corpus: embed new passages, delete removed ones, keep the rest."""
    started = time.perf_counter()
    corpus = read_corpus(settings.corpus)
    posts, warnings = corpus.posts, corpus.warnings
    local_path = None if settings.chroma_url else settings.store_dir / "chroma"
    store_dir = _store_dir(settings)
    with write_lock(store_dir if local_path else None):
        if rebuild:  # the analysis cache goes; the lock file stays, so a second writer still waits for us
            for path in (store_dir / "analysis.json", *store_dir.glob("synced-*.txt")):
                _remove(path)
        done = 0

        def analysed(_post):
            nonlocal done
            done += 1
            if progress:
                progress("analyse", done, len(posts))

        analyzed = _analyze(settings, posts, analysed)
        embeddings = store_embeddings(settings)
        name = collection_name(settings, embeddings)
        if rebuild:
            client = _open_for_rebuild(settings, local_path, name)
        else:
            client = open_client(local_path, settings.chroma_url, settings.chroma_token)
        collection = open_collection(client, name)
        passages = [p for a in analyzed for p in a.passages]
        embedded = 0

        def stored(count):
            nonlocal embedded
            embedded += count
            if progress:
                progress("embed", embedded, len(passages))

        report = sync_collection(collection, passages, embeddings, stored)
        _synced_marker(settings, name).write_text(_fingerprint(analyzed))
    if rebuild or report.added or report.deleted:
        _open_library.cache_clear()  # a library opened before this ingest no longer matches the store
    return IngestReport(
        files=corpus.files,
        posts=len(posts),
        skipped=[str(s) for s in corpus.skipped],
        merged=[str(m) for m in corpus.merged],
        passages=len(passages),
        added=report.added,
        deleted=report.deleted,
        kept=report.kept,
        seconds=round(time.perf_counter() - started, 3),
        warnings=warnings,
    )


def open_library(settings: Settings) -> Library:
    """The agents' view of the corpus; syncs the store first when it lags the corpus (or is missing)."""
    return _open_library(settings.model_dump_json())


@cache
def _open_library(settings_json: str) -> Library:
    settings = Settings.model_validate_json(settings_json)
    posts, _warnings = load_posts(settings.corpus)
    _store_dir(settings)
    analyzed = _analyze(settings, posts)
    embeddings = store_embeddings(settings)
    local_path = None if settings.chroma_url else settings.store_dir / "chroma"
    name = collection_name(settings, embeddings)
    marker = _synced_marker(settings, name)
    if not marker.exists() or marker.read_text() != _fingerprint(analyzed):
        ingest(settings)
    collection = open_collection(open_client(local_path, settings.chroma_url, settings.chroma_token), name)
    with server_errors():
        whole = collection.count() == sum(len(a.passages) for a in analyzed)
    if not whole:  # the store was deleted or emptied under its marker, or a sync was cut short
        ingest(settings)
        collection = open_collection(
            open_client(local_path, settings.chroma_url, settings.chroma_token), name
        )
    term_map = merge_maps(
        curated_glossary(), mine_glosses("\n".join(a.post.title + "\n" + a.post.text for a in analyzed))
    )
    return Library(
        analyzed,
        collection,
        embeddings,
        term_map,
        reopen=lambda: open_collection(
            open_client(local_path, settings.chroma_url, settings.chroma_token), name
        ),
    )
