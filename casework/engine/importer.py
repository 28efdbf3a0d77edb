"""The importer of raw blog dumps: split copied blog pages into posts.

The raw files mix three layouts, recognised line by line:
- blog pages and archives: a short title line next to an author line ("Haebom"), or a title
  right after reaction/count lines, followed by body text; reaction emoji, counts, "구독",
  navigation and footer lines are dropped;
- a dated blog: a "MM/DD, Day" line opens each post, the next line is its title;
- a newsletter: a "YYYY.MM.DD | NNN호" line under the masthead makes the whole file one post,
  ending at the sign-off ("... 드림").
A post seen in two files is kept once (the longer text wins).
Not handled: HTML, Markdown tables, posts whose title is not on a line of its own.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from casework.engine.posts import Post, language_of, merge_duplicates, post_id

AUTHORS = {"haebom"}
NOISE = re.compile(
    r"^(공유|로그인|구독|구독하기|subscribe|작성자|작성시각|---+|/\w+|'\w+' 구독하기|"
    r".*@[\w.]+\.\w+|[\d\-]{7,}|"
    r"[\d,]+|•\s*\w+|.*오신 걸 환영합니다.*|새 글이 올라오면.*|제 생각과 관점.*|IT 💻.*)$",
    re.IGNORECASE,
)
DATED = re.compile(r"^(\d{1,2})/(\d{1,2}), (Mon|Tue|Wed|Thu|Fri|Sat|Sun)$")
NEWSLETTER = re.compile(r"^(\d{4})\.(\d{2})\.(\d{2}) \| (\d+)호")
SIGN_OFF = re.compile(r"^(\S+) 드림$")
BODY_MIN = 80  # a title is followed by a paragraph at least this long
TITLE_MAX = 100  # a longer line is body text


def is_noise(line: str) -> bool:
    """True for reaction emoji, counts, navigation and footer lines."""
    stripped = line.strip()
    if not stripped:
        return True
    if not any(ch.isalnum() for ch in stripped):  # emoji-only lines such as 👍❤️
        return True
    return bool(NOISE.match(stripped))


def _new_post(title: str, body: list[str], source: str, author=None, date=None) -> Post:
    text = "\n".join(body).strip()
    return Post(
        id=post_id(title),
        title=title,
        text=text,
        author=author,
        date=date,
        source=source,
        language=language_of(text),
    )


def split_dated_blog(lines: list[str], source: str) -> list[Post]:
    """Posts of a blog where a 'MM/DD, Day' line opens each post and the next line is its title."""
    posts, title, body, date = [], None, [], None
    for line in lines + ["00/00, Sun"]:
        match = DATED.match(line.strip())
        if match:
            if title and body:  # a title with no body is a heading, not a post
                posts.append(_new_post(title, body, source, date=date))
            title, body, date = None, [], f"--{int(match[1]):02d}-{int(match[2]):02d}"
        elif line.strip() and not title and date:
            title = line.strip()
        elif title and line.strip():
            body.append(line.strip())
    return posts


def split_newsletter(lines: list[str], source: str) -> list[Post]:
    """One post: masthead as title, body from the date line to the sign-off."""
    start = next(i for i, line in enumerate(lines) if NEWSLETTER.match(line.strip()))
    year, month, day, _issue = NEWSLETTER.match(lines[start].strip()).groups()
    body, author = [], None
    for line in lines[start + 1 :]:
        signed = SIGN_OFF.match(line.strip())
        if signed:
            author = signed[1]
            break
        if not is_noise(line):
            body.append(line.strip())
    above = [line.strip() for line in lines[:start] if not is_noise(line)]
    title = above[-1] if above else lines[start].strip()  # the masthead, else the date line itself
    if not body:
        return []
    return [_new_post(title, body, source, author=author, date=f"{year}-{month}-{day}")]


def split_blog_pages(lines: list[str], source: str) -> list[Post]:
    """Posts of archive pages: titles stand next to an author line or after reactions/footers."""
    content = [line.strip() for line in lines]
    posts: list[Post] = []
    title, body, author, at_boundary = None, [], None, True
    for i, line in enumerate(content):
        if line.lower() in AUTHORS:
            author, at_boundary = line, True
            if title and not body:
                continue
            if title:
                posts.append(_new_post(title, body, source, author))
                title, body = None, []
            continue
        if is_noise(line):
            if title and body:
                posts.append(_new_post(title, body, source, author))
                title, body, author = None, [], None
            at_boundary = True
            continue
        following = next(
            (c for c in content[i + 1 :] if c and not is_noise(c) and c.lower() not in AUTHORS), ""
        )
        title_next_to_author = i + 1 < len(content) and content[i + 1].lower() in AUTHORS
        excerpt_ended = title and body and not author  # an excerpt's body is one paragraph
        looks_like_title = len(line) <= TITLE_MAX and len(following) >= max(BODY_MIN, 2 * len(line))
        if looks_like_title and (at_boundary or title_next_to_author or excerpt_ended):
            if title and body:
                posts.append(_new_post(title, body, source, author))
                author = None if not title_next_to_author else author
            title, body, at_boundary = line, [], False
        elif title:
            body.append(line)
            at_boundary = False
    if title and body:
        posts.append(_new_post(title, body, source, author))
    return posts


def split_raw(text: str, source: str) -> list[Post]:
    """Split one raw dump into posts, choosing the layout from what its lines look like."""
    lines = unicodedata.normalize("NFC", text).splitlines()
    stripped = [line.strip() for line in lines]
    if any(NEWSLETTER.match(line) for line in stripped[:5]):
        return split_newsletter(lines, source)
    if sum(bool(DATED.match(line)) for line in stripped) >= 2:
        return split_dated_blog(lines, source)
    return split_blog_pages(lines, source)


def split_folder(raw: Path) -> list[Post]:
    """Split every raw dump of a folder into posts, duplicates merged."""
    posts = []
    for path in sorted(raw.glob("*.txt")):
        posts.extend(split_raw(path.read_text(encoding="utf-8"), path.name))
    return merge_duplicates(posts)
