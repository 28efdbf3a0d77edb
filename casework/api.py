"""The Python API: what the CLI calls, and what a Python user calls the same way."""

from __future__ import annotations

from pathlib import Path

from casework.config import Settings
from casework.engine.errors import UserError
from casework.engine.folder import load_posts
from casework.engine.importer import split_folder
from casework.engine.posts import Post, write_posts
from casework.engine.retrieval import Hit
from casework.report import CheckReport, Report, make_report
from casework.skills.evidence import deciding, overall_label
from casework.workspace import IngestReport, ingest, open_library

MAX_QUERY_CHARS = 2000  # a query, topic or claim
MAX_TEXT_CHARS = 20_000  # a text to find sources for
MAX_TASK_CHARS = MAX_TEXT_CHARS + 100  # a task may carry such a text after its request words


def validated_text(text: str, what: str = "query", limit: int = MAX_QUERY_CHARS) -> str:
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
    return open_library(settings or Settings()).search(validated_text(query), k=k, mode=mode)


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


def build_context(settings: Settings, flow=None):
    """The run-time context every agent of a flow shares: the corpus its skills read, the plans."""
    from casework.orchestrator.flow import Context

    flow = flow or default_flow()
    return Context(library=open_library(settings), plans=flow.plans, supervisor=flow.entry)


def default_flow():
    """The built-in flow: case worker, summarizer, fact-checker, citation finder."""
    from casework.agents import default_flow as make

    return make()


def parallel_flow():
    """The built-in flow, where the fact-checker and the citation finder take the summary at the same time."""
    from casework.agents import parallel_flow as make

    return make()


def run(
    task: str,
    settings: Settings | None = None,
    *,
    flow=None,
    listen=None,
    checkpointer=None,
    context=None,
    run_id: str | None = None,
    record: bool = True,
    watch=None,
    llm: str | dict | None = None,
    human: bool = False,
    resume=None,
    llm_record: Path | None = None,
) -> Report:
    """Run a task through the flow (the built-in one by default) and report the case.

    `llm` is a model spec (see casework/llm.py; default `settings.llm`, offline when unset) or a dict
    of agent name -> chat model; `llm_record` appends the models' answers to a JSONL file. With `human`,
    a person reviews each handoff: the run pauses, the report's outcome is "paused" and `pending`
    holds the question; `resume(run_id, answer)` goes on.

    With `record` (the default) the run is checkpointed in `<home>/runs.sqlite` or the database of
    `settings.checkpoint_url` (unless you pass a `checkpointer`), and its trace saved as
    `<home>/traces/<run_id>.json`; `watch` sees each trace event as it happens (the live view).
    `listen` still gets LangGraph's raw stream events.
    """
    from contextlib import nullcontext

    from casework import runs
    from casework.orchestrator.run import run_case, run_config
    from casework.orchestrator.trace import TraceRecorder

    settings = settings or Settings()
    task = validated_text(task, "task", limit=MAX_TASK_CHARS)
    flow = flow or default_flow()
    if human and getattr(flow, "branches", None):
        raise UserError("--human and --parallel do not go together: a person reviews one handoff at a time")
    config = run_config(None if run_id is None else runs.check_run_id(run_id))
    run_id = config["configurable"]["thread_id"]
    context = context or build_context(settings, flow)
    context = with_thinking(context, flow, settings, llm, human, llm_record)
    recorder = None

    def hear(kind, data):
        for listener in (recorder, listen):
            if listener is not None:
                listener(kind, data)

    with (
        runs.checkpointer(settings, flow.state)
        if (record or context.human) and checkpointer is None
        else nullcontext(checkpointer) as saver
    ):
        graph = flow.compile(checkpointer=saver)
        previous = runs.find_trace(settings, run_id) if resume is not None else None
        recorder = (
            TraceRecorder(task, run_id, flow, watch, previous) if record or watch else None
        )  # its clock starts here
        try:
            state = run_case(
                graph, None if resume is not None else task, context, config, hear, resume=resume
            )
            pending = pending_question(graph, config) if context.human else None
        except Exception as error:
            if recorder and record:  # keep the trace of a failed run: that is when it is read
                recorder.fail(error)
                runs.save_trace(settings, recorder.finish("error"))
            raise
    report = make_report(state, run_id).model_copy(update={"pending": pending})
    if recorder and record:
        runs.save_trace(settings, recorder.finish(report.outcome))
    return report


