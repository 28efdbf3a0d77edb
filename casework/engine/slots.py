"""Slots: the evidence says the same thing around a word, but puts another name where the statement has one.

A statement and a sentence that covers it are aligned word by word (Korean words match when one's
stem is most of the other's: 아키텍트 / 아키텍트였던, 수행했다 / 수행된, 대표는 / 대표가). A run of the
statement's words that the sentence lacks is a slot when a word next to it matches one of the
sentence's, and the sentence holds other words at that place:
- framed on both sides ("대표는 [인텔을] 방문해" / "대표가 [엔비디아를] 방문해"): the frame is the
  evidence, so the two words need only be `distinctive` (not common words a paraphrase swaps);
- framed on one side ("중국 [광둥성 선전에]" / "중국 [허난성 정저우의]"): both must be `named` (the
  caller's test: rare in the corpus or unknown to it), since one neighbour is weak evidence of a slot.
The caller's `same` says when two words are one name in two spellings or a gloss of each other.
Not handled: English statements (their names are capitalised: casework.engine.fillers reads them),
a slot whose neighbours the sentence rewords, or more than three words between two anchors.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from casework.engine.compare import stem

Test = Callable[[str], bool]
WIDEST = 3  # words between two anchors of the evidence that can still be one slot


def words(text: str) -> list[str]:
    """A text's words without bracketed glosses, punctuation and trailing particles, lower-cased."""
    text = re.sub(r"\([^()]*\)", "", text)  # a gloss in brackets: 오픈리서치(OpenResearch)에 -> 오픈리서치에
    return [w for w in (stem(w) for w in re.split(r"\s+|(?<!\d),|,(?!\d)|[·/]", text)) if w]


def alike(a: str, b: str) -> bool:
    """One word in two forms: equal, or sharing a stem that is most of the shorter (수행했다 / 수행된)."""
    if a == b:
        return True
    shared = next((n for n in range(min(len(a), len(b)), 0, -1) if a[:n] == b[:n]), 0)
    return shared >= 2 and shared >= 0.6 * min(len(a), len(b)) and bool(re.match(r"[가-힣]", a))


def slot_conflict(
    statement: str,
    evidence: str,
    around: str,
    named: Test,
    distinctive: Test,
    same: Callable[[str, str], bool],
) -> tuple[str, str] | None:
    """(the statement's word, the evidence's) for a slot the evidence fills with another name, or None."""
    if not re.search(r"[가-힣]", statement):
        return None
    ours, theirs = words(statement), words(evidence)
    seen = evidence.lower() + " " + around.lower()

    def found(word: str) -> int | None:
        return next((j for j, their in enumerate(theirs) if alike(word, their) or same(word, their)), None)

    place = [found(w) for w in ours]
    i = 0
    while i < len(ours):
        if place[i] is not None or ours[i] in seen or re.search(r"\d", ours[i]):
            i += 1
            continue
        end = i
        while end + 1 < len(ours) and place[end + 1] is None and ours[end + 1] not in seen:
            end += 1
        run = ours[i : end + 1]
        left = place[i - 1] if i > 0 else None
        right = place[end + 1] if end + 1 < len(ours) else None
        if left is not None and right is not None and 0 < right - left - 1 <= WIDEST:
            between = theirs[left + 1 : right]
            pair = _pair(run, between, statement, distinctive, same)
        elif left is not None:
            pair = _pair(run, theirs[left + 1 : left + 1 + len(run)], statement, named, same)
        elif right is not None:
            pair = _pair(run, theirs[max(0, right - len(run)) : right], statement, named, same)
        else:
            pair = None
        if pair:
            return pair
        i = end + 1
    return None


def _pair(run: list[str], other: list[str], statement: str, test: Test, same) -> tuple[str, str] | None:
    """The first word of the run and of the other side that pass `test`, the latter unlike any of ours."""
    ours = words(statement)
    mine = next((w for w in run if test(w)), None)
    theirs = next(
        (w for w in other if test(w) and not any(alike(w, o) or alike(o, w) or same(o, w) for o in ours)),
        None,
    )
    return (mine, theirs) if mine and theirs else None
