"""A solution to exercise 1: a keyword agent after the summarizer."""

from collections import Counter

from casework.orchestrator import Agent


def top_keywords(sentences: list[str], n: int = 5) -> list[str]:
    """The words the sentences repeat most."""
    return [w for w, _ in Counter(w for s in sentences for w in s.split() if len(w) > 1).most_common(n)]


def extract_keywords(state, tools):
    keywords = tools.use(top_keywords, [s.text for s in state.summary])
    return tools.pass_on(f"Found keywords: {', '.join(keywords)}.", {"extras": {"keywords": keywords}})


def build_flow(flow):
    return flow.add(Agent(name="keywords", skills=[top_keywords], act=extract_keywords), after="summarizer")
