"""The HTML trace's step-through, in headless chromium: buttons and arrow keys move the baton step by step."""

from __future__ import annotations

import re
import time

import pytest

from casework import api
from casework.exports import export
from casework.exports.steps import steps

from browser import browser

SHOT = None  # set to a path while developing to look at the page: the test saves a screenshot there


@pytest.fixture(scope="module")
def trace(settings):
    return api.trace(api.run("summarize the agile posts", settings).run_id, settings)


def open_page(driver, trace, tmp_path):
    page = tmp_path / "trace.html"
    page.write_text(export(trace, "html"), encoding="utf-8")
    driver.get(page.as_uri())
    return driver


def shown(driver) -> dict:
    """What the page shows now: the highlighted holder, the lit arrows, the panel's text."""
    return driver.execute_script(
        """
        const lit = [...document.querySelectorAll('path.edge.current')]
            .map(e => [e.dataset.source, e.dataset.target]);
        return {holder: [...document.querySelectorAll('g.node.holder')].map(g => g.dataset.agent),
                baton: document.getElementById('baton').style.transform, lit: lit,
                reason: document.getElementById('reason').textContent,
                counter: document.getElementById('counter').textContent,
                diff: [...document.querySelectorAll('#diff code')].map(c => c.textContent)};
        """
    )


def errors(driver) -> list:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_next_three_times_shows_step_3(trace, tmp_path):
    third = steps(trace)[2]
    with browser(tmp_path) as driver:
        open_page(driver, trace, tmp_path)
        assert shown(driver)["counter"].startswith("0 /")
        for _ in range(3):
            driver.find_element("id", "next").click()
        now = shown(driver)
        assert now["holder"] == [third.agent] and third.agent == "fact_checker"
        assert now["reason"] == third.handoff.reason
        assert now["lit"] == [[third.handoff.source, third.handoff.target]]
        assert now["diff"] == third.handoff.changed  # the state diff: the keys this turn changed
        node = driver.execute_script(
            f"return document.querySelector('g.node[data-agent=\"{third.agent}\"]').dataset"
        )
        assert (
            f"translate({float(node['x']):g}px, {float(node['y']):g}px)" == now["baton"]
        )  # the baton is on it
        if SHOT:
            time.sleep(0.6)
            driver.save_screenshot(SHOT)
        assert errors(driver) == []


def test_arrow_keys_and_previous_step_back_and_forth(trace, tmp_path):
    turns = steps(trace)
    with browser(tmp_path) as driver:
        open_page(driver, trace, tmp_path)
        body = driver.find_element("tag name", "body")
        for _ in range(len(turns) + 2):  # past the end stays at the last step
            body.send_keys("\ue014")  # ArrowRight
        assert shown(driver)["holder"] == [turns[-1].agent]
        assert shown(driver)["counter"] == f"{len(turns)} / {len(turns)}"
        body.send_keys("\ue012")  # ArrowLeft
        driver.find_element("id", "prev").click()
        assert shown(driver)["reason"] == turns[-3].handoff.reason
        assert driver.find_element("id", f"step-{turns[-3].number}").get_attribute("class") == "step current"


def test_play_walks_every_step_to_the_end(trace, tmp_path):
    turns = steps(trace)
    with browser(tmp_path) as driver:
        open_page(driver, trace, tmp_path)
        driver.find_element("id", "play").click()
        seen, deadline = set(), time.monotonic() + 3 + 1.5 * len(turns)
        while time.monotonic() < deadline and shown(driver)["counter"] != f"{len(turns)} / {len(turns)}":
            seen.add(shown(driver)["holder"][0])
            time.sleep(0.2)
        assert shown(driver)["reason"] == turns[-1].handoff.reason
        assert seen >= {t.agent for t in turns[:-1]}  # it went through the holders on the way


def test_hostile_text_in_a_trace_stays_text_and_nothing_is_fetched(trace, tmp_path):
    hostile = '</script><img src="https://example.com/x.png" onerror="window.pwned=1"><b>bold</b>'
    events = [e.model_copy(update={"reason": hostile}) if e.kind == "handoff" else e for e in trace.events]
    evil = trace.model_copy(update={"task": hostile, "events": events})
    page = export(evil, "html")
    assert len(page.encode()) <= 1_000_000
    assert re.findall(r'(?:src|href)="(?!data:)', page) == []  # no external asset; the hostile one is text
    with browser(tmp_path) as driver:
        open_page(driver, evil, tmp_path)
        driver.find_element("id", "next").click()
        assert shown(driver)["reason"] == hostile
        assert driver.execute_script("return window.pwned") is None
        assert driver.find_elements("css selector", "img") == []
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
        assert errors(driver) == []
