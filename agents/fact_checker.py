"""The fact-checker: splits a claim (or takes the summary's sentences) and judges each statement.

Verdicts are SUPPORTED, REFUTED or NOT_ENOUGH_INFO, each with evidence sentences and a confidence.
With a chat model, the model judges each statement from retrieved corpus sentences (same Verdict).
"""

from __future__ import annotations

from collections import Counter

from casework.agents.case import Case
from casework.agents.thinking import model_of, think
from casework.orchestrator.agent import Agent, Tools, Turn
from casework.skills.evidence import check_statement, split_claims
from casework.skills.llm import judge_statement
from casework.skills.reading import search_sentences

NAME = "fact_checker"
EVIDENCE = 8  # corpus sentences a model reads per statement


def act(state: Case, tools: Tools) -> Turn:
    """Check every summary sentence, or every atomic statement of the claim in the task."""
    # A claim's statements are judged with the whole claim as context, as `check_claim` does: one path
    # for the CLI, the API, this agent and the bench. A summary sentence is a claim of its own.
    claim = "" if state.summary else state.intent.text
    statements = [s.text for s in state.summary] or tools.use(split_claims, claim)
    verdicts = [
        think(
            tools,
            judge_statement,
            statement,
            evidence_for(tools, statement),
            offline=lambda s=statement: tools.use(check_statement, tools.library, s, context=claim),
        )
        for statement in statements
    ]
    for verdict in verdicts:
        tools.emit(
            "verdict",
            statement=verdict.statement,
            verdict=verdict.verdict,
            confidence=verdict.confidence,
            reason=verdict.reason,
        )
    counts = Counter(v.verdict for v in verdicts)
    tally = ", ".join(f"{n} {label.lower().replace('_', ' ')}" for label, n in sorted(counts.items()))
    what = "summary sentence(s)" if state.summary else "statement(s)"
    return tools.pass_on(
        f"Checked {len(verdicts)} {what}: {tally}.",
        {"verdicts": verdicts},
        statements=len(statements),
        **{label.lower(): n for label, n in counts.items()},
    )


def evidence_for(tools: Tools, statement: str) -> list:
    """The corpus sentences a model judges a statement by (none offline: the offline skill finds its own)."""
    return tools.use(search_sentences, tools.library, statement, k=EVIDENCE) if model_of(tools) else []


def fact_checker() -> Agent:
    """The fact-checker agent."""
    return Agent(
        name=NAME,
        description="Judges statements against the corpus: supported, refuted or not enough info.",
        skills=[split_claims, check_statement, search_sentences, judge_statement],
        handoffs=["citation_finder", "case_worker"],
        act=act,
    )
