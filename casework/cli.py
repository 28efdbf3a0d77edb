"""The `casework` command: a thin layer over the Python API in casework.api.

Each command builds Settings from its options, calls one API function and prints the result,
for people (rich) or as JSON (--json). A UserError becomes one line on stderr and exit 1.
"""

from __future__ import annotations

import gc
import inspect
import json
import sys
import warnings
from functools import wraps
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from casework import api
from casework.config import Settings
from casework.engine.errors import UserError
from casework.engine.markdown import place

app = typer.Typer(
    help="A case worker and specialist agents that hand a case to each other, over a Korean blog corpus.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
corpus_app = typer.Typer(help="Look at and prepare the corpus.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
trace_app = typer.Typer(help="Look at the trace of a recorded run: show it, export it.", no_args_is_help=True)
app.add_typer(trace_app, name="trace")
runs_app = typer.Typer(help="The runs recorded under the home folder.", no_args_is_help=True)
app.add_typer(runs_app, name="runs")
exercises_app = typer.Typer(help="Exercises that check themselves: list them, check your solution.")
app.add_typer(exercises_app, name="exercises")
console = Console()

CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="Folder of .md/.txt posts (default: the project's corpus/posts)."),
]
HomeOption = Annotated[
    Path | None,
    typer.Option(
        "--home", help="Folder for stores and run history (env CASEWORK_HOME; default ~/.casework)."
    ),
]
ChromaOption = Annotated[
    str | None,
    typer.Option(
        "--chroma-url", help="Chroma server URL (env CASEWORK_CHROMA_URL); a local store when unset."
    ),
]
EmbeddingsOption = Annotated[
    str | None, typer.Option("--embeddings", help="'use' (default), 'hashed' or provider:model.")
]
CheckpointOption = Annotated[
    str | None,
    typer.Option(
        "--checkpoint-url",
        help="Keep run checkpoints in this "
        "PostgreSQL database, postgresql://user@host:port/db (env CASEWORK_CHECKPOINT_URL; "
        "default <home>/runs.sqlite).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (schema in README).")]
LlmOption = Annotated[
    str | None,
    typer.Option(
        "--llm",
        help="Chat model: provider:model for every agent, and/or "
        "agent=provider:model,... ('offline' for none) (env CASEWORK_LLM; offline when unset).",
    ),
]


WORKSPACE_OPTIONS = {
    "corpus": CorpusOption,
    "home": HomeOption,
    "chroma_url": ChromaOption,
    "embeddings": EmbeddingsOption,
    "llm": LlmOption,
    "checkpoint_url": CheckpointOption,
}


def settings_from(**given) -> Settings:
    """Settings from the environment, overridden by the options that were given."""
    return Settings(**{key: value for key, value in given.items() if value is not None})


def workspace(command):
    """Give a command the options every command takes (WORKSPACE_OPTIONS) and pass it their `settings`.

    The options are added to the command's signature, which is what Typer reads, so each command
    declares only its own and they are written once here.
    """
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "settings"]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=option)
        for name, option in WORKSPACE_OPTIONS.items()
    ]

    @wraps(command)
    def wrapper(*args, **kwargs):
        given = {name: kwargs.pop(name, None) for name in WORKSPACE_OPTIONS}
        return command(*args, settings=settings_from(**given), **kwargs)

    wrapper.__signature__ = signature.replace(parameters=own + shared)
    return wrapper


