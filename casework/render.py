"""How a report reads in the terminal: summary with numbered citations (a page's section named), verdicts,
sources, route."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from casework.engine.markdown import place
from casework.report import Report

COLORS = {"SUPPORTED": "green", "REFUTED": "red", "NOT_ENOUGH_INFO": "yellow"}


def print_report(report: Report, console: Console) -> None:
    """Print a report for a person."""
    numbers: dict[str, int] = {}

    def mark(refs) -> str:
        # two quotes from one place are one reference: "[1]", not "[1] [1]"
        cited = dict.fromkeys(numbers.setdefault(place(r.title, r.section), len(numbers) + 1) for r in refs)
        return "".join(f" [{n}]" for n in cited) or " [dim](no source)[/dim]"

    if report.posts:
        console.print(
            f"[bold]Posts[/bold] ({len(report.posts)}): "
            + "; ".join(escape(p["title"]) for p in report.posts)
        )
    checked = {v.statement: v.verdict for v in report.verdicts}
    if report.summary:
        console.print("[bold]Summary[/bold]  [dim](✓ supported, ✗ refuted, ? not enough info)[/dim]")
        for s in report.summary:
            label = checked.get(s.sentence, "")
            symbol = {
                "SUPPORTED": "[green]✓[/green]",
                "REFUTED": "[red]✗[/red]",
                "NOT_ENOUGH_INFO": "[yellow]?[/yellow]",
            }.get(label, "•")
            console.print(f"  {symbol} {escape(s.sentence)}{mark(s.citations)}")
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
    if numbers:
        console.print("[bold]References[/bold]")
        for title, number in numbers.items():
            console.print(f"  [{number}] {escape(title)}")
    for note in report.notes:
        console.print(f"[yellow]{escape(note)}[/yellow]")
    console.print(
        f"[dim]route: {' → '.join(report.route)}  ·  run {report.run_id}  ·  {report.outcome}[/dim]"
    )
