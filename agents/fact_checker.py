"""The fact-checker: splits a claim (or takes the summary's sentences) and judges each statement.

Verdicts are SUPPORTED, REFUTED or NOT_ENOUGH_INFO, each with evidence sentences and a confidence.
With a chat model, the model judges each statement from retrieved corpus sentences (same Verdict).
A summary sentence quoted from a post is not judged against that post (it would always pass): it is
cross-checked against the other posts instead (skills/crosscheck.py: corroborated, contradicted, or
only in its source), offline. Sentences a model wrote are judged against the corpus, and that can fail.
The handoff's `check` says which kind of check ran.
"""

from __future__ import annotations

from collections import Counter

from casework.agents.case import Case
from casework.agents.thinking import model_of, think
from casework.orchestrator.agent import Agent, Tools, Turn
from casework.skills.crosscheck import cross_check, is_quote
from casework.skills.evidence import check_statement, split_claims
from casework.skills.llm import judge_statement
from casework.skills.reading import search_sentences

NAME = "fact_checker"
EVIDENCE = 8  # corpus sentences a model reads per statement


def act(state: Case, tools: Tools) -> Turn:
    """Cross-check quoted summary sentences, judge written ones, or judge the atomic statements of a claim."""
    quoted = [tools.use(is_quote, tools.library, s) for s in state.summary]  # found where it says, or judged
    checks = [tools.use(cross_check, tools.library, s) for s, q in zip(state.summary, quoted) if q]
    written = [s.text for s, q in zip(state.summary, quoted) if not q]
    # A claim's statements are judged with the whole claim as context, as `check_claim` does: one path
    # for the CLI, the API, this agent and the bench. A summary sentence is a claim of its own.
    claim = "" if state.summary else state.intent.text
    statements = written if state.summary else tools.use(split_claims, claim)
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
    # The trace shows the kind of check: for a quote, a finding about the other posts, not a verdict.
    judged = [(c.statement, c.finding, c.confidence, c.reason) for c in checks]
    judged += [(v.statement, v.verdict, v.confidence, v.reason) for v in verdicts]
    for statement, verdict, confidence, reason in judged:
        tools.emit("verdict", statement=statement, verdict=verdict, confidence=confidence, reason=reason)
    counts = Counter(v.verdict for v in verdicts) + Counter(c.finding for c in checks)
    tally = ", ".join(f"{n} {label.lower().replace('_', ' ')}" for label, n in sorted(counts.items()))
    parts = [f"{len(checks)} quoted sentence(s) against the other posts"] if checks else []
    if verdicts or not checks:
        what = "written sentence(s)" if state.summary else "statement(s)"
        parts.append(f"{len(verdicts)} {what} against the corpus")
    kinds = (["against the other posts"] if checks else []) + (["against the corpus"] if verdicts else [])
    update = {**({"checks": checks} if checks else {}), "verdicts": verdicts}  # verdicts: [] for quotes
    return tools.pass_on(
        f"Checked {' and '.join(parts)}: {tally or 'nothing to check'}.",
        update,
        check=" and ".join(kinds) or "none",
        statements=len(statements) + len(checks),
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
        skills=[split_claims, check_statement, is_quote, cross_check, search_sentences, judge_statement],
        handoffs=["citation_finder", "case_worker"],
        act=act,
    )
