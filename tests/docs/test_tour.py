"""The guided tours run as written: every `$` command of both tours, the quoted outputs checked loosely.

A tour shows commands in ```console blocks: a line `$ COMMAND` (optionally ending `# exit N`), then
lines of what the output shows. Each output line is checked loosely: split at "…", every piece must
appear in what the command printed (whitespace collapsed). Both tours run the same commands in the
same order, so the commands run once and both tours' quoted outputs are checked against them. The
post the tours quote is checked too: every “quoted” sentence of a `>` line is in it, word for word.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOURS = {"en": ROOT / "docs" / "tour.md", "ko": ROOT / "docs" / "tour.ko.md"}
POST = ROOT / "corpus" / "posts" / "ai-에이전트의-협업과-오케스트레이션-332f81.md"


def blocks(path: Path) -> list[tuple[str, int, list[str]]]:
    """(command, expected exit code, quoted output lines) of every `$` line, in order."""
    out, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = line.strip() == "```console"
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            code = re.search(r"#\s*exit (\d+)\s*$", line)
            out.append((line[2:].split("  #")[0].strip(), int(code.group(1)) if code else 0, []))
        elif line.strip() and out:
            out[-1][2].append(line.strip())
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def outputs(settings, tmp_path_factory):
    """Each command of the English tour, run in a scratch folder with a home of its own."""
    here = tmp_path_factory.mktemp("tour")
    home = here / "home"
    shutil.copytree(settings.home, home, ignore=shutil.ignore_patterns("traces", "runs.sqlite*"))
    for folder in ("examples", "exercises", "bench"):
        (here / folder).symlink_to(ROOT / folder)
    env = {
        **os.environ,
        "CASEWORK_HOME": str(home),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "COLUMNS": "250",
        "PYTHONPATH": str(here),
    }
    results = []
    for command, code, _ in blocks(TOURS["en"]):
        done = subprocess.run(
            ["bash", "-c", command], cwd=here, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == code, f"`{command}` exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        results.append(flat(done.stdout + "\n" + done.stderr))
    return results


def test_both_tours_have_the_same_commands_in_the_same_order():
    english, korean = ([c for c, _, _ in blocks(path)] for path in TOURS.values())
    assert len(english) >= 12 and english == korean


@pytest.mark.parametrize("lang", TOURS)
def test_every_quoted_output_shows_up(lang, outputs):
    for (command, _, quoted), printed in zip(blocks(TOURS[lang]), outputs, strict=True):
        for line in quoted:
            for piece in (flat(p) for p in line.split("…")):
                assert piece in printed, (
                    f"{TOURS[lang].name}: `{command}` did not print {piece!r}:\n{printed}"
                )


@pytest.mark.parametrize("lang", TOURS)
def test_the_post_is_quoted_word_for_word(lang):
    post = flat(POST.read_text(encoding="utf-8"))
    text = TOURS[lang].read_text(encoding="utf-8")
    quotes = [q for line in text.splitlines() if line.startswith(">") for q in re.findall(r"“([^”]+)”", line)]
    assert len(quotes) >= 4
    for quote in quotes:
        assert flat(quote) in post, quote
    assert POST.name.removesuffix(".md") in text  # the citation names the post


def test_the_korean_readme_has_the_two_set_up_commands():
    def setup(path: Path) -> list[str]:
        return [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("python3 -m venv")
        ]

    english = setup(ROOT / "README.md")
    assert len(english) == 2 and setup(ROOT / "README.ko.md") == english