def user_errors(command):
    """Turn a UserError into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UserError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            typer.echo("interrupted; nothing half-written was kept", err=True)
            raise typer.Exit(130) from None

    return wrapper


def print_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
@user_errors
@workspace
def ingest(
    settings: Settings,
    rebuild: Annotated[bool, typer.Option(help="Delete the store and build it anew.")] = False,
    as_json: JsonOption = False,
):
    """Bring the store in step with the corpus: embeds only new passages, deletes removed ones."""
    from rich.progress import Progress

    with Progress(
        console=Console(stderr=True), transient=True, disable=as_json or not sys.stderr.isatty()
    ) as progress:
        tasks = {}

        def show(stage: str, done: int, total: int):
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done)

        report = api.ingest(settings, rebuild=rebuild, progress=show)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        return print_json(report.model_dump())
    console.print(
        f"{report.files} files read: {report.posts} kept, {len(report.skipped)} skipped, "
        f"{len(report.merged)} merged"
    )
    console.print(
        f"{report.posts} posts, {report.passages} passages: {report.added} embedded, "
        f"{report.deleted} deleted, {report.kept} unchanged ({report.seconds:.1f}s)"
    )


@app.command()
@user_errors
@workspace
def search(
    settings: Settings,
    query: str,
    k: Annotated[int, typer.Option("--k", help="How many passages.")] = 5,
    mode: Annotated[str, typer.Option(help="hybrid, dense or lexical.")] = "hybrid",
    as_json: JsonOption = False,
):
    """Find the passages that answer a query (Korean or English)."""
    hits = api.search(query, k=k, settings=settings, mode=mode)
    if as_json:
        return print_json([hit.model_dump() for hit in hits])
    if not hits:
        console.print("no passage matches that query")
    for rank, hit in enumerate(hits, 1):
        where = f"{escape(hit.post_id)} {hit.start}-{hit.end} score {hit.score:.4f}"
        title = escape(place(hit.title, hit.section))
        console.print(f"[bold]{rank}. {title}[/bold]  [dim]{where}[/dim]", highlight=False)
        console.print(f"   {hit.passage[:240]}{'…' if len(hit.passage) > 240 else ''}", markup=False)


def _report(report, as_json: bool, shape=None):
    if as_json:
        return print_json(shape(report) if shape else report.model_dump())
    from casework.render import print_report

    print_report(report, console)


def _read(text: str, limit: int = api.MAX_TASK_CHARS) -> str:
    """'-' means: read the text from standard input (for long texts), never more than twice the limit.

    Twice, so that whitespace around a text of the limit's length still fits; the API checks the rest.
    """
    if text != "-":
        return text
    read = sys.stdin.read(2 * limit + 1)
    if len(read) > 2 * limit:
        raise UserError(
            f"the text on standard input is too long (over {2 * limit:,} characters; the limit is {limit:,})"
        )
    return read


@app.command()
@user_errors
@workspace
def run(
    settings: Settings,
    task: Annotated[
        str, typer.Argument(help="What to do, e.g. \"summarize the agile posts\" ('-' reads stdin).")
    ],
    as_json: JsonOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Do not show the run live (on stderr).")
    ] = False,
    expect_route: Annotated[
        str | None,
        typer.Option(
            "--expect-route",
            help="Comma-separated holders, e.g. "
            "case_worker,summarizer,case_worker; exit 1 with a diff when the route differs.",
        ),
    ] = None,
    human: Annotated[
        bool,
        typer.Option("--human", help="Review every handoff yourself (quit, then `casework resume RUN`)."),
    ] = False,
    llm_record: Annotated[
        Path | None,
        typer.Option(
            "--llm-record",
            help="Append the models' answers to this JSONL file (replay them with --llm replay:FILE).",
        ),
    ] = None,
    parallel: Annotated[
        bool,
        typer.Option(
            "--parallel", help="The fact-checker and the citation finder take the summary at the same time."
        ),
    ] = False,
):
    """Run a task through the case worker and its specialists (the main job)."""
    from casework.live import LiveView
    from casework.testing import route_diff

    with LiveView(
        enabled=not (quiet or as_json or human) and sys.stderr.isatty()
    ) as live:  # a pipe gets the report only
        flow = api.parallel_flow() if parallel else None
        report = api.run(_read(task), settings, flow=flow, watch=live, human=human, llm_record=llm_record)
    report = _supervise(report, settings)
    if report is None:
        return
    _report(report, as_json)
    diff = (
        route_diff(report.route, [a.strip() for a in expect_route.split(",") if a.strip()])
        if expect_route
        else None
    )
    if diff:
        typer.echo(f"error: {diff}", err=True)
        raise typer.Exit(1)


@app.command()
@user_errors
@workspace
def summarize(
    settings: Settings,
    topic: str,
    as_json: JsonOption = False,
):
    """Summarize the posts on a topic."""
    _report(
        api.summarize(_read(topic, api.MAX_QUERY_CHARS), settings),
        as_json,
    )


@app.command()
@user_errors
@workspace
def check(
    settings: Settings,
    claim: str,
    as_json: JsonOption = False,
):
    """Fact-check a claim: SUPPORTED, REFUTED or NOT_ENOUGH_INFO, with evidence."""
    _report(
        api.check(_read(claim, api.MAX_QUERY_CHARS), settings),
        as_json,
        lambda report: api.claim_verdict(report).model_dump(),
    )


@app.command()
@user_errors
@workspace
def cite(
    settings: Settings,
    text: str,
    as_json: JsonOption = False,
):
    """Find the corpus sentences that support each sentence of a text."""
    report = api.cite(_read(text, api.MAX_TEXT_CHARS), settings)
    _report(report, as_json, lambda r: [c.model_dump() for c in r.citations])


@app.command()
@user_errors
@workspace
def resume(
    settings: Settings,
    run_id: Annotated[str, typer.Argument(help="The id of a run paused for your review.")],
    as_json: JsonOption = False,
):
    """Go on with a run paused for your review (`casework run --human`)."""
    report = _supervise(api.resume(run_id, settings=settings), settings)
    if report is not None:
        _report(report, as_json)


def _supervise(report, settings: Settings):
    """Ask the person at each paused handoff until the run ends (its report) or they quit (None)."""
    from click.exceptions import Abort

    from casework.orchestrator.human import describe

    while report.outcome == "paused" and report.pending:
        Console(stderr=True).print(describe(report.pending), markup=False, highlight=False)
        try:
            answer = typer.prompt(
                "approve | send AGENT | edit INSTRUCTION | finish | quit", default="approve", err=True
            )
        except Abort:  # stdin closed: the same as quitting
            answer = "quit"
        if answer.strip().lower() in ("q", "quit"):
            typer.echo(f"paused; go on with: casework resume {report.run_id}", err=True)
            return None
        report = api.resume(report.run_id, answer, settings)
    return report


@app.command()
@user_errors
def graph():
    """Print the flow's graph as Mermaid: every agent and every possible handoff."""
    typer.echo(api.default_flow().compile().get_graph().draw_mermaid())


