"""The report of a run: what the CLI prints and what `--json` emits (a stable, documented schema)."""

from __future__ import annotations

from pydantic import BaseModel

from casework.agents.case import Case
from casework.orchestrator.run import route
from casework.orchestrator.state import CaseState
from casework.skills.citations import Citation


class SourceRef(BaseModel):
    post_id: str
    title: str
    quote: str
    section: str = ""  # the section of a Markdown page the quote stands in, "" for none


class ReportSentence(BaseModel):
    sentence: str
    citations: list[SourceRef]
    source: SourceRef | None = None  # the post a summary or answer sentence comes from
    quoted: bool = False  # True when the sentence is the post's own words (an extractive quote)


class ReportEvidence(BaseModel):
    post_id: str
    title: str
    sentence: str


class ReportVerdict(BaseModel):
    statement: str
    verdict: str
    confidence: float
    reason: str
    evidence: list[ReportEvidence]


class ReportCheck(BaseModel):
    """A quoted summary sentence checked against the other posts (never against its own)."""

    statement: str
    source: SourceRef  # the post it is quoted from
    finding: str  # corroborated, contradicted or only_in_source
    reason: str
    evidence: list[ReportEvidence]  # the other post's sentence that corroborates or conflicts


class Report(BaseModel):
    """One finished (or paused) case. Schema version 1."""

    run_id: str
    task: str
    kind: str
    outcome: str
    posts: list[dict]
    summary: list[ReportSentence]
    verdicts: list[ReportVerdict]
    citations: list[ReportSentence]
    checks: list[ReportCheck] = []
    route: list[str]
    answer: str
    notes: list[str]
    extras: dict = {}  # what agents a user added found (their results, by name)
    pending: dict | None = None  # the question a paused run waits on (see orchestrator/human.py)


class CheckReport(BaseModel):
    """What `check --json` prints: a claim's overall verdict (refuted if any statement is). Schema 1."""

    run_id: str
    claim: str
    verdict: str
    confidence: float
    evidence: list[ReportEvidence]
    statements: list[ReportVerdict]
    route: list[str]


def _sources(citations: list[Citation]) -> list[SourceRef]:
    return [SourceRef(post_id=c.post_id, title=c.title, quote=c.quote, section=c.section) for c in citations]


def make_report(state: CaseState, run_id: str) -> Report:
    """The report of a case state (a flow of the user's own may carry only the orchestrator's fields)."""
    state = Case.model_validate(state.model_dump()) if not isinstance(state, Case) else state
    cited = {c.sentence: c.citations for c in state.citations}
    return Report(
        run_id=run_id,
        task=state.task,
        kind=state.intent.kind if state.intent else "",
        outcome=state.outcome or "paused",
        posts=[p.model_dump() for p in state.posts],
        summary=[
            ReportSentence(
                sentence=s.text,
                citations=_sources(cited.get(s.text, [])),
                source=SourceRef(post_id=s.post_id, title=s.title, quote=s.text),
                quoted=s.quoted,
            )
            for s in state.summary
        ],
        verdicts=[
            ReportVerdict(
                statement=v.statement,
                verdict=v.verdict,
                confidence=v.confidence,
                reason=v.reason,
                evidence=[
                    ReportEvidence(post_id=e.post_id, title=e.title, sentence=e.sentence) for e in v.evidence
                ],
            )
            for v in state.verdicts
        ],
        citations=[
            ReportSentence(sentence=c.sentence, citations=_sources(c.citations)) for c in state.citations
        ],
        checks=[
            ReportCheck(
                statement=c.statement,
                source=SourceRef(post_id=c.post_id, title=c.title, quote=c.statement),
                finding=c.finding,
                reason=c.reason,
                evidence=[
                    ReportEvidence(post_id=e.post_id, title=e.title, sentence=e.sentence) for e in c.evidence
                ],
            )
            for c in state.checks
        ],
        route=route(state),
        answer=state.answer,
        notes=state.notes,
        extras=state.extras,
    )
