"""Fillers: another name in the slot the evidence fills (another company, place, person, title).

Two readings of a statement and a sentence that covers most of it:
- Korean: a rare word of the statement that the sentence lacks, and a rare word of the sentence that
  the statement lacks, each followed by the same role particle (에서, 와/과, 로, 에게, 의, 로부터):
  "캘리포니아와" where the sentence has "텍사스와", "발전기에서" where it has "배터리에서";
- names: exactly one name of the statement (a capitalised Latin word or a quoted title) missing from
  the sentence, and exactly one name of the sentence missing from the statement: "Google" where
  the sentence names "Microsoft", '반지의 제왕' where it quotes ‘왕좌의 게임’.
"Rare" is the caller's test (the corpus's inverse sentence frequency): common words change with a
paraphrase, names do not. Not handled: fillers of the subject and object slots (이/가, 을/를), which
a paraphrase reshuffles too often to read this way; a name written in another script (구글 / Google)
unless the caller's `same` knows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ROLE = re.compile(r"^([가-힣A-Za-z0-9]{2,}?)(에서의|와의|과의|에서|로부터|으로|에게|와|과|로|의)$")
QUOTED = re.compile(r"['‘“\"]([^'’”\"]{2,30})['’”\"]")
NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
COMMON = frozenset("The This That These Those A An In On At For Of And But Or If When While It Its".split())
# Words that open an English sentence without naming anything ("Running ChatGPT costs", "With SaaS")
OPENERS = frozenset(
    "after although as because before both by during each every from how many most no not once one our "
    "since so some such there they to under unlike until we what where whether which who why with "
    "without yet you".split()
)


def roles(text: str) -> dict[str, str]:
    """Words followed by a role particle: stem -> particle (의 and 에서 kept apart)."""
    found = {}
    for word in re.findall(r"[가-힣A-Za-z0-9]+", text):
        match = ROLE.match(word)
        if match:
            found[match.group(1).lower()] = match.group(2).replace("으로", "로").replace("과", "와")
            found[match.group(1).lower()] = found[match.group(1).lower()].replace("와의", "와")
    return found


def names(text: str) -> set[str]:
    """Capitalised Latin words and quoted titles: the words a paraphrase keeps as they are."""
    quoted = {
        re.sub(r"\s*\([^()]*\)", "", q).strip().lower() for q in QUOTED.findall(text)
    }  # '핸드오프(Handoff)'
    bare = QUOTED.sub(" ", text)
    latin = {
        m.group().lower()
        for m in NAME.finditer(bare)
        if m.group() not in COMMON and not (_opens_sentence(bare, m.start()) and _plain_word(m.group()))
    }
    return quoted | latin


def _plain_word(word: str) -> bool:
    """A capitalised word that is an ordinary English word, not a name: an opener or a verb form."""
    lowered = word.lower()
    return word[1:].islower() and (lowered in OPENERS or lowered.endswith(("ing", "ed", "ly")))


def _opens_sentence(text: str, start: int) -> bool:
    """A word at the start of a sentence is capitalised by grammar, not because it is a name."""
    return not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:"


def filler_conflict(
    statement: str,
    evidence: str,
    rare: Callable[[str], bool],
    same: Callable[[str, str], bool],
    glossed: Callable[[str], bool] = lambda name: False,
) -> tuple[str, str] | None:
    """(the statement's filler, the evidence's) when the evidence fills the statement's slot otherwise.

    Against a Korean sentence, a Latin name of the statement may be there in Hangul (Altman / 올트먼):
    it counts as missing only when `glossed` (its Korean spelling is known) or it is a model code (M1).
    """
    ours_text, theirs_text = statement.lower(), evidence.lower()
    ours, theirs = names(statement), names(evidence)
    hangul = len(re.findall(r"[가-힣]", evidence)) > len(re.findall(r"[A-Za-z]", evidence))
    missing = {
        n
        for n in ours
        if n not in theirs_text
        and not any(same(n, t) for t in theirs)
        and (not hangul or glossed(n) or re.search(r"\d", n) or not n.isascii())
    }
    extra = {n for n in theirs if n not in ours_text and not any(same(n, o) for o in ours)}
    if len(missing) == 1 and len(extra) == 1:
        return next(iter(missing)), next(iter(extra))
    our_roles, their_roles = roles(statement), roles(evidence)
    for word, particle in our_roles.items():
        if word in theirs_text or not rare(word):
            continue
        for other, their_particle in their_roles.items():
            if (
                their_particle == particle
                and other not in ours_text
                and rare(other)
                and not same(word, other)
            ):
                return word, other
    return None
