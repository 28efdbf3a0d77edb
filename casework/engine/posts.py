"""Posts: the unit the agents select, summarize and cite; read from and written to a folder.

A post is a .md file with YAML front matter (id, title, author, source, date, language) or any
text file (its first line is the title). A post seen twice (same id) is kept once, the longer text.
Not handled: HTML; Markdown is read as plain text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import yaml
from pydantic import BaseModel

from casework.engine.errors import UserError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C loader when present
TITLE_MAX = 100  # a longer line is body text


class Post(BaseModel):
    """One blog post: the unit the agents select, summarize and cite."""

    id: str
    title: str
    text: str
    author: str | None = None
    date: str | None = None
    source: str
    language: str = "ko"


class CorpusError(UserError):
    """A corpus folder or file that cannot be read as posts."""


def post_id(title: str) -> str:
    """A stable id for a post: a readable slug plus a short hash of its title."""
    slug = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFC", title).lower()).strip("-")[:40]
    return f"{slug}-{hashlib.sha1(title.encode()).hexdigest()[:6]}"


def language_of(text: str) -> str:
    """'ko' when Hangul outnumbers Latin letters, else 'en'."""
    hangul = sum("가" <= ch <= "힣" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "ko" if hangul >= latin else "en"


def merge_duplicates(posts: list[Post]) -> list[Post]:
    """Keep one post per title; the longer text wins, the first source is kept."""
    merged: dict[str, Post] = {}
    for post in posts:
        seen = merged.get(post.id)
        if seen is None or len(post.text) > len(seen.text):
            merged[post.id] = post if seen is None else post.model_copy(update={"source": seen.source})
    return list(merged.values())


def read_post_file(path: Path) -> Post:
    """One post from a .md file with front matter, or from any text file (first line as title)."""
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise CorpusError(f"{path}: binary file, not text")
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    if not text.strip():
        raise CorpusError(f"{path}: empty file")
    meta, body = {}, text
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        header, body = text[4:].split("\n---\n", 1)
        meta = yaml.load(header, Loader=SAFE_LOADER) or {}
        if not isinstance(meta, dict):
            raise CorpusError(f"{path}: front matter is not a mapping of fields")
    body = body.strip()
    if not body:
        raise CorpusError(f"{path}: no text after the front matter")
    title = str(meta.get("title") or body.splitlines()[0].lstrip("# ").strip()[:TITLE_MAX])
    if not meta.get("title"):
        body = "\n".join(body.splitlines()[1:]).strip() or body
    return Post(
        id=str(meta.get("id") or post_id(title)),
        title=title,
        text=body,
        author=meta.get("author"),
        date=meta.get("date") and str(meta["date"]),
        source=str(meta.get("source") or path.name),
        language=meta.get("language") or language_of(body),
    )


def load_posts(folder: Path) -> tuple[list[Post], list[str]]:
    """All posts of a folder of .md/.txt files, and a warning for each file that was skipped."""
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder}")
    posts, warnings = [], []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in {".md", ".txt"} or not path.is_file():
            continue
        try:
            posts.append(read_post_file(path))
        except (CorpusError, yaml.YAMLError) as error:
            warnings.append(
                f"skipped {error}" if isinstance(error, CorpusError) else f"skipped {path}: bad front matter"
            )
    if not posts:
        raise CorpusError(f"no readable .md or .txt posts in {folder}")
    return merge_duplicates(posts), warnings


def write_posts(posts: list[Post], folder: Path) -> list[Path]:
    """Write each post as Markdown with front matter; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for post in posts:
        path = folder / f"{post.id}.md"
        path.write_text(post_markdown(post), encoding="utf-8")
        paths.append(path)
    return paths


def post_markdown(post: Post) -> str:
    """A post as Markdown with YAML front matter: what `write_posts` writes and `read_post_file` reads."""
    meta = post.model_dump(exclude={"text"}, exclude_none=True)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + post.text + "\n"