@app.command()
@user_errors
@workspace
def mcp(
    settings: Settings,
):
    """Serve the specialists as MCP tools on stdin/stdout, for MCP clients (desktop assistants, IDEs)."""
    from importlib.util import find_spec

    if find_spec("mcp") is None:
        raise UserError("casework mcp needs the mcp extra: pip install 'casework[mcp]'")
    from casework.mcp_server import serve

    serve(settings)


RunArgument = Annotated[str, typer.Argument(help="A run id (or a unique prefix of one), or 'last'.")]


@trace_app.command("show")
@user_errors
@workspace
def trace_show(settings: Settings, run: RunArgument = "last"):
    """Show a recorded run as a tree: each step, its skill calls, findings and handoff."""
    from casework.live import print_trace

    print_trace(api.trace(run, settings), console)


@trace_app.command("export")
@user_errors
@workspace
def trace_export(
    settings: Settings,
    run: RunArgument = "last",
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, md, mermaid or html.")] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
):
    """Export a recorded run: json, md (a narrative), mermaid (diagrams) or html (one self-contained page)."""
    text = api.export_trace(run, fmt, settings)
    if output is None:
        return typer.echo(text, nl=False)
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output} ({len(text.encode()):,} bytes)", err=True)


@runs_app.command("list")
@user_errors
@workspace
def runs_list(settings: Settings, as_json: JsonOption = False):
    """List the recorded runs, oldest first."""
    runs = api.list_runs(settings)
    if as_json:
        return print_json([r.model_dump() for r in runs])

    for r in runs:
        took = f"{r.ms / 1000:.2f}s" if r.traced else "-"
        console.print(
            f"{escape(r.run_id)}  [dim]{escape(r.started[:19])} {took:>6}[/dim]  {r.outcome or '-':9}  "
            f"{escape(r.task[:60])}  [dim]{' → '.join(r.route)}[/dim]",
            highlight=False,
        )
    console.print(f"{len(runs)} run(s)")


