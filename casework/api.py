"""The Python API: what the CLI calls, and what a Python user calls the same way."""

from __future__ import annotations

from pathlib import Path

from casework.config import Settings
from casework.workspace import IngestReport, ingest, open_library
from skills.corpus import Post, load_posts, split_folder, write_posts
from skills.errors import UserError
from skills.retrieval import Hit
from casework.report import Report, make_report

MAX_QUERY_CHARS = 2000


def check_text(text: str, what: str = "query", limit: int = MAX_QUERY_CHARS) -> str:
    """The text stripped, or a UserError saying why it cannot be used."""
    cleaned = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t").strip()
    if not cleaned:
        raise UserError(f"the {what} is empty")
    if len(cleaned) > limit:
        raise UserError(f"the {what} is too long ({len(cleaned):,} characters; the limit is {limit:,})")
    return cleaned


def search(query: str, k: int = 5, settings: Settings | None = None, mode: str = "hybrid") -> list[Hit]:
    """The k best passages for a query (Korean or English), hybrid dense + BM25."""
    if k < 1:
        raise UserError("k must be at least 1")
    if mode not in ("hybrid", "dense", "lexical"):
        raise UserError(f"unknown search mode {mode!r} (hybrid, dense or lexical)")
    return open_library(settings or Settings()).search(check_text(query), k=k, mode=mode)


def list_posts(settings: Settings | None = None) -> list[Post]:
    """The posts of the corpus folder, without their text analysed."""
    posts, _warnings = load_posts((settings or Settings()).corpus)
    return posts


def split_corpus(raw: Path, out: Path) -> list[Post]:
    """Split raw dumps (a folder of .txt) into one Markdown post per file in `out`."""
    if not raw.is_dir():
        raise UserError(f"raw folder not found: {raw}")
    posts = split_folder(raw)
    if not posts:
        raise UserError(f"no posts found in {raw}")
    write_posts(posts, out)
    return posts


def build_context(settings: Settings, flow=None, skills: dict | None = None):
    """The run-time context every agent of a flow shares: the corpus, the skills (built-in plus `skills`), the plans."""
    from orchestrator.flow import Context
    from skills.registry import default_skills

    flow = flow or default_flow()
    registry = default_skills()
    for name, function in (skills or {}).items():
        registry.add(function, name)
    return Context(library=open_library(settings), skills=registry, plans=flow.plans, supervisor=flow.entry)


def default_flow():
    """The built-in flow: case worker, summarizer, fact-checker, citation finder."""
    from agents import default_flow as make

    return make()


def run(task: str, settings: Settings | None = None, flow=None, listen=None, checkpointer=None,
        context=None, run_id: str | None = None, skills: dict | None = None) -> Report:
    """Run a task through the flow (the built-in one by default) and report the case."""
    from orchestrator.run import run_case, run_config

    settings = settings or Settings()
    task = check_text(task, "task")
    flow = flow or default_flow()
    config = run_config(run_id)
    state = run_case(flow.compile(checkpointer=checkpointer), task, context or build_context(settings, flow, skills), config,
                     listen or (lambda kind, data: None))
    return make_report(state, config["configurable"]["thread_id"])


def summarize(topic: str, settings: Settings | None = None, **options) -> Report:
    """Summarize the posts on a topic (the summarizer with the case worker around it)."""
    return run(f"summarize: {check_text(topic, 'topic')}", settings, **options)


def check(claim: str, settings: Settings | None = None, **options) -> Report:
    """Fact-check a claim against the corpus."""
    return run(f"fact-check: {check_text(claim, 'claim')}", settings, **options)


def check_summary(report: Report) -> dict:
    """The overall verdict of a fact-check report: refuted if any statement is, supported if all are."""
    labels = [v.verdict for v in report.verdicts]
    overall = "REFUTED" if "REFUTED" in labels else "SUPPORTED" if labels and set(labels) == {"SUPPORTED"} else "NOT_ENOUGH_INFO"
    deciding = [v for v in report.verdicts if v.verdict == overall] or report.verdicts
    confidence = min((v.confidence for v in deciding), default=0.0)
    evidence = [e.model_dump() for v in deciding for e in v.evidence]
    return {"claim": report.task.split(":", 1)[-1].strip(), "verdict": overall, "confidence": confidence,
            "evidence": evidence, "statements": [v.model_dump() for v in report.verdicts], "route": report.route}


def cite(text: str, settings: Settings | None = None, **options) -> Report:
    """Find corpus sources for each sentence of a text."""
    return run(f"find sources for: {check_text(text, 'text', limit=20000)}", settings, **options)


__all__ = ["IngestReport", "Report", "Settings", "check", "check_text", "cite", "default_flow", "ingest",
           "list_posts", "run", "search", "split_corpus", "summarize"]
