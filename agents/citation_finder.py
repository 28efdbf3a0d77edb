"""The citation finder: for each sentence of a text, the corpus sentences that support it.

It cites the summary when there is one, else the text of the task; it abstains (no citation)
when nothing in the corpus supports a sentence. With a chat model, it re-ranks (and may prune) the
offline candidates; it never adds a citation the offline search did not find.
"""

from __future__ import annotations

from casework.agents.case import Case
from casework.agents.thinking import model_of, think
from casework.orchestrator.agent import Agent, Tools, Turn
from casework.skills.citations import CitedSentence, find_citations
from casework.skills.evidence import split_claims
from casework.skills.llm import rerank_citations

NAME = "citation_finder"
CANDIDATES = 5  # offline candidates a model re-ranks


def act(state: Case, tools: Tools) -> Turn:
    """Cite each summary sentence, or each sentence of the task's text."""
    sentences = [s.text for s in state.summary] or tools.use(split_claims, state.intent.text)
    cited = [CitedSentence(sentence=s, citations=citations_for(tools, s)) for s in sentences]
    for sentence in cited:
        tools.emit("citation", sentence=sentence.sentence, sources=[c.title for c in sentence.citations])
    found = sum(1 for c in cited if c.citations)
    return tools.pass_on(
        f"Found sources for {found} of {len(cited)} sentence(s)"
        + (f"; abstained on {len(cited) - found}." if found < len(cited) else "."),
        {"citations": cited},
        sentences=len(cited),
        cited=found,
    )


def citations_for(tools: Tools, sentence: str) -> list:
    """The offline citations of a sentence; with a model, more candidates re-ranked (and pruned) by it."""
    if not model_of(tools):
        return tools.use(find_citations, tools.library, sentence)
    candidates = tools.use(find_citations, tools.library, sentence, limit=CANDIDATES)
    return think(tools, rerank_citations, sentence, candidates, offline=lambda: candidates[:2])


def citation_finder() -> Agent:
    """The citation finder agent."""
    return Agent(
        name=NAME,
        description="Finds and formats the corpus sentences that support each sentence.",
        skills=[split_claims, find_citations, rerank_citations],
        handoffs=["case_worker"],
        act=act,
    )
