"""The answerer: the few corpus sentences that answer a question, most relevant first.

Offline the answer is quoted (skills/answer.py): each sentence is a post's own words with its
source, from the posts that answer. When nothing in the corpus answers, it says so and hands back
with outcome "no_answer". With a chat model it writes the answer from the answering posts'
passages (skills/llm.py), every sentence citing them; a failing model falls back to the quotes.
"""

from __future__ import annotations

from casework.agents.case import Case, PostRef
from casework.agents.thinking import model_of, think
from casework.orchestrator.agent import Agent, Tools, Turn
from casework.skills.answer import answer_question
from casework.skills.llm import summarize_passages
from casework.skills.reading import read_passages, titles_of

NAME = "answerer"
SENTENCES = 3  # an answer is a few sentences, not a summary
PASSAGES = 8  # passages a model reads


def act(state: Case, tools: Tools) -> Turn:
    """Answer the question in the task, or report that nothing in the corpus does."""
    question = state.intent.text
    quotes = tools.use(answer_question, tools.library, question)
    if not quotes:
        note = f"Nothing in the corpus answers “{question}”."
        return tools.pass_on(
            "No post answers the question.",
            {"outcome": "no_answer", "notes": [*state.notes, note]},
            plan=[],
            posts=0,
        )
    post_ids = list(dict.fromkeys(s.post_id for s in quotes))
    shown = tools.use(read_passages, tools.library, question, post_ids, PASSAGES) if model_of(tools) else []
    answer, _dropped = think(
        tools,
        summarize_passages,
        question,
        state.intent.language,
        shown,
        SENTENCES,
        offline=lambda: (quotes, []),
    )
    titles = tools.use(titles_of, tools.library, post_ids)
    posts = [PostRef(post_id=pid, title=titles[pid]) for pid in post_ids]
    named = ", ".join(f"“{p.title}”" for p in posts)
    return tools.pass_on(
        f"Answered from {named} in {len(answer)} sentence(s), most relevant first.",
        {"posts": posts, "summary": answer},
        posts=len(posts),
        sentences=len(answer),
    )


def answerer() -> Agent:
    """The answerer agent."""
    return Agent(
        name=NAME,
        description="Answers a question with the corpus sentences that answer it, from the posts that do.",
        skills=[answer_question, read_passages, titles_of, summarize_passages],
        handoffs=["fact_checker", "citation_finder", "case_worker"],
        act=act,
    )
