from __future__ import annotations

import pytest

from casework.engine.makers import maker_conflict


def _same(a: str, b: str) -> bool:
    return {a, b} == {"nvidia", "엔비디아"}


@pytest.mark.parametrize(
    ("statement", "evidence", "conflict"),
    [
        (
            "A platform developed by Meta.",
            "NVIDIA Omniverse는 NVIDIA가 개발한 협업 플랫폼입니다.",
            ("Meta", "NVIDIA"),
        ),
        ("A platform developed by NVIDIA.", "NVIDIA Omniverse는 NVIDIA가 개발한 협업 플랫폼입니다.", None),
        (
            "A platform developed by NVIDIA.",
            "엔비디아가 개발한 협업 플랫폼입니다.",
            None,
        ),  # one name, two scripts
        ("A tool made by Google.", "회사가 개발한 도구입니다.", None),  # 회사 names no maker
        ("Google built the tool.", "NVIDIA가 개발한 도구입니다.", None),  # the subject slot is left alone
    ],
)
def test_another_maker_of_the_thing_is_a_conflict(statement, evidence, conflict):
    assert maker_conflict(statement, evidence, _same, named=lambda word: word == "엔비디아") == conflict
