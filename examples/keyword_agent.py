"""A new skill and a new agent, inserted into the built-in flow, in under 20 lines.

Run: .venv/bin/python examples/keyword_agent.py
"""

from collections import Counter

import casework
from casework.orchestrator import Agent, pass_case


def top_keywords(library, sentences: list[str], n: int = 5) -> list[str]:
    """The most frequent content terms of some sentences."""
    return [
        term
        for term, _ in Counter(t for s in sentences for t in library.terms(s) if len(t) > 1).most_common(n)
    ]


def extract_keywords(state, tools):
    keywords = tools.use("top_keywords", tools.library, [s.text for s in state.summary])
    return pass_case(
        tools, state.plan, f"Found keywords: {', '.join(keywords)}.", {"extras": {"keywords": keywords}}
    )


keyword_agent = Agent(
    name="keyword_extractor",
    description="Lists the summary's keywords.",
    skills=["top_keywords"],
    act=extract_keywords,
)
flow = casework.default_flow().add(keyword_agent, after="summarizer")
report = casework.run("summarize the agile posts", flow=flow, skills={"top_keywords": top_keywords})

if __name__ == "__main__":
    print(" → ".join(report.route))
    print(report.answer)
