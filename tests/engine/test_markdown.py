"""Markdown read as a reader sees it: sentences, sections, code, and offsets back into the file."""

from __future__ import annotations

from casework.engine.index import analyze_post
from casework.engine.markdown import place, read_markdown, strip_attributes
from casework.engine.posts import read_post_file

PAGE = """---
title: Handoffs
tags: [concepts]
---

# Handoffs {#handoffs}

A handoff passes the case to [another agent](agents.md). It is described in
[`Handoff`][casework.orchestrator.handoff.Handoff], and *every* one has a reason.

<!-- keep in step with the README -->

## Input filters

- Keep the **summary** only.
- Drop the planning notes.

!!! warning "Ping-pong"
    A guard stops two agents that hand the case back and forth.

```python
handoff = pass_on("the summary is ready")
```

| field | meaning |
| --- | --- |
| reason | why the case moves |
"""


def analysed(tmp_path, text=PAGE, name="handoffs.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return analyze_post(read_post_file(path, tmp_path))


def test_sentences_hold_the_text_a_reader_sees(tmp_path):
    sentences = [s.text for s in analysed(tmp_path).sentences]
    assert sentences == [
        "A handoff passes the case to another agent.",
        "It is described in Handoff, and every one has a reason.",  # a hard-wrapped sentence, joined
        "Keep the summary only.",
        "Drop the planning notes.",
        "A guard stops two agents that hand the case back and forth.",
    ]


def test_headings_are_sections_not_sentences(tmp_path):
    post = analysed(tmp_path)
    assert [(h.level, h.text) for h in post.headings] == [(1, "Handoffs"), (2, "Input filters")]
    assert [s.section for s in post.sentences] == ["Handoffs"] * 2 + ["Handoffs › Input filters"] * 3
    assert {p.section for p in post.passages} == {"Handoffs", "Handoffs › Input filters"}
    filters = [p for p in post.passages if p.section.endswith("Input filters")]
    assert all({"input", "filters"} <= set(p.terms) for p in filters)  # found by its heading's words
    assert place("Handoffs", "Handoffs › Input filters") == "Handoffs › Input filters"
    assert place("Configuration", "Settings") == "Configuration › Settings"


def test_code_and_tables_are_searchable_but_never_sentences(tmp_path):
    post = analysed(tmp_path)
    assert not any("pass_on" in s.text or "why the case moves" in s.text for s in post.sentences)
    passage_terms = {t for p in post.passages for t in p.terms}
    assert {"pass", "ready", "moves"} <= passage_terms
    assert any("pass_on" in p.text for p in post.passages)


def test_offsets_index_the_file(tmp_path):
    post = analysed(tmp_path)
    file_text = (tmp_path / "handoffs.md").read_text(encoding="utf-8")
    body_start = post.post.offset
    for sentence in post.sentences:
        span = file_text[body_start + sentence.start : body_start + sentence.end]
        assert span[0] == sentence.text[0] and span[-1] == sentence.text[-1]
        words = iter(span)  # the visible characters appear in the span in order: markup only removed
        assert all(ch in words for ch in sentence.text.replace("\n", " ") if ch != " ")
    plain = next(s for s in post.sentences if s.text.startswith("Drop"))
    assert post.post.text[plain.start : plain.end] == plain.text  # no markup: the span is the sentence


def test_markup_never_reaches_a_sentence_or_passage(tmp_path):
    post = analysed(tmp_path)
    for text in [s.text for s in post.sentences] + [p.text for p in post.passages if "pass_on" not in p.text]:
        for mark in ("](", "][", "`", "**", "{#", "!!!", "<!--", "- "):
            assert mark not in text, (mark, text)


def test_korean_lines_stay_sentences_of_their_own_and_soft_breaks_join_only_wrapped_latin():
    units = read_markdown(
        "첫 줄입니다\n둘째 줄입니다\n\nA wrapped\nline, and `code`\nhere.\nA new line"
    ).units
    assert units[0].text == "첫 줄입니다\n둘째 줄입니다"  # Korean: each line reads on its own
    assert units[1].text == "A wrapped line, and code here.\nA new line"  # after a full stop, a new line


def test_title_falls_back_to_the_first_heading_then_the_file_name(tmp_path):
    (tmp_path / "a.md").write_text("---\ntags: [x]\n---\n\n## Settings\n\nText here.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("- only a list item.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text('+++\ntitle = "From TOML"\n+++\n\nBody.\n', encoding="utf-8")
    titles = [read_post_file(tmp_path / name, tmp_path).title for name in ("a.md", "b.md", "c.md")]
    assert titles == ["Settings", "b", "From TOML"]


def test_a_file_with_windows_line_ends_reads_the_same(tmp_path):
    (tmp_path / "unix.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "windows.md").write_bytes(PAGE.replace("\n", "\r\n").encode())
    unix, windows = (analyze_post(read_post_file(tmp_path / n, tmp_path)) for n in ("unix.md", "windows.md"))
    assert windows.post.title == "Handoffs" and windows.post.meta == {
        "title": "Handoffs",
        "tags": ["concepts"],
    }
    assert [s.text for s in windows.sentences] == [s.text for s in unix.sentences]
    assert [s.section for s in windows.sentences] == [s.section for s in unix.sentences]


def test_heading_attributes_are_dropped_only_when_they_parse():
    assert strip_attributes("Quickstart {#quickstart}") == "Quickstart"
    assert strip_attributes("Sets like {a, b}") == "Sets like {a, b}"
