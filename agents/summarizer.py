"""The summarizer: selects the posts that belong to the topic and writes an extractive summary.

Every summary sentence keeps its source (post, sentence index, offsets), so the fact-checker and
the citation finder downstream can verify and cite it. For a question, the summary is focused on it.
"""

from __future__ import annotations

from orchestrator.agent import Agent, Tools, Turn, pass_case
from orchestrator.state import CaseState, PostRef

NAME = "summarizer"
SENTENCES = {"summarize": 6, "ask": 4}


def act(state: CaseState, tools: Tools) -> Turn:
    """Select the topic's posts and summarize them, or report that none match."""
    intent = state.intent
    topic = tools.use("topic_of", intent.text)
    post_ids = tools.use("select_posts", tools.library, topic)
    if not post_ids:
        note = f"No post in the corpus is about “{topic}”, so there is nothing to summarize."
        return pass_case(tools, [], f"No post matches “{topic}”.", {"outcome": "no_posts", "notes": [*state.notes, note]},
                         topic=topic, posts=0)
    focus = intent.text if intent.kind == "ask" else ""
    summary = tools.use("summarize", tools.library, post_ids, focus=focus, max_sentences=SENTENCES.get(intent.kind, 6))
    posts = [PostRef(post_id=pid, title=tools.library.posts[pid].post.title) for pid in post_ids]
    titles = ", ".join(f"“{p.title}”" for p in posts[:3]) + (" …" if len(posts) > 3 else "")
    nxt = state.plan[0].replace("_", " ") if state.plan else "case worker"
    return pass_case(tools, state.plan, f"Summarized {len(posts)} post(s) ({titles}) in {len(summary)} sentences; "
                     f"the {nxt} takes them next.", {"posts": posts, "summary": summary},
                     topic=topic, posts=len(posts), sentences=len(summary))


def summarizer() -> Agent:
    """The summarizer agent."""
    return Agent(name=NAME, description="Selects the posts on a topic and writes a traceable extractive summary.",
                 skills=["topic_of", "select_posts", "summarize"],
                 handoffs=["fact_checker", "citation_finder", "case_worker"], act=act)
