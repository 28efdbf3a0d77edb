"""A new skill and a new agent, inserted into the built-in flow after the summarizer.

Run: .venv/bin/python examples/keyword_agent.py
"""

from collections import Counter

import casework
from casework.orchestrator import Agent


def top_keywords(sentences: list[str], n: int = 5) -> list[str]:
    """The words the sentences repeat most (a skill is a plain typed function)."""
    return [w for w, _ in Counter(w for s in sentences for w in s.split() if len(w) > 1).most_common(n)]


def extract_keywords(state, tools):
    keywords = tools.use(top_keywords, [s.text for s in state.summary])
    return tools.pass_on(f"Found keywords: {', '.join(keywords)}.", {"extras": {"keywords": keywords}})


agent = Agent(name="keywords", skills=[top_keywords], act=extract_keywords)
report = casework.run(
    "summarize the agile posts", flow=casework.default_flow().add(agent, after="summarizer")
)

if __name__ == "__main__":
    print(" → ".join(report.route))
    print("keywords:", ", ".join(report.extras["keywords"]))
