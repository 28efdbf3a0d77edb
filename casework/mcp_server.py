"""`casework mcp`: the specialists as MCP tools over stdio, on the official SDK (`mcp.server.mcpserver`).

Tools: search, summarize, check, cite and run, with typed inputs and results in the CLI's JSON
schemas (README, "JSON output"; a list comes wrapped in an object, as MCP wants), each with the run
id whose trace `trace://RUN` shows. Resources: the corpus list (`corpus://posts`), each post's
Markdown (`post://ID`), each recorded trace (`trace://RUN` as Markdown, `trace://RUN/json` as JSON).

The library (corpus, Chroma store, BM25) is opened once, in the background as the server starts,
and kept. The SDK runs each tool call in a worker thread; cases run one at a time behind a lock,
since the engine's caches were not written for threads, while the server keeps answering other
requests. A UserError (an empty claim, an unknown run, a text over the limit) comes back as an
MCP error with its one line and the server goes on. Only protocol goes to stdout: while it serves,
the SDK points file descriptor 1 at stderr (a stray print cannot corrupt the stream), and logs go
to stderr.
Not handled: a person's review (`--human`) over MCP, and transports other than stdio.
"""

from __future__ import annotations

import json
import logging
import threading
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp_types import CallToolResult, TextContent
from pydantic import BaseModel, Field

from casework import api
from casework.config import Settings
from casework.engine.errors import UserError
from casework.engine.posts import post_markdown
from casework.engine.retrieval import Hit
from casework.report import CheckReport, Report, ReportSentence

OFFLINE = (
    "Offline by default: classical NLP and retrieval over the local corpus, no model, no network "
    "(a chat model only when the server's CASEWORK_LLM names one)."
)
log = logging.getLogger("casework.mcp")
Text = Annotated[str, Field(description="Korean or English.")]


class SearchResult(BaseModel):
    """`search --json`, wrapped: the passages, best first."""

    run_id: None = Field(default=None, description="Always null: a search runs no case, so it has no trace.")
    hits: list[Hit]


class CiteResult(BaseModel):
    """`cite --json`, wrapped: each sentence with its sources (none: the finder abstained)."""

    run_id: str
    citations: list[ReportSentence]


class Workspace:
    """The server's one workspace: its settings, the flow, and the agents' context, opened once."""

    def __init__(self, settings: Settings):
        self.settings, self.flow = settings, api.default_flow()
        self._context, self._opening, self._busy = None, threading.Lock(), threading.Lock()

    def context(self):
        """The agents' context (the library the skills read, the plans), opened on first use and kept."""
        with self._opening:
            if self._context is None:
                self._context = api.build_context(self.settings, self.flow)
            return self._context

    def warm(self) -> None:
        """Open the library now (in the background), so the first call does not wait for it."""
        try:
            self.context()
        except UserError as error:  # said again, as a tool error, by the call that needs the store
            log.warning("could not open the store: %s", error)

    def call(self, work):
        """Do one piece of engine work, one at a time; a UserError becomes a tool error of one line."""
        try:
            self.context()
            with self._busy:
                return work()
        except UserError as error:
            raise ToolError(str(error).strip().splitlines()[0]) from None

    def case(self, ask, text: str) -> Report:
        """Run one case (api.summarize, check, cite or run) on the warm context."""
        return self.call(lambda: ask(text, self.settings, flow=self.flow, context=self.context()))


async def one_line_errors(ctx, call_next):
    """Middleware: a tool call's error reads as one line (the SDK's argument checks span several)."""
    result = await call_next(ctx)  # the result as it goes on the wire
    if ctx.method != "tools/call" or not isinstance(result, dict) or not result.get("isError"):
        return result
    failed = CallToolResult.model_validate(result)
    lines = [
        line.strip() for c in failed.content if isinstance(c, TextContent) for line in c.text.splitlines()
    ]
    text = " ".join(line for line in lines if line and not line.startswith("For further information"))
    one = failed.model_copy(update={"content": [TextContent(type="text", text=text)]})
    return one.model_dump(by_alias=True, mode="json", exclude_none=True)


