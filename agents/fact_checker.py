"""The fact-checker: splits a claim (or takes the summary's sentences) and judges each statement.

Verdicts are SUPPORTED, REFUTED or NOT_ENOUGH_INFO, each with evidence sentences and a confidence.
"""

from __future__ import annotations

from collections import Counter

from orchestrator.agent import Agent, Tools, Turn, pass_case
from orchestrator.state import CaseState

NAME = "fact_checker"


def act(state: CaseState, tools: Tools) -> Turn:
    """Check every summary sentence, or every atomic statement of the claim in the task."""
    statements = [s.text for s in state.summary] or tools.use("split_claims", state.intent.text)
    verdicts = [tools.use("check_statement", tools.library, statement) for statement in statements]
    counts = Counter(v.verdict for v in verdicts)
    tally = ", ".join(f"{n} {label.lower().replace('_', ' ')}" for label, n in sorted(counts.items()))
    what = "summary sentence(s)" if state.summary else "statement(s)"
    return pass_case(tools, state.plan, f"Checked {len(verdicts)} {what}: {tally}.", {"verdicts": verdicts},
                     statements=len(statements), **{label.lower(): n for label, n in counts.items()})


def fact_checker() -> Agent:
    """The fact-checker agent."""
    return Agent(name=NAME, description="Judges statements against the corpus: supported, refuted or not enough info.",
                 skills=["split_claims", "check_statement"], handoffs=["citation_finder", "case_worker"], act=act)
