"""The README's figures, written from bench/results.md, so none is typed by hand.

    python -m bench readme [--check] [--readme PATH] [--results PATH]

The README holds figures only between markers, `<!-- bench:NAME -->` ... `<!-- /bench:NAME -->`
(a whole table, or one figure inside a sentence); this command fills every block from
bench/results.md, which `python -m bench all` writes, and leaves the rest of the README alone.
`--check` writes nothing and exits 1 when the README and the results disagree (a test runs it).

Not handled: a figure that results.md does not record (run the bench through `bench all` first),
a block name this module does not know, or results.md reshaped so that a line it reads is gone:
each is an error that names what is missing, never a silent blank.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results.md"

BLOCK = re.compile(r"(<!-- bench:(?P<name>[\w-]+) -->)(?P<body>.*?)(<!-- /bench:(?P=name) -->)", re.S)

# What each quality bench measures, the target it is held to (goals, not measurements) and which of
# its figures the README shows (a pattern on the figure's name; all of them when none matches).
QUALITY = {
    "retrieval": ("retrieval (post level)", "test: R@5 ≥ 0.95, MRR ≥ 0.85", ""),
    "topics": ("topic selection", "F1 ≥ 0.9", ""),
    "claims": (
        "fact-checking",
        "test: macro-F1 ≥ 0.85, en ≥ 0.80, REFUTED F1 ≥ 0.80",
        r"macro_f1|refuted_f1",
    ),
    "citations": (
        "citations",
        "test: P ≥ 0.95, R ≥ 0.90, abstention 1.0",
        r"^(dev|test)\.all\.(precision|recall|abstention)$",
    ),
    "summaries": (
        "summaries (key-point coverage at ≤ 5 sentences a post, ≤ 12 in all; lead-3 and random beside)",
        "test ≥ 0.75",
        "",
    ),
    "docs": (
        "docs folder (Markdown pages, en + ko; topic F1 dev/test beside BM25 top-1)",
        "test F1 ≥ 0.85, Markdown left ≤ 5%, every file",
        r"micro_f1|share",
    ),
    "questions": (
        "questions (answer in top 3, no post outside gold; search baseline beside)",
        "test ≥ 0.8, ≥ 0.8",
        "",
    ),
}
# Speed lines of results.md: README label, the pattern that takes the figure from the line, target.
SPEED = {
    "main job, fresh process": (
        r"^- main job .*fresh process: (.+)$",
        "≤ 1.5× the bare import of its dependencies",
    ),
    "in-process hybrid query": (r"^- in-process hybrid query: (.+)$", "≤ 50 ms"),
    "ingest": (r"^- ingest (from scratch .+)$", "≤ 30 s / ≤ 3 s unchanged"),
}


class ResultsError(ValueError):
    """bench/results.md lacks what the README shows, or the README lacks a block's end marker."""


def sections(results: str) -> dict[str, str]:
    """results.md's `## ` sections by title (the text before the first one under "")."""
    parts = re.split(r"^## (.+)$", results, flags=re.M)
    found = {"": parts[0]}
    for title, body in zip(parts[1::2], parts[2::2]):
        found[title.strip()] = body.strip("\n")
    return found


def section(results: str, prefix: str) -> str:
    """The body of the first section whose title starts with `prefix`."""
    for title, body in sections(results).items():
        if title and title.startswith(prefix):
            return body
    raise ResultsError(f"bench/results.md has no '## {prefix}' section; run `python -m bench all`")


def quality_rows(results: str) -> dict[str, str]:
    """The Quality table: bench name -> its figures as results.md prints them."""
    rows = {}
    for line in section(results, "Quality").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] not in {"bench", ""} and not set(cells[0]) <= {"-"}:
            rows[cells[0]] = cells[1]
    return rows


def speed_figure(results: str, label: str) -> str:
    """One figure of the Speed section, as results.md words it."""
    pattern, _target = SPEED[label]
    found = re.search(pattern, section(results, "Speed"), flags=re.M)
    if not found:
        raise ResultsError(f"bench/results.md's Speed section has no line for {label!r} ({pattern})")
    return found.group(1).strip()


