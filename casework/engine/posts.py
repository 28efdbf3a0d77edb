"""Posts: the unit the agents select, summarize and cite (a blog post or a documentation page).

A .md file is Markdown, with optional front matter in YAML (---) or TOML (+++) of any shape: a
mapping gives id, title, author, source, date and language, and every field is kept in `meta`; any
other shape is kept as data. Its title is the front matter's, else its first heading, else its
file name. A .txt file is plain text, its first line the title. Reading a whole folder, every file
accounted for, is casework/engine/folder.py.
`post.text` is the file's body as written (front matter removed, outer blank space stripped) and
`post.offset` is where it starts in the file, so any offset into the text is one into the file.
Hostile files are refused or cleaned here: a file over POST_MAX bytes, or front matter over
HEADER_MAX bytes or with YAML anchors/aliases (an alias bomb), is a CorpusError (the folder reader
skips it with a warning); control characters other than tab and line ends become spaces in the text
(so offsets still hold) and go from fields; field values of any type are read as text.
Not handled: HTML files, reStructuredText, AsciiDoc; hidden files and folders (.git) are not read.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from casework.engine.errors import UserError
from casework.engine.markdown import first_heading

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C loader when present
TITLE_MAX = 100  # a longer line is body text
POST_MAX = 1_000_000  # bytes; the corpus's longest post is 16 KB, and analysis time grows with length
HEADER_MAX = 16_384  # bytes of front matter; real headers are a few hundred
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")  # C0/C1 but \t, \n, \r\n
FIELD_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # a field is one line: \n and \r go too


class RefusedHeader(ValueError):
    """Front matter refused before it is loaded; the message says why."""


MARKDOWN = frozenset({".md", ".markdown"})


class Post(BaseModel):
    """One blog post: the unit the agents select, summarize and cite."""

    id: str
    title: str
    text: str
    author: str | None = None
    date: str | None = None
    source: str
    language: str = "ko"
    markdown: bool = False  # read as Markdown (sections, lists, code) rather than as lines of prose
    offset: int = 0  # where `text` starts in its file
    meta: dict[str, Any] = Field(default_factory=dict)  # the front matter as data, whatever its shape


class CorpusError(UserError):
    """A corpus folder or file that cannot be read as posts."""


def post_id(title: str, readable: str | None = None) -> str:
    """A stable id: a readable slug (of `readable`, else the title) plus a short hash of the title."""
    text = unicodedata.normalize("NFC", readable or title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-")[:40]
    return f"{slug}-{hashlib.sha1(title.encode()).hexdigest()[:6]}"


def path_id(relative: str) -> str:
    """A document's id from its path in the folder: concepts/handoffs.md -> concepts-handoffs-1a2b3c."""
    return post_id(relative, relative.rsplit(".", 1)[0])


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


def front_matter(text: str) -> tuple[Any, str, int]:
    """(data, body, where the body starts) of a text with YAML (---) or TOML (+++) front matter, or none."""
    newline = "\r\n" if text[3:5] == "\r\n" else "\n"  # a file written on Windows keeps its line ends
    for fence, load in (("---", _yaml), ("+++", tomllib.loads)):
        opening, closing_fence = fence + newline, f"{newline}{fence}{newline}"
        if text.startswith(opening) and closing_fence in text[3:] + newline:
            closing = (text[3:] + newline).index(closing_fence) + 3
            header = text[len(opening) : closing].replace("\r\n", "\n")
            if len(header.encode()) > HEADER_MAX:
                raise RefusedHeader(f"front matter over {HEADER_MAX:,} bytes")
            data = load(header) if header.strip() else None
            return data, text[closing + len(closing_fence) :], closing + len(closing_fence)
    return None, text, 0


def _yaml(header: str) -> Any:
    if any(isinstance(t, yaml.AnchorToken | yaml.AliasToken) for t in yaml.scan(header, SAFE_LOADER)):
        raise RefusedHeader("front matter uses YAML anchors or aliases (a post never needs them)")
    return yaml.load(header, Loader=SAFE_LOADER)


def _text(value: Any) -> str | None:
    """A field as one line of text, control characters dropped (YAML escapes such as "\\e" make them)."""
    return None if value is None or value == "" else FIELD_CONTROL.sub("", str(value)).strip() or None


def _plain(data: Any) -> Any:
    """Front matter as JSON-ready data (dates and other YAML types as text)."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


def read_post_file(path: Path, root: Path | None = None) -> Post:
    """One post from a .md file (Markdown, optional front matter) or any text file (first line as title)."""
    size = path.stat().st_size
    if size > POST_MAX:
        raise CorpusError(f"{path}: {size:,} bytes, over the {POST_MAX:,}-byte limit for a post")
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise CorpusError(f"{path}: binary file, not text")
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
        text = CONTROL.sub(" ", text)  # a space for each: offsets into the text stay offsets into the file
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    if not text.strip():
        raise CorpusError(f"{path}: empty file")
    markdown = path.suffix.lower() in MARKDOWN
    try:
        found, body, offset = front_matter(text) if markdown or text.startswith("---\n") else (None, text, 0)
        found = _plain(found)
    except RefusedHeader as error:
        raise CorpusError(f"{path}: {error}") from None
    except (yaml.YAMLError, ValueError, RecursionError):  # ValueError: TOML's, or a date like 2024-13-45
        raise CorpusError(f"{path}: bad front matter") from None
    meta = found if isinstance(found, dict) else ({"front_matter": found} if found is not None else {})
    offset += len(body) - len(body.lstrip())
    body = body.strip()
    if not body:
        raise CorpusError(f"{path}: no text after the front matter")
    relative = path.relative_to(root).as_posix() if root else path.name
    title = _text(meta.get("title"))
    if not title and markdown:
        title = first_heading(body) or path.stem
    elif not title:
        title = body.splitlines()[0].lstrip("# ").strip()[:TITLE_MAX]
        rest = body.split("\n", 1)[1] if "\n" in body else ""
        if rest.strip():  # the first line is the title, the rest the text
            offset += len(body) - len(rest.lstrip())
            body = rest.strip()
    return Post(
        id=_text(meta.get("id")) or (path_id(relative) if root else post_id(title)),
        title=title,
        text=body,
        author=_text(meta.get("author")),
        date=_text(meta.get("date")),
        source=_text(meta.get("source")) or relative,
        language=_text(meta.get("language")) or language_of(body),
        markdown=markdown,
        offset=offset,
        meta=meta,
    )


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
    meta = post.model_dump(include={"id", "title", "author", "date", "source", "language"}, exclude_none=True)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + post.text + "\n"
