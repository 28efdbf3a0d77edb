"""The README's figures are bench/results.md's: `python -m bench readme` writes them, this checks them."""

from __future__ import annotations

import re

import pytest

from bench import readme
from bench.__main__ import main as bench_main

README = readme.README.read_text(encoding="utf-8")
RESULTS = readme.RESULTS.read_text(encoding="utf-8")


def outside_blocks(text: str) -> str:
    return readme.BLOCK.sub(lambda m: m.group(1) + m.group(4), text)


def test_the_readme_shows_the_figures_of_bench_results():
    assert readme.render(README, RESULTS) == README, "the README's figures drifted: python -m bench readme"
    assert bench_main(["readme", "--check"]) == 0


def test_every_block_is_filled_and_the_main_figures_are_there():
    blocks = {m["name"]: m["body"] for m in readme.BLOCK.finditer(README)}
    assert set(blocks) == set(readme.BLOCKS)
    median = re.search(r"fresh process: .*?median of \d+ pairs[^;]*; job ([\d.]+) s", RESULTS).group(1)
    assert blocks["main-job"] == f"{median} s"
    assert f"; job {median} s" in blocks["table"]
    recall = re.search(r"\| retrieval \| [^|]*?test\.all\.recall@5 ([\d.]+)", RESULTS).group(1)
    assert f"test.all.recall@5 {recall}" in blocks["table"]


def test_a_changed_result_changes_only_the_readme_blocks(tmp_path):
    median = re.search(r"fresh process: .*?median of \d+ pairs[^;]*; job ([\d.]+) s", RESULTS).group(1)
    recall = re.search(r"test\.all\.recall@5 [\d.]+", RESULTS).group(0)
    changed = RESULTS.replace(f"; job {median} s", "; job 9.87 s", 1).replace(
        recall, "test.all.recall@5 0.111"
    )
    assert changed != RESULTS
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "results.md").write_text(changed, encoding="utf-8")
    paths = ["--readme", str(tmp_path / "README.md"), "--results", str(tmp_path / "results.md")]

    assert bench_main(["readme", "--check", *paths]) == 1  # the check fails, and writes nothing
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == README
    assert bench_main(["readme", *paths]) == 0
    rewritten = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "take a median <!-- bench:main-job -->9.87 s<!--" in rewritten
    assert "; job 9.87 s" in rewritten and "test.all.recall@5 0.111" in rewritten
    assert outside_blocks(rewritten) == outside_blocks(README)
    assert bench_main(["readme", "--check", *paths]) == 0


@pytest.mark.parametrize(
    ("results", "names"),
    [
        (re.sub(r"## Speed.*?(?=\n## )", "", RESULTS, flags=re.S), "'## Speed'"),
        (re.sub(r"^- main job.*$", "", RESULTS, flags=re.M), "'main job, fresh process'"),
    ],
)
def test_results_without_a_figure_the_readme_shows_are_an_error_that_names_it(results, names):
    with pytest.raises(readme.ResultsError, match=names):
        readme.render(README, results)


def test_an_unknown_or_unclosed_block_is_an_error():
    with pytest.raises(readme.ResultsError, match="bench:speed"):
        readme.render("<!-- bench:speed --><!-- /bench:speed -->", RESULTS)
    with pytest.raises(readme.ResultsError, match="end marker"):
        readme.render("<!-- bench:table -->", RESULTS)