def with_thinking(
    context, flow, settings: Settings, llm=None, human: bool = False, record: Path | None = None
):
    """The context with the run's chat models (from `llm` or settings.llm) and whether a person reviews."""
    from dataclasses import replace

    from casework.llm import resolve_models

    models = llm if isinstance(llm, dict) else resolve_models(llm or settings.llm, list(flow.agents), record)
    return replace(context, models=models or context.models, human=human or context.human)


def pending_question(graph, config) -> dict | None:
    """The question a paused run waits on (None when it is not paused)."""
    interrupts = graph.get_state(config).interrupts
    return interrupts[0].value if interrupts else None


def resume(run_id: str, answer=None, settings: Settings | None = None, flow=None, **options) -> Report:
    """Go on with a paused run: `answer` its pending question (orchestrator/human.py); None just shows it."""
    from casework import runs

    settings = settings or Settings()
    runs.check_run_id(run_id)
    flow = flow or default_flow()
    with runs.checkpointer(settings, flow.state) as saver:
        snapshot = flow.compile(checkpointer=saver).get_state({"configurable": {"thread_id": run_id}})
    if not snapshot.values:
        raise UserError(f"no run {run_id!r} in {runs.location(settings)} (see `casework runs list`)")
    state = flow.state.model_validate(snapshot.values)
    if not snapshot.interrupts:
        raise UserError(
            f"run {run_id!r} is not waiting for an answer (it ended: {state.outcome or 'unknown'})"
        )
    if answer is None:
        return make_report(state, run_id).model_copy(update={"pending": snapshot.interrupts[0].value})
    return run(state.task, settings, flow=flow, run_id=run_id, human=True, resume=answer, **options)


def trace(run: str = "last", settings: Settings | None = None):
    """The trace of a recorded run (its id, a unique prefix, or 'last')."""
    from casework.runs import load_trace

    return load_trace(settings or Settings(), run)


def export_trace(run: str = "last", fmt: str = "json", settings: Settings | None = None) -> str:
    """A recorded run's trace as json, md (a narrative), mermaid or html (one self-contained page)."""
    from casework.exports import export

    return export(trace(run, settings), fmt)


def list_runs(settings: Settings | None = None):
    """Every recorded run, oldest first."""
    from casework.runs import list_runs as listed

    return listed(settings or Settings())


def summarize(topic: str, settings: Settings | None = None, **options) -> Report:
    """Summarize the posts on a topic (the summarizer with the case worker around it)."""
    return run(f"summarize: {validated_text(topic, 'topic')}", settings, **options)


def check(claim: str, settings: Settings | None = None, **options) -> Report:
    """Fact-check a claim against the corpus."""
    return run(f"fact-check: {validated_text(claim, 'claim')}", settings, **options)


def claim_verdict(report: Report) -> CheckReport:
    """A fact-check report as one verdict on the claim: refuted if any statement is, supported if all are."""
    label = overall_label([v.verdict for v in report.verdicts])
    parts = deciding(report.verdicts, label)
    return CheckReport(
        run_id=report.run_id,
        claim=report.task.split(":", 1)[-1].strip(),
        verdict=label,
        confidence=min((v.confidence for v in parts), default=0.0),
        evidence=[e for v in parts for e in v.evidence],
        statements=report.verdicts,
        route=report.route,
    )


def cite(text: str, settings: Settings | None = None, **options) -> Report:
    """Find corpus sources for each sentence of a text."""
    return run(f"find sources for: {validated_text(text, 'text', limit=MAX_TEXT_CHARS)}", settings, **options)


__all__ = [
    "CheckReport",
    "IngestReport",
    "Report",
    "Settings",
    "check",
    "validated_text",
    "cite",
    "default_flow",
    "export_trace",
    "ingest",
    "list_posts",
    "list_runs",
    "resume",
    "run",
    "search",
    "split_corpus",
    "summarize",
    "trace",
]
