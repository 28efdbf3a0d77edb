"""Index skills: analyse posts once (sentences, passages, terms) and keep the analysis on disk.

Kiwi is slow to load, so a post's analysis is cached by the hash of its text and reused until
the text changes; a corpus whose posts are all cached is loaded with no Kiwi at all.
Not handled: sharing one cache file between corpora (each store keeps its own).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from casework.engine.posts import Post
from casework.engine.text import Sentence, add_words, split_sentences, tokenize

PASSAGE_CHARS = 500  # a passage is a few sentences: small enough to quote, big enough to match
ANALYSIS_VERSION = 2


class AnalyzedSentence(Sentence):
    """A sentence of a post with its content terms."""

    terms: list[str]


class Passage(BaseModel):
    """A run of consecutive sentences: the unit stored in Chroma and ranked by search."""

    id: str
    post_id: str
    title: str
    text: str
    start: int
    end: int
    terms: list[str]


class AnalyzedPost(BaseModel):
    """A post with its sentences and passages, keyed by the hash of its content."""

    post: Post
    digest: str
    title_terms: list[str]
    sentences: list[AnalyzedSentence]
    passages: list[Passage]


def digest(post: Post) -> str:
    """Content hash of a post: the same title and text always give the same digest."""
    payload = f"{ANALYSIS_VERSION}\n{post.id}\n{post.title}\n{post.text}".encode()
    return hashlib.sha256(payload).hexdigest()[:20]


def make_passages(post: Post, sentences: list[AnalyzedSentence], post_digest: str) -> list[Passage]:
    """Group consecutive sentences into passages of about PASSAGE_CHARS characters."""
    passages, group = [], []
    for sentence in sentences:
        group.append(sentence)
        if sum(len(s.text) for s in group) >= PASSAGE_CHARS or sentence is sentences[-1]:
            start, end = group[0].start, group[-1].end
            text = post.text[start:end]
            passages.append(
                Passage(
                    id=hashlib.sha256(f"{post_digest}:{start}:{text}".encode()).hexdigest()[:24],
                    post_id=post.id,
                    title=post.title,
                    text=text,
                    start=start,
                    end=end,
                    terms=[t for s in group for t in s.terms],
                )
            )
            group = []
    return passages


def analyze_post(post: Post) -> AnalyzedPost:
    """Split a post into sentences and passages and find their terms (loads Kiwi)."""
    post_digest = digest(post)
    sentences = [
        AnalyzedSentence(**s.model_dump(), terms=tokenize(s.text)) for s in split_sentences(post.text)
    ]
    return AnalyzedPost(
        post=post,
        digest=post_digest,
        title_terms=tokenize(post.title),
        sentences=sentences,
        passages=make_passages(post, sentences, post_digest),
    )


def analyze_corpus(
    posts: list[Post], cache_file: Path, vocabulary_hints: list[str] = (), progress=None
) -> list[AnalyzedPost]:
    """Analysed posts, reusing the cache for unchanged ones and updating the cache file."""
    cached = load_cache(cache_file)
    fresh = [post for post in posts if digest(post) not in cached]
    if fresh:
        add_words(list(vocabulary_hints))
    for post in fresh:
        cached[digest(post)] = analyze_post(post)
        if progress:
            progress(post)
    analyzed = [cached[digest(post)] for post in posts]
    if fresh or len(cached) != len(analyzed):
        save_cache(cache_file, analyzed)
    return analyzed


CACHE_ROWS = TypeAdapter(list[AnalyzedPost])  # validates and writes the cache file in pydantic-core, fast


def load_cache(cache_file: Path) -> dict[str, AnalyzedPost]:
    """The cached analyses by digest; an unreadable cache is treated as empty (it is only a cache)."""
    try:
        return {post.digest: post for post in CACHE_ROWS.validate_json(cache_file.read_bytes())}
    except (OSError, ValueError):  # pydantic's ValidationError is a ValueError
        return {}


def save_cache(cache_file: Path, analyzed: list[AnalyzedPost]) -> None:
    """Write the cache atomically, so a reader never sees half a file."""
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")  # one per writer: two ingests never share it
    temporary.write_bytes(CACHE_ROWS.dump_json(analyzed))
    temporary.replace(cache_file)