@exercises_app.callback(invoke_without_command=True)
def exercises_list(ctx: typer.Context):
    """List the exercises: the file to edit, what to do, the concept it trains."""
    if ctx.invoked_subcommand:
        return
    from casework.exercises import EXERCISES

    for e in EXERCISES:
        console.print(f"[bold]{e.number}[/bold]. {e.title}  [dim]exercises/{e.file} · {e.concept}[/dim]")
    console.print("Copy one to edit with `casework exercises start N` (a checkout has them in exercises/),")
    console.print("then: casework exercises check N")


@exercises_app.command("start")
@user_errors
@workspace
def exercises_start(
    settings: Settings,
    number: Annotated[int, typer.Argument(help="The exercise's number (see `casework exercises`).")],
):
    """Copy an exercise's starter file into the home (<home>/exercises/), to edit and check."""
    from casework.exercises import start

    path = start(number, settings)
    console.print(f"{escape(str(path))}: edit it, then `casework exercises check {number}`", highlight=False)


@exercises_app.command("check")
@user_errors
@workspace
def exercises_check(
    settings: Settings,
    number: Annotated[int, typer.Argument(help="The exercise's number (see `casework exercises`).")],
    file: Annotated[
        Path | None,
        typer.Option(help="Your solution (default: exercises/<its file> here, else the home's copy)."),
    ] = None,
):
    """Run your solution on the real flow and corpus: pass, or fail with a hint at the concept."""
    from casework.exercises import check

    result = check(number, file, settings)
    if result.passed:
        return console.print(f"[green]pass[/green] {number}: {escape(result.message)}", highlight=False)
    console.print(f"[red]fail[/red] {number}: {escape(result.message)}", highlight=False)
    console.print(f"[dim]hint: {escape(result.hint)}[/dim]", highlight=False)
    raise typer.Exit(1)


@corpus_app.command("list")
@user_errors
@workspace
def corpus_list(settings: Settings, as_json: JsonOption = False):
    """List the posts of the corpus."""
    posts = api.list_posts(settings)
    if as_json:
        return print_json([post.model_dump(exclude={"text"}) for post in posts])
    for post in posts:
        about = f"{escape(post.author or '')} {escape(post.date or '')} {len(post.text)} chars"
        console.print(
            f"{escape(post.id)}  [bold]{escape(post.title)}[/bold]  [dim]{about}[/dim]", highlight=False
        )
    console.print(f"{len(posts)} posts")


@corpus_app.command("split")
@user_errors
def corpus_split(
    raw: Annotated[Path, typer.Argument(help="Folder of raw .txt dumps.")] = Path("corpus/raw"),
    out: Annotated[Path, typer.Option(help="Folder for the Markdown posts.")] = Path("corpus/posts"),
):
    """Split raw blog dumps into one Markdown post per file, with front matter."""
    posts = api.split_corpus(raw, out)
    console.print(f"{len(posts)} posts written to {escape(str(out))}")


def main() -> None:
    """The `casework` console script: the app, its imported modules kept out of garbage collection."""
    # The imported modules live until exit. Frozen, the collector does not walk them again in every
    # full collection, nor once more at exit (most of the half second the interpreter took to end).
    # What a run makes (Chroma's client, the checkpointer) is collected as before while it runs.
    gc.freeze()
    warnings.formatwarning = lambda message, *_args, **_kwargs: f"warning: {message}\n"  # one line, no source
    try:
        app()
    finally:  # so is what the command made (the library, Chroma's client): the exit need not walk it either
        gc.freeze()


if __name__ == "__main__":
    main()
