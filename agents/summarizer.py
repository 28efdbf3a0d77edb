"""The summarizer: selects the posts that belong to the topic and writes an extractive summary.

Every summary sentence keeps its source (post, sentence index, offsets), so the fact-checker and
the citation finder downstream can verify and cite it. For a question, the summary is focused on it.
With a chat model the summary is abstractive (skills/llm.py): written in the request's language from
the selected posts' passages, every sentence citing them, ungrounded sentences dropped and noted.
"""

from __future__ import annotations

from casework.agents.case import Case, PostRef
from casework.agents.thinking import model_of, think
from casework.orchestrator.agent import Agent, Tools, Turn
from casework.skills.llm import summarize_passages
from casework.skills.reading import read_passages, titles_of
from casework.skills.selection import select_posts, topic_of
from casework.skills.summarize import summarize

NAME = "summarizer"
SENTENCES = {"summarize": None, "ask": 4}  # None: the summarizer sizes the summary to the posts
MODEL_SENTENCES = 6  # what a chat model is asked for when the size is left to the summarizer
PASSAGES = 8  # passages a model reads: enough to cover a few posts, few enough for a small context


def act(state: Case, tools: Tools) -> Turn:
    """Select the topic's posts and summarize them, or report that none match."""
    intent = state.intent
    topic = tools.use(topic_of, intent.text)
    post_ids = tools.use(select_posts, tools.library, topic)
    if not post_ids:
        note = f"No post in the corpus is about “{topic}”, so there is nothing to summarize."
        return tools.pass_on(
            f"No post matches “{topic}”.",
            {"outcome": "no_posts", "notes": [*state.notes, note]},
            plan=[],
            topic=topic,
            posts=0,
        )
    focus = intent.text  # the request itself: a summary leans toward what was asked
    size = SENTENCES.get(intent.kind)
    offline = lambda: (tools.use(summarize, tools.library, post_ids, focus=focus, max_sentences=size), [])  # noqa: E731
    shown = (
        tools.use(read_passages, tools.library, intent.text, post_ids, PASSAGES) if model_of(tools) else []
    )
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
    titles = tools.use(titles_of, tools.library, post_ids)
    posts = [PostRef(post_id=pid, title=titles[pid]) for pid in post_ids]
    titles = ", ".join(f"“{p.title}”" for p in posts[:3]) + (" …" if len(posts) > 3 else "")
    nxt = state.plan[0].replace("_", " ") if state.plan else "case worker"
    return tools.pass_on(
        f"Summarized {len(posts)} post(s) ({titles}) in {len(summary)} sentences; the {nxt} takes them next.",
        {"posts": posts, "summary": summary, **({"notes": notes} if notes else {})},
        topic=topic,
        posts=len(posts),
        sentences=len(summary),
    )


def summarizer() -> Agent:
    """The summarizer agent."""
    return Agent(
        name=NAME,
        description="Selects the posts on a topic and writes a traceable extractive summary.",
        skills=[topic_of, select_posts, summarize, titles_of, read_passages, summarize_passages],
        handoffs=["fact_checker", "citation_finder", "case_worker"],
        act=act,
    )
