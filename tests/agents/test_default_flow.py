"""The built-in flow end to end on the real corpus: routes, reports and what each agent hands on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

import casework
from casework.render import print_report
from casework.report import Report
from casework.skills.summarize import MOST

AGILE = {"애자일(Agile) : 우리가 실패하는 이유", "애자일(Agile) : 성공하는 프로젝트들의 비결"}


@pytest.fixture(scope="module")
def agile(settings) -> Report:
    return casework.run("summarize the agile posts", settings)


def test_summarize_takes_the_relay_route(agile):
    assert agile.route == ["case_worker", "summarizer", "fact_checker", "citation_finder", "case_worker"]
    assert agile.outcome == "completed" and agile.kind == "summarize"


def test_summarize_selects_exactly_the_agile_posts_and_cites_every_sentence(agile):
    assert {p["title"] for p in agile.posts} == AGILE
    assert 2 <= len(agile.summary) <= MOST  # sized to the posts, at least one sentence from each
    for sentence in agile.summary:
        assert sentence.citations, sentence.sentence
        assert sentence.citations[0].title in AGILE
    assert "[1]" in agile.answer


def test_no_quote_is_shown_supported_by_the_post_it_was_copied_from(agile):
    assert agile.summary and all(s.quoted for s in agile.summary)
    assert agile.verdicts == []  # a quote is never judged against the post it was copied from
    assert [c.statement for c in agile.checks] == [s.sentence for s in agile.summary]
    for sentence, check in zip(agile.summary, agile.checks):
        assert check.source.post_id == sentence.source.post_id
        assert check.finding in {"corroborated", "contradicted", "only_in_source"}
        assert bool(check.evidence) == (check.finding != "only_in_source")
        assert all(e.post_id != check.source.post_id for e in check.evidence)  # other posts only
    console = Console(record=True, width=2000)
    print_report(agile, console)
    shown = console.export_text()
    assert "✓" not in shown and "supported" not in shown.lower()
    assert all(f"“{s.sentence}”" in shown for s in agile.summary)  # quotes shown as quotes
    for title in AGILE:  # grouped under the titles of their posts
        assert title in shown


def test_a_fact_check_goes_to_the_fact_checker_only(settings):
    report = casework.check("애자일 선언문은 2001년에 발표되었다", settings)
    assert report.route == ["case_worker", "fact_checker", "case_worker"]
    assert report.verdicts and report.verdicts[0].verdict == "SUPPORTED"
    assert any("2001" in e.sentence for e in report.verdicts[0].evidence)


def test_a_changed_year_is_refuted(settings):
    report = casework.check("애자일 선언문은 1995년에 발표되었다", settings)
    assert casework.api.claim_verdict(report).verdict == "REFUTED"


def test_find_sources_cites_and_abstains(settings):
    sourced = (
        "애자일 선언문은 2001년 당시 SW 개발에 저명한 분들이 모여 선언한 애자일 방법론의 기본 원칙입니다."
    )
    unsourced = (
        "기본소득을 받은 사람들은 대조군보다 창업 비율이 두 배 높았다."  # no post is about basic income
    )
    report = casework.cite(f"{sourced} {unsourced}", settings)
    assert report.route == ["case_worker", "citation_finder", "case_worker"]
    assert [c.sentence for c in report.citations] == [sourced, unsourced]
    assert report.citations[0].citations[0].title == "애자일(Agile) : 성공하는 프로젝트들의 비결"
    assert report.citations[1].citations == []  # abstains: no source rather than a loose one
    assert f"{unsourced} [no source found]" in report.answer


def test_a_question_is_answered_from_the_posts_it_is_about(settings):
    report = casework.run("what does the author think about SSM?", settings)
    assert report.kind == "ask"
    assert report.route == ["case_worker", "answerer", "case_worker"]
    assert [p["title"] for p in report.posts] == [
        "인공지능 모델 범람의 시대에 우리가 한 번 짚고 넘어가야할 SSM"
    ]
    assert 1 <= len(report.summary) <= 3 and all(s.quoted for s in report.summary)
    assert "생각합니다" in report.summary[0].sentence  # what the author thinks comes first


def test_a_question_nothing_answers_says_so(settings):
    report = casework.run("What is the capital of Australia?", settings)
    assert report.kind == "ask" and report.outcome == "no_answer"
    assert report.summary == [] and report.posts == []
    assert "Nothing in the corpus answers" in report.answer


def test_a_topic_with_no_posts_says_so_and_writes_no_summary(settings):
    report = casework.run("summarize the posts about quantum cooking", settings)
    assert report.outcome == "no_posts"
    assert report.summary == [] and report.posts == []
    assert "quantum cooking" in report.answer
    assert report.route == ["case_worker", "summarizer", "case_worker"]


def test_offline_runs_are_deterministic(agile, settings):
    again = casework.run("summarize the agile posts", settings)
    assert again.model_dump(exclude={"run_id"}) == agile.model_dump(exclude={"run_id"})


def test_the_example_inserts_a_keyword_agent(settings, monkeypatch):
    monkeypatch.setenv("CASEWORK_HOME", str(settings.home))
    example = Path(__file__).parents[2] / "examples" / "keyword_agent.py"
    result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (
        "case_worker → summarizer → keywords → fact_checker → citation_finder → case_worker" in result.stdout
    )
    keywords = result.stdout.split("keywords:", 1)[1].strip().split(", ")
    assert len(keywords) == 5 and all(keywords)


def test_the_cli_the_agent_and_the_skill_judge_a_claim_the_same_way(settings, library):
    from casework import api
    from casework.skills.evidence import check_claim, overall

    claim = "인텔은 2024년 8월에 최악의 주가 하락을 겪었고, 애자일 선언문은 1995년에 발표되었다."
    report = api.check(claim, settings, record=False)  # what `casework check` runs, through the agent
    direct = check_claim(library, claim)  # the skill, with the whole claim as each statement's context
    assert [(v.statement, v.verdict, v.reason) for v in report.verdicts] == [
        (v.statement, v.verdict, v.reason) for v in direct
    ]
    assert api.claim_verdict(report).verdict == overall(direct).verdict == "REFUTED"
