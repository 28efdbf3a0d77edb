"""A corpus folder: every file read, each one a document, a skip (with why) or a merge (with what).

Every file is a document whose id comes from its path (or its front matter); titles may repeat.
Only files with the same content, whitespace aside, are one document: the first by path is kept and
the merge is reported, naming both files. A file that is not Markdown or text, or cannot be read as
a post (casework/engine/posts.py says why), is a skip with its reason.
A symbolic link is never followed (it may lead out of the folder): a linked file is a skip, and
what a linked folder holds is not read. Not handled: hidden files and folders (.git, .DS_Store) are
not read and not counted; near-duplicates (one changed word) are two documents.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel

from casework.engine.posts import MARKDOWN, CorpusError, Post, path_id, read_post_file


class Skip(BaseModel):
    """A file of the corpus folder that is not a document, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


class Merge(BaseModel):
    """A file whose content another file already holds (whitespace aside): one document, two files."""

    path: str
    into: str

    def __str__(self) -> str:
        return f"merged {self.path} into {self.into}: the same content"


class Corpus(BaseModel):
    """What reading a folder gave: the documents, and a line for every file that is not one."""

    posts: list[Post]
    files: int
    skipped: list[Skip]
    merged: list[Merge]

    @property
    def warnings(self) -> list[str]:
        return [str(line) for line in [*self.skipped, *self.merged]]


def read_corpus(folder: Path) -> Corpus:
    """Every file of a folder, accounted for: a document, a skip (with why) or a merge (with what)."""
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder}")
    posts, skipped, merged, files = [], [], [], 0
    by_content: dict[str, str] = {}
    ids: set[str] = set()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts):
            continue
        linked = [folder.joinpath(*parts[:n]) for n in range(1, len(parts) + 1)]
        if any(p.is_symlink() for p in linked):  # a link may lead out of the folder: never followed
            if path.is_symlink() and not any(p.is_symlink() for p in linked[:-1]):
                files += 1
                skipped.append(Skip(path=relative, reason="a symbolic link, not followed"))
            continue
        if not path.is_file():
            continue
        files += 1
        if path.suffix.lower() not in MARKDOWN | {".txt"}:
            skipped.append(Skip(path=relative, reason="not a Markdown or text file"))
            continue
        try:
            post = read_post_file(path, folder)
        except CorpusError as error:
            skipped.append(Skip(path=relative, reason=str(error).removeprefix(f"{path}: ")))
            continue
        content = b" ".join(path.read_bytes().split())  # whitespace aside
        key = hashlib.sha256(content).hexdigest()
        if key in by_content:
            merged.append(Merge(path=relative, into=by_content[key]))
            continue
        by_content[key] = relative
        if post.id in ids:  # a front matter id another file already uses: the path names this one
            post = post.model_copy(update={"id": path_id(relative)})
        ids.add(post.id)
        posts.append(post)
    if not posts:
        raise CorpusError(f"no readable .md or .txt posts in {folder}")
    return Corpus(posts=posts, files=files, skipped=skipped, merged=merged)


def load_posts(folder: Path) -> tuple[list[Post], list[str]]:
    """All posts of a folder of .md/.txt files, and a line for each file that is skipped or merged."""
    corpus = read_corpus(folder)
    return corpus.posts, corpus.warnings
