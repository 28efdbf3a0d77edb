"""`casework mcp` driven by the official MCP client (mcp.client.stdio + ClientSession), as clients run it.

Each test starts the server as a subprocess over stdio (the SDK's client starts it and stops it) on
a small corpus of its own, and compares what the tools return with what the Python API returns for
the same input. Any line on the server's stdout that is not protocol reaches the client's message
handler as an exception, and fails the test.
"""

from __future__ import annotations

import json
import sys
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.config import Settings
from casework.engine.posts import post_markdown, read_post_file
from casework.workspace import ingest

from samples import main_job_corpus

CASEWORK = Path(sys.executable).with_name("casework")
AGILE_TITLES = {"애자일(Agile) : 성공하는 프로젝트들의 비결", "애자일(Agile) : 우리가 실패하는 이유"}
KOREAN_CLAIM = "애자일 선언문은 1995년에 발표되었다"
ENGLISH_CLAIM = "In one line, the author's agile coach defines agile as splitting work into short cycles."
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Settings:
    """The agile posts and the four shortest, ingested once (the servers only read the store)."""
    corpus = main_job_corpus(tmp_path_factory.mktemp("mcp-corpus"))
    settings = Settings(home=tmp_path_factory.mktemp("mcp-home"), corpus=corpus)
    ingest(settings)
    return settings


@asynccontextmanager
async def casework_mcp(settings: Settings, log: Path):
    """A session with a fresh `casework mcp`; fails if the server wrote anything but protocol to stdout."""
    stray: list[Exception] = []

    async def hear(message):
        if isinstance(message, Exception):
            stray.append(message)

    server = StdioServerParameters(
        command=str(CASEWORK),
        args=["mcp", "--corpus", str(settings.corpus)],
        env={"CASEWORK_HOME": str(settings.home)},
    )
    with log.open("w") as errlog:
        async with stdio_client(server, errlog=errlog) as (read, write):
            async with ClientSession(read, write, message_handler=hear) as client:
                await client.initialize()
                yield client
    assert not stray, f"non-protocol output on the server's stdout: {stray}"


def without_run_id(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "run_id"}


async def test_tools_check_korean_and_english_claims_run_the_main_job_and_show_its_trace(workspace, tmp_path):
    async with casework_mcp(workspace, tmp_path / "mcp.log") as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert set(tools) == {"search", "summarize", "check", "cite", "run"}
        for tool in tools.values():
            assert "Offline by default" in tool.description
            assert "run_id" in tool.output_schema["properties"]
        assert tools["check"].input_schema["required"] == ["claim"]

        checked = {}
        for claim in (KOREAN_CLAIM, ENGLISH_CLAIM):
            result = await client.call_tool("check", {"claim": claim})
            assert not result.is_error, result.content
            checked[claim] = result.structured_content
        ran = await client.call_tool("run", {"task": "summarize the agile posts"})
        assert not ran.is_error, ran.content
        report = ran.structured_content
        narrative = await client.read_resource(f"trace://{report['run_id']}")
        raw = await client.read_resource(f"trace://{report['run_id']}/json")

    for claim, result in checked.items():  # the same as the Python API, run id aside
        assert without_run_id(result) == without_run_id(
            api.claim_verdict(api.check(claim, workspace)).model_dump()
        )
        assert {e["title"] for e in result["evidence"]} & AGILE_TITLES
        assert api.trace(result["run_id"], workspace).task == f"fact-check: {claim}"
    assert checked[KOREAN_CLAIM]["verdict"] == "REFUTED"  # the post says 2001

    terminal = api.run("summarize the agile posts", workspace)
    assert (
        report["route"]
        == terminal.route
        == [
            "case_worker",
            "summarizer",
            "fact_checker",
            "citation_finder",
            "case_worker",
        ]
    )
    assert [s["sentence"] for s in report["summary"]] == [s.sentence for s in terminal.summary]
    assert report["summary"] and all(s["citations"] for s in report["summary"])
    text = narrative.contents[0]
    assert text.mime_type == "text/markdown" and report["run_id"] in text.text and "summarizer" in text.text
    trace = json.loads(raw.contents[0].text)
    assert trace["run_id"] == report["run_id"] and trace["route"] == report["route"]
    assert any(event["kind"] == "skill" for event in trace["events"])


async def test_a_bad_call_is_one_line_and_the_next_call_is_served(workspace, tmp_path):
    async with casework_mcp(workspace, tmp_path / "mcp.log") as client:
        errors = [
            await client.call_tool("check", {"claim": "   "}),
            await client.call_tool("cite", {"text": "가" * 2_000_000}),
            await client.call_tool("search", {"query": "agile", "k": "many"}),
        ]
        with pytest.raises(MCPError) as unknown:
            await client.read_resource("trace://no-such-run")
        good = await client.call_tool("search", {"query": "애자일 실패 이유", "k": 3})

    messages = [error.content[0].text for error in errors]
    assert all(error.is_error and len(error.content) == 1 for error in errors)
    assert all("\n" not in message for message in messages), messages
    assert "the claim is empty" in messages[0]
    assert "too long (2,000,000 characters" in messages[1]
    assert "k" in messages[2] and "integer" in messages[2]
    assert "no run with id 'no-such-run'" in str(unknown.value) and "\n" not in str(unknown.value)
    assert not good.is_error and good.structured_content["run_id"] is None
    hits = good.structured_content["hits"]
    assert hits == [hit.model_dump() for hit in api.search("애자일 실패 이유", 3, workspace)]


async def test_resources_list_the_corpus_and_give_each_post_as_markdown(workspace, tmp_path):
    async with casework_mcp(workspace, tmp_path / "mcp.log") as client:
        templates = {t.uri_template for t in (await client.list_resource_templates()).resource_templates}
        listed = json.loads((await client.read_resource("corpus://posts")).contents[0].text)
        first = await client.read_resource(f"post://{listed[0]['id']}")
        with pytest.raises(MCPError, match="no post"):
            await client.read_resource("post://not-a-post")

    assert {"post://{post_id}", "trace://{run}", "trace://{run}/json"} <= templates
    posts = api.list_posts(workspace)
    assert [p["id"] for p in listed] == [p.id for p in posts] and "text" not in listed[0]
    path = next(path for path in workspace.corpus.glob("*.md") if read_post_file(path).id == listed[0]["id"])
    assert first.contents[0].text == post_markdown(read_post_file(path))


async def test_concurrent_calls_give_what_calls_one_by_one_give(workspace, tmp_path):
    calls = [
        ("check", {"claim": KOREAN_CLAIM}),
        ("cite", {"text": "애자일의 본질은 자율과 방향성이다."}),
        ("search", {"query": "agile retrospectives", "k": 4}),
        ("summarize", {"topic": "애자일"}),
        ("check", {"claim": ENGLISH_CLAIM}),
    ]
    async with casework_mcp(workspace, tmp_path / "mcp.log") as client:
        alone = [(await client.call_tool(name, args)).structured_content for name, args in calls]
        together = [None] * len(calls)

        async def call(i, name, args):
            together[i] = (await client.call_tool(name, args)).structured_content

        async with anyio.create_task_group() as group:
            for i, (name, args) in enumerate(calls):
                group.start_soon(call, i, name, args)

    assert all(result is not None for result in together)
    assert [without_run_id(r) for r in together] == [without_run_id(r) for r in alone]
    assert len({r["run_id"] for r in together if r["run_id"]}) == 4  # four cases, four runs


def test_mcp_help_says_what_it_serves():
    result = CliRunner().invoke(app, ["mcp", "--help"])
    assert result.exit_code == 0 and "MCP" in result.output