def build(settings: Settings) -> MCPServer:
    """The MCP server over one workspace: its tools and resources."""
    workspace = Workspace(settings)

    @asynccontextmanager
    async def lifespan(_server):
        threading.Thread(target=workspace.warm, name="casework-warm", daemon=True).start()
        yield workspace

    server = MCPServer(
        "casework",
        instructions="A case worker and specialist agents (summarizer, fact-checker, citation finder) "
        "over a Korean blog corpus; Korean or English input. " + OFFLINE,
        lifespan=lifespan,
        middleware=[one_line_errors],
    )

    @server.tool(
        description="Find the passages of the corpus that answer a query: BM25 over morphemes and "
        "dense search in the Chroma store, fused by reciprocal rank (or one of them, by `mode`). " + OFFLINE
    )
    def search(
        query: Text,
        k: Annotated[int, Field(description="How many passages.")] = 5,
        mode: Literal["hybrid", "dense", "lexical"] = "hybrid",
    ) -> SearchResult:
        return workspace.call(lambda: SearchResult(hits=api.search(query, k, workspace.settings, mode)))

    @server.tool(
        description="The summarizer, with the case worker around it: selects the posts on a topic and "
        "writes an extractive summary whose sentences keep their posts; the fact-checker then checks "
        "each sentence and the citation finder quotes its sources. Returns the run's report. " + OFFLINE
    )
    def summarize(topic: Text) -> Report:
        return workspace.case(api.summarize, topic)

    @server.tool(
        description="The fact-checker: splits a claim into statements and judges each against "
        "retrieved sentences of the corpus, SUPPORTED, REFUTED or NOT_ENOUGH_INFO (refuted if any "
        "statement is), with the evidence. " + OFFLINE
    )
    def check(claim: Text) -> CheckReport:
        return api.claim_verdict(workspace.case(api.check, claim))

    @server.tool(
        description="The citation finder: for each sentence of a text, the corpus sentences that "
        "support it, quoted; an empty list means it abstained (nothing in the corpus supports it). " + OFFLINE
    )
    def cite(text: Text) -> CiteResult:
        report = workspace.case(api.cite, text)
        return CiteResult(run_id=report.run_id, citations=report.citations)

    @server.tool(
        description="The whole flow: the case worker reads the task (summarize …, fact-check: …, find "
        "sources for: …, or a question), plans which specialists hold the case and in what order, "
        "and compiles the answer; the route says who held it. " + OFFLINE
    )
    def run(task: Annotated[str, Field(description='e.g. "summarize the agile posts".')]) -> Report:
        return workspace.case(api.run, task)

    @server.resource("corpus://posts", mime_type="application/json", description="The posts of the corpus.")
    def corpus() -> str:
        posts = resource(lambda: api.list_posts(workspace.settings))
        return json.dumps([p.model_dump(exclude={"text"}) for p in posts], ensure_ascii=False)

    @server.resource("post://{post_id}", mime_type="text/markdown", description="A post, as Markdown.")
    def post(post_id: str) -> str:
        found = {p.id: p for p in resource(lambda: api.list_posts(workspace.settings))}.get(post_id)
        if found is None:
            raise ResourceNotFoundError(f"no post {post_id!r} in the corpus (see corpus://posts)")
        return post_markdown(found)

    @server.resource(
        "trace://{run}", mime_type="text/markdown", description="A recorded run (id, prefix or 'last')."
    )
    def trace_markdown(run: str) -> str:
        return resource(lambda: api.export_trace(run, "md", workspace.settings))

    @server.resource(
        "trace://{run}/json", mime_type="application/json", description="A recorded run's trace."
    )
    def trace_json(run: str) -> str:
        return resource(lambda: api.export_trace(run, "json", workspace.settings))

    return server


def resource(read):
    """What `read` returns, or a resource error of one line for a UserError (an unknown run, say)."""
    try:
        return read()
    except UserError as error:
        raise ResourceNotFoundError(str(error).strip().splitlines()[0]) from None


def serve(settings: Settings) -> None:
    """Serve MCP on stdin and stdout until the client closes them."""
    build(settings).run("stdio")
