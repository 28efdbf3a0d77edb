"""An analysis worker process: `python -m casework.engine.analyze_worker`, posts in, analyses out.

It reads {"hints": [...], "posts": [...]} as JSON on stdin (the corpus's vocabulary hints, then
posts as casework/engine/posts.py's `Post`) and writes their analyses on stdout as the JSON of the
analysis cache (casework/engine/index.py). casework/engine/workers.py starts it.
"""

from __future__ import annotations

import json
import sys

from pydantic import TypeAdapter

from casework.engine.index import CACHE_ROWS, analyze_post
from casework.engine.posts import Post
from casework.engine.text import add_words


def main() -> None:
    job = json.loads(sys.stdin.buffer.read())
    add_words(job["hints"])
    posts = TypeAdapter(list[Post]).validate_python(job["posts"])
    sys.stdout.buffer.write(CACHE_ROWS.dump_json([analyze_post(post) for post in posts]))


if __name__ == "__main__":
    main()
