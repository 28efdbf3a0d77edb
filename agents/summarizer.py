"""The summarizer: selects the posts that belong to the topic and writes an extractive summary.

Every summary sentence keeps its source (post, sentence index, offsets), so the fact-checker and
the citation finder downstream can verify and cite it. For a question, the summary is focused on it.
With a chat model the summary is abstractive (skills/llm.py): written in the request's language from
the selected posts' passages, every sentence citing them, ungrounded sentences dropped and noted.
"""

from __future__ import annotations

from casework.agents.thinking import model_of, think
from casework.engine.retrieval import Hit
from casework.orchestrator.agent import Agent, Tools, Turn, pass_case
from casework.orchestrator.state import CaseState, PostRef
from casework.skills.llm import summarize_passages

NAME = "summarizer"
SENTENCES = {"summarize": None, "ask": 4}  # None: the summarizer sizes the summary to the posts
MODEL_SENTENCES = 6  # what a chat model is asked for when the size is left to the summarizer
PASSAGES = 8  # passages a model reads: enough to cover a few posts, few enough for a small context


def act(state: CaseState, tools: Tools) -> Turn:
    """Select the topic's posts and summarize them, or report that none match."""
    intent = state.intent
    topic = tools.use("topic_of", intent.text)
    post_ids = tools.use("select_posts", tools.library, topic)
    if not post_ids:
        note = f"No post in the corpus is about “{topic}”, so there is nothing to summarize."
        return pass_case(
            tools,
            [],
            f"No post matches “{topic}”.",
            {"outcome": "no_posts", "notes": [*state.notes, note]},
            topic=topic,
            posts=0,
        )
    focus = intent.text  # the request itself: a summary leans toward what was asked
    size = SENTENCES.get(intent.kind)
    offline = lambda: (tools.use("summarize", tools.library, post_ids, focus=focus, max_sentences=size), [])  # noqa: E731
    shown = passages(tools.library, intent.text, post_ids) if model_of(tools) else []
    summary, dropped = think(
        tools,
        summarize_passages,
        intent.text,
        intent.language,
        shown,
        size or MODEL_SENTENCES,
        offline=offline,
    )
    notes = (
        [*state.notes, f"Dropped {len(dropped)} summary sentence(s) that cited no passage it was shown."]
        if dropped
        else []
    )
    posts = [PostRef(post_id=pid, title=tools.library.posts[pid].post.title) for pid in post_ids]
    titles = ", ".join(f"“{p.title}”" for p in posts[:3]) + (" …" if len(posts) > 3 else "")
    nxt = state.plan[0].replace("_", " ") if state.plan else "case worker"
    return pass_case(
        tools,
        state.plan,
        f"Summarized {len(posts)} post(s) ({titles}) in {len(summary)} sentences; the {nxt} takes them next.",
        {"posts": posts, "summary": summary, **({"notes": notes} if notes else {})},
        topic=topic,
        posts=len(posts),
        sentences=len(summary),
    )


def passages(library, request: str, post_ids: list[str], limit: int = PASSAGES) -> list:
    """The passages of the selected posts closest to the request, then each post's opening: what a model reads."""
    chosen = {
        pid: hit
        for pid, hit in ((f"{h.post_id}:{h.start}", h) for h in library.search(request, k=limit * 3))
        if hit.post_id in post_ids
    }
    for post_id in post_ids:
        first = next((p for p in library.passages if p.post_id == post_id), None)
        if first is not None and len(chosen) < limit:
            chosen.setdefault(
                f"{post_id}:{first.start}",
                Hit(
                    post_id=post_id,
                    title=first.title,
                    score=0.0,
                    passage=first.text,
                    start=first.start,
                    end=first.end,
                ),
            )
    return list(chosen.values())[:limit]


def summarizer() -> Agent:
    """The summarizer agent."""
    return Agent(
        name=NAME,
        description="Selects the posts on a topic and writes a traceable extractive summary.",
        skills=["topic_of", "select_posts", "summarize"],
        handoffs=["fact_checker", "citation_finder", "case_worker"],
        act=act,
    )
