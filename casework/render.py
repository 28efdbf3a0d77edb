"""How a report reads in the terminal: summary or answer with numbered sources (a page's section named),
verdicts, route.

A quoted sentence is shown as a quote with its post; what the fact-checker found in the *other*
posts stands beside it (= corroborated, ≠ contradicted, · only in its source), never a "✓ supported"
that only its own post could give. Sentences a model wrote carry their verdict against the corpus.
A summary of several posts is grouped under their titles; an answer is ranked, most relevant first.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from casework.engine.markdown import place
from casework.report import Report
from casework.skills.numbering import SourceNumbers

COLORS = {"SUPPORTED": "green", "REFUTED": "red", "NOT_ENOUGH_INFO": "yellow"}
VERDICT_SYMBOLS = {
    "SUPPORTED": "[green]✓[/green]",
    "REFUTED": "[red]✗[/red]",
    "NOT_ENOUGH_INFO": "[yellow]?[/yellow]",
}
FINDING_SYMBOLS = {"corroborated": "[green]=[/green]", "contradicted": "[red]≠[/red]", "only_in_source": "·"}


def print_report(report: Report, console: Console) -> None:
    """Print a report for a person."""
    sources = SourceNumbers()

    def mark(refs) -> str:
        places = [place(r.title, r.section) for r in refs]
        return sources.marks((p, p) for p in places) or " [dim](no source)[/dim]"

    if report.posts:
        console.print(
            f"[bold]Posts[/bold] ({len(report.posts)}): "
            + "; ".join(escape(p["title"]) for p in report.posts)
        )
    if report.summary:
        print_sentences(report, console, sources.number, mark)
    elif report.citations:
        console.print("[bold]Sources[/bold]")
        for s in report.citations:
            console.print(f"  • {escape(s.sentence)}{mark(s.citations)}")
    if report.verdicts and not report.summary:
        console.print("[bold]Verdicts[/bold]")
        for v in report.verdicts:
            color = COLORS.get(v.verdict, "white")
            console.print(f"  [{color}]{v.verdict}[/{color}] {v.confidence:.2f}  {escape(v.statement)}")
            console.print(f"    [dim]{escape(v.reason)}[/dim]")
            for e in v.evidence[:1]:
                console.print(f"    [dim]evidence: {escape(e.title)}: {escape(e.sentence[:160])}[/dim]")
    if sources.sources:
        console.print("[bold]References[/bold]")
        for reference in sources.references():
            console.print(f"  {escape(reference)}")
    for note in report.notes:
        console.print(f"[yellow]{escape(note)}[/yellow]")
    console.print(
        f"[dim]route: {' → '.join(report.route)}  ·  run {report.run_id}  ·  {report.outcome}[/dim]"
    )


def print_sentences(report: Report, console: Console, number, mark) -> None:
    """The summary grouped by post (or the answer, ranked), quotes as quotes with what other posts say."""
    checks = {c.statement: c for c in report.checks}
    verdicts = {v.statement: v.verdict for v in report.verdicts}
    quoted = all(s.quoted for s in report.summary)
    posts = len({s.source.title for s in report.summary if s.source})
    if report.kind == "ask":
        console.print("[bold]Answer[/bold]  [dim](the sentences that answer, most relevant first)[/dim]")
    elif quoted:
        console.print(
            f"[bold]Summary[/bold]  [dim]({len(report.summary)} sentences quoted from {posts} post(s); "
            "checked against the other posts: = corroborated, ≠ contradicted, · only in its source)[/dim]"
        )
    else:
        console.print(
            "[bold]Summary[/bold]  "
            "[dim](written from the posts: ✓ supported, ✗ refuted, ? not enough info)[/dim]"
        )
    title = None
    for rank, s in enumerate(report.summary, 1):
        if report.kind != "ask" and s.source and s.source.title != title:
            title = s.source.title
            console.print(f"  [bold]{escape(title)}[/bold] [{number(title)}]")
        if not s.quoted:
            symbol = VERDICT_SYMBOLS.get(verdicts.get(s.sentence, ""), "•")
            console.print(f"    {symbol} {escape(s.sentence)}{mark(s.citations)}")
            continue
        check = checks.get(s.sentence)
        lead = (
            f"{rank}." if report.kind == "ask" else FINDING_SYMBOLS.get(check.finding if check else "", "·")
        )
        source = f" [{number(s.source.title)}]" if report.kind == "ask" and s.source else ""
        console.print(f"    {lead} “{escape(s.sentence)}”{source}")
        if check and check.evidence:
            other = check.evidence[0]
            says = "says so too" if check.finding == "corroborated" else "says otherwise"
            console.print(
                f"      [dim][{number(other.title)}] {says}: “{escape(other.sentence[:140])}”[/dim]"
            )
