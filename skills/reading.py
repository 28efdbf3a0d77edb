"""Reading the corpus: what an agent may look up in it, as skills (the library is passed in).

Agents never call the library themselves: every look-up goes through one of these, so the trace
shows it and an agent uses only what it declared.
"""

from __future__ import annotations

from casework.engine.retrieval import Hit, Library, SentenceHit


def search_sentences(library: Library, text: str, k: int = 8) -> list[SentenceHit]:
    """The k corpus sentences closest to a statement: what a model judges it by."""
    return library.search_sentences(text, k=k, passages=8)


def titles_of(library: Library, post_ids: list[str]) -> dict[str, str]:
    """Each post's title."""
    return {post_id: library.posts[post_id].post.title for post_id in post_ids}


def read_passages(library: Library, request: str, post_ids: list[str], limit: int = 8) -> list[Hit]:
    """The passages of some posts closest to a request, then each post's opening: what a model reads."""
    chosen = {
        key: hit
        for key, hit in ((f"{h.post_id}:{h.start}", h) for h in library.search(request, k=limit * 3))
        if hit.post_id in post_ids
    }
    for post_id in post_ids:
        first = next((p for p in library.passages if p.post_id == post_id), None)
        if first is not None and len(chosen) < limit:
            opening = Hit(
                post_id=post_id,
                title=first.title,
                score=0.0,
                passage=first.text,
                start=first.start,
                end=first.end,
            )
            chosen.setdefault(f"{post_id}:{first.start}", opening)
    return list(chosen.values())[:limit]
