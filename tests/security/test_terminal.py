"""Titles, authors and run ids reach the terminal as text, never as rich markup (issue 15, item 7).

Before: a title holding `[/nope]` crashed `corpus list` and `search` for the whole corpus, and an
author field became a clickable link. The console is forced to be a colour terminal here, so any
markup or escape sequence that got through would show.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from typer.testing import CliRunner

from casework import cli
from casework.cli import app

runner = CliRunner()
TITLE = "애자일 [/nope] [bold red]BIG[/bold red]"
AUTHOR = "[link=https://evil.example]Trusted Author[/link]"


@pytest.fixture
def terminal(monkeypatch) -> io.StringIO:
    """The CLI's console, writing to a colour terminal we can read."""
    screen = io.StringIO()
    monkeypatch.setattr(
        cli, "console", Console(file=screen, force_terminal=True, color_system="truecolor", width=400)
    )
    return screen


@pytest.fixture
def hostile(corpus):
    (corpus / "hostile.md").write_text(
        f'---\ntitle: "{TITLE}"\nauthor: "{AUTHOR}"\n---\n\n'
        "애자일 방법론은 협업을 중시한다. 애자일은 반복한다.\n",
        encoding="utf-8",
    )
    return corpus


def test_corpus_list_prints_markup_in_titles_and_authors_as_text(hostile, terminal):
    result = runner.invoke(app, ["corpus", "list", "--corpus", str(hostile)])
    assert result.exit_code == 0, (result.output, result.exception)
    shown = terminal.getvalue()
    assert "[/nope]" in shown and "[bold red]BIG[/bold red]" in shown and AUTHOR in shown
    assert "\x1b]8;" not in shown  # no OSC 8 hyperlink


def test_search_prints_markup_in_titles_as_text(hostile, terminal, tmp_path):
    result = runner.invoke(
        app, ["search", "애자일 방법론", "--corpus", str(hostile), "--home", str(tmp_path / "h")]
    )
    assert result.exit_code == 0, (result.output, result.exception)
    assert "[/nope]" in terminal.getvalue()