def shown(figures: str, wanted: str) -> str:
    """The figures (`name value, name value`) whose name matches `wanted`; all when none does.

    A name is shown once, with its first figure: a results line written before bench all kept the
    baseline's level in names lists the bench's own figures first and an unlabelled baseline after.
    """
    kept: dict[str, str] = {}
    for figure in figures.split(", "):
        name = figure.split(" ")[0]
        if wanted and re.search(wanted, name):
            kept.setdefault(name, figure)
    return ", ".join(kept.values()) or figures


def stamp(results: str) -> str:
    """Which command wrote the results, when and where: results.md's first line under the title."""
    lines = [line for line in sections(results)[""].splitlines() if line and not line.startswith("#")]
    if not lines:
        raise ResultsError("bench/results.md does not say which command wrote it, nor when")
    return lines[0]


def table(results: str) -> str:
    """The quality benches (the side by side has its own block) and the speed lines, with targets."""
    lines = [stamp(results), "", "| bench | figures in bench/results.md | target |", "| --- | --- | --- |"]
    for name, figures in quality_rows(results).items():
        if name != "baseline":
            label, target, wanted = QUALITY.get(name, (name, "", ""))
            lines.append(f"| {label} | {shown(figures, wanted)} | {target} |")
    for label, (_pattern, target) in SPEED.items():
        lines.append(f"| {label} | {speed_figure(results, label)} | {target} |")
    return "\n" + "\n".join(lines) + "\n\n"


def side_by_side(results: str) -> str:
    """The LangChain + MiniLM comparison as results.md has it: its table and what its times count."""
    try:
        body = section(results, "Side by side")
    except ResultsError:
        body = "bench/results.md has no side-by-side run (it was written without the `bench` extra)."
    return "\n" + body + "\n\n"


def main_job(results: str) -> str:
    """The main job's median wall time (of the pairs run beside the bare import), for a sentence."""
    figure = speed_figure(results, "main job, fresh process")
    median = re.search(r"median of \d+ pairs[^;]*; job ([\d.]+ s)", figure)
    if not median:
        raise ResultsError(f"the main job's line in bench/results.md has no median: {figure!r}")
    return median.group(1)


BLOCKS: dict[str, Callable[[str], str]] = {
    "table": table,
    "side-by-side": side_by_side,
    "main-job": main_job,
}


def render(readme: str, results: str) -> str:
    """The README with every bench block filled from the results; the text outside blocks unchanged."""
    if readme.count("<!-- bench:") != readme.count("<!-- /bench:"):
        raise ResultsError(
            "the README has a `<!-- bench:NAME -->` marker without its end marker, or the reverse"
        )

    def fill(match: re.Match) -> str:
        name = match["name"]
        if name not in BLOCKS:
            raise ResultsError(f"the README has a block bench:{name}; known blocks: {', '.join(BLOCKS)}")
        return match.group(1) + BLOCKS[name](results) + match.group(4)

    return BLOCK.sub(fill, readme)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench readme", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when the README disagrees; write nothing"
    )
    parser.add_argument("--readme", type=Path, default=README)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    try:
        readme = args.readme.read_text(encoding="utf-8")
        wanted = render(readme, args.results.read_text(encoding="utf-8"))
    except (ResultsError, OSError) as error:
        print(f"bench readme: {error}", file=sys.stderr)
        return 1
    if wanted == readme:
        print(f"{args.readme.name}: figures match {args.results.name}", file=sys.stderr)
        return 0
    if args.check:
        print(
            f"{args.readme.name}'s figures differ from {args.results.name}: run `python -m bench readme`",
            file=sys.stderr,
        )
        return 1
    args.readme.write_text(wanted, encoding="utf-8")
    print(f"wrote {args.readme.name}'s figures from {args.results.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
