"""Index skills: analyse posts once (sentences, passages, terms) and keep the analysis on disk.

Kiwi is slow to load, so a post's analysis is cached by the hash of its text and reused until
the text changes; a corpus whose posts are all cached is loaded with no Kiwi at all.
A Markdown post is read through casework/engine/markdown.py: sentences come from its prose blocks
(each list item on its own) and know their section; code blocks and table rows are no sentences
(never summarized or quoted) but their words are in the passages, so they stay searchable; a
passage never spans two sections. Offsets index `post.text`; a passage's text is what a reader
sees, so for Markdown with markup it is not `post.text[start:end]` but that span without the markup.
Not handled: sharing one cache file between corpora (each store keeps its own).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from casework.engine.markdown import SECTION_SEPARATOR, Unit, read_markdown
from casework.engine.posts import Post
from casework.engine.text import Sentence, add_words, split_sentences, tokenize
from casework.engine.workers import cores, share_out

PASSAGE_CHARS = 500  # a passage is a few sentences: small enough to quote, big enough to match
ANALYSIS_VERSION = 6
PARALLEL_POSTS = 8  # fewer new posts than this are analysed in-process


class AnalyzedSentence(Sentence):
    """A sentence of a post with its content terms and the section it stands in ("" for none)."""

    terms: list[str]
    section: str = ""


class Heading(BaseModel):
    """A section title of a Markdown post, with its level and content terms."""

    level: int
    text: str
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
    section: str = ""


class AnalyzedPost(BaseModel):
    """A post with its sentences and passages, keyed by the hash of its content."""

    post: Post
    digest: str
    title_terms: list[str]
    sentences: list[AnalyzedSentence]
    passages: list[Passage]
    headings: list[Heading] = []


def digest(post: Post) -> str:
    """Content hash of a post: the same title and text always give the same digest."""
    payload = f"{ANALYSIS_VERSION}\n{post.id}\n{post.title}\n{post.markdown}\n{post.text}".encode()
    return hashlib.sha256(payload).hexdigest()[:20]


def make_passages(
    post: Post,
    sentences: list[AnalyzedSentence],
    post_digest: str,
    extras: list[AnalyzedSentence] = (),
    units: list[Unit] = (),
    heading_terms: dict[str, list[str]] | None = None,
) -> list[Passage]:
    """Group consecutive sentences (and code or table units, `extras`) into passages of about
    PASSAGE_CHARS characters, never across a section; plain prose passages are slices of the text.
    A passage's terms include its section heading's (`heading_terms` by section), so it is found by them."""
    pieces = sorted([*sentences, *extras], key=lambda s: s.start)
    passages, group = [], []
    for index, piece in enumerate(pieces):
        group.append(piece)
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if (
            following is None
            or following.section != piece.section
            or sum(len(s.text) for s in group) >= PASSAGE_CHARS
        ):
            start, end = group[0].start, group[-1].end
            text = _visible_span(post, units, start, end) if units else post.text[start:end]
            passages.append(
                Passage(
                    id=hashlib.sha256(f"{post_digest}:{start}:{text}".encode()).hexdigest()[:24],
                    post_id=post.id,
                    title=post.title,
                    text=text,
                    start=start,
                    end=end,
                    terms=[t for s in group for t in s.terms] + (heading_terms or {}).get(piece.section, []),
                    section=piece.section,
                )
            )
            group = []
    return passages


def _visible_span(post: Post, units: list[Unit], start: int, end: int) -> str:
    """What a reader sees of post.text[start:end]: the units' visible text within it, the source's
    blank space between units (a line break where markup stood between them)."""
    parts, previous = [], None
    for unit in units:
        if unit.end <= start or unit.start >= end:
            continue
        if unit.kind == "prose":
            text = "".join(ch for ch, at in zip(unit.text, unit.positions) if start <= at < end).strip()
        else:
            text = unit.text
        if previous is not None:
            gap = post.text[previous.end : unit.start]
            parts.append(gap if gap.isspace() else "\n")
        parts.append(text)
        previous = unit
    return "".join(parts)


def _unit_sentences(unit: Unit) -> list[AnalyzedSentence]:
    """The sentences of a prose unit, their offsets mapped back from the visible text to the source."""
    found = []
    for sentence in split_sentences(unit.text):
        start, end = unit.positions[sentence.start], unit.positions[sentence.end - 1] + 1
        found.append(
            AnalyzedSentence(
                text=sentence.text, start=start, end=end, terms=tokenize(sentence.text), section=unit.section
            )
        )
    return found


def _heading_terms(headings: list[Heading]) -> dict[str, list[str]]:
    """Each section path's own heading terms (the deepest heading's), as read in the outline."""
    found, stack = {}, []
    for heading in headings:
        stack = [h for h in stack if h.level < heading.level] + [heading]
        found[SECTION_SEPARATOR.join(h.text for h in stack)] = heading.terms
    return found


def analyze_post(post: Post) -> AnalyzedPost:
    """Split a post into sentences and passages and find their terms (loads Kiwi)."""
    post_digest = digest(post)
    headings, extras, units = [], [], []
    if post.markdown:
        outline = read_markdown(post.text)
        units = outline.units
        sentences = [s for unit in outline.units if unit.kind == "prose" for s in _unit_sentences(unit)]
        extras = [
            AnalyzedSentence(
                text=unit.text,
                start=unit.start,
                end=unit.end,
                terms=tokenize(unit.text),
                section=unit.section,
            )
            for unit in outline.units
            if unit.kind != "prose"
        ]
        headings = [Heading(level=lv, text=text, terms=tokenize(text)) for lv, text in outline.headings]
    else:
        sentences = [
            AnalyzedSentence(**s.model_dump(), terms=tokenize(s.text)) for s in split_sentences(post.text)
        ]
    return AnalyzedPost(
        post=post,
        digest=post_digest,
        title_terms=tokenize(post.title),
        sentences=sentences,
        passages=make_passages(post, sentences, post_digest, extras, units, _heading_terms(headings)),
        headings=headings,
    )


def analyze_corpus(
    posts: list[Post], cache_file: Path, vocabulary_hints: list[str] = (), progress=None
) -> list[AnalyzedPost]:
    """Analysed posts, reusing the cache for unchanged ones and updating the cache file."""
    cached = load_cache(cache_file)
    fresh = list({digest(post): post for post in posts if digest(post) not in cached}.values())
    for done in analyze_posts(fresh, list(vocabulary_hints)):
        cached[done.digest] = done
        if progress:
            progress(done.post)
    analyzed = [cached[digest(post)] for post in posts]
    if fresh or len(cached) != len(analyzed):
        save_cache(cache_file, analyzed)
    return analyzed


def analyze_posts(posts: list[Post], vocabulary_hints: list[str]) -> Iterator[AnalyzedPost]:
    """Each post analysed: in this process when few, else shared out over one worker per core.

    Kiwi analyses one text on one core; two workers, each given posts of about half the text,
    halve a whole corpus's analysis (a worker costs about a second to start: Kiwi's load).
    """
    workers = cores()
    if len(posts) < PARALLEL_POSTS or workers == 1:
        if posts:
            add_words(vocabulary_hints)
        yield from (analyze_post(post) for post in posts)
        return
    shares: list[list[Post]] = [[] for _ in range(workers)]
    for post in sorted(posts, key=lambda p: -len(p.text)):  # longest first, each to the lightest share
        min(shares, key=lambda share: sum(len(p.text) for p in share)).append(post)
    jobs = [{"hints": vocabulary_hints, "posts": [p.model_dump(mode="json") for p in s]} for s in shares]
    for out in share_out("casework.engine.analyze_worker", [], [json.dumps(job).encode() for job in jobs]):
        yield from CACHE_ROWS.validate_json(out)


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
