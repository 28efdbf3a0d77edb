"""Fillers: another name in the slot the evidence fills (another company, place, person, title).

Two readings of a statement and a sentence that covers most of it:
- Korean: a rare word of the statement that the sentence lacks, and a rare word of the sentence that
  the statement lacks, each followed by the same role particle (에서, 와/과, 로, 에게, 의, 로부터):
  "캘리포니아와" where the sentence has "텍사스와", "발전기에서" where it has "배터리에서";
- names: exactly one name of the statement (a capitalised Latin word or a quoted title) missing from
  the sentence, and exactly one name of the sentence missing from the statement: "Google" where
  the sentence names "Microsoft", '반지의 제왕' where it quotes ‘왕좌의 게임’;
- names in Hangul: an English statement's one name that the Korean sentence (and its title and the
  sentences before it) spells neither in Latin letters, by a gloss nor by sound (Zuckerberg, where
  the sentence has 일론 머스크), while the sentence holds a name the statement does not spell.
"Rare" is the caller's test (the corpus's inverse sentence frequency): common words change with a
paraphrase, names do not. Not handled: fillers of the subject and object slots (이/가, 을/를), which
a paraphrase reshuffles too often to read this way; a name written in another script (구글 / Google)
unless the caller's `same` knows it or casework.engine.transliteration hears it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from casework.engine.compare import stem
from casework.engine.transliteration import written_in_hangul

ROLE = re.compile(r"^([가-힣A-Za-z0-9]{2,}?)(에서의|와의|과의|에서|로부터|으로|에게|와|과|로|의)$")
QUOTED = re.compile(r"['‘“\"]([^'’”\"]{2,30})['’”\"]")
NAME = re.compile(r"\b[A-Z][A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
COMMON = frozenset("The This That These Those A An In On At For Of And But Or If When While It Its".split())
CALENDAR = frozenset(  # capitalised by English grammar, dates rather than names (the comparators read them)
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
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


def name_groups(text: str) -> list[list[str]]:
    """The statement's names as runs of capitalised words: [['mark', 'zuckerberg'], ['neuralink']]."""
    groups: list[list[str]] = []
    bare, end = QUOTED.sub(" ", text), -1
    for match in NAME.finditer(bare):
        word = match.group()
        if (
            word in COMMON
            or word.lower() in CALENDAR
            or (_opens_sentence(bare, match.start()) and _plain_word(word))
        ):
            continue
        if groups and re.fullmatch(r"(?:'s)?\s+", bare[end : match.start()]):
            groups[-1].append(word.lower())
        else:
            groups.append([word.lower()])
        end = match.end()
    return groups


def filler_conflict(
    statement: str,
    evidence: str,
    rare: Callable[[str], bool],
    same: Callable[[str, str], bool],
    korean: Callable[[str], set[str]] = lambda name: set(),
    around: str = "",
    named: Callable[[str], bool] = lambda word: False,
    settled: Callable[[set[str]], bool] = lambda left_out: False,
) -> tuple[str, str] | None:
    """(the statement's filler, the evidence's) when the evidence fills the statement's slot otherwise.

    Against a Korean sentence, a Latin name of the statement may be there in Hangul (Altman / 올트먼,
    or a spelling `korean` knows), in the sentence or `around` it (its title, the sentences before):
    it counts as missing only when it is not, and its Korean spelling is known or it is a model code
    (M1). `named` tells a Hangul word that names something (a proper noun: 머스크, not 주말), and
    `settled` whether the sentence states the rest of the statement (all but the words left out): a
    name read from a sentence about something else would refute claims the corpus does not address.
    """
    ours_text, theirs_text = statement.lower(), evidence.lower()
    ours, theirs = names(statement), names(evidence)
    hangul = len(re.findall(r"[가-힣]", evidence)) > len(re.findall(r"[A-Za-z]", evidence))
    near = f"{evidence} {around}"

    def in_hangul(name: str) -> bool:
        return any(k in near for k in korean(name)) or written_in_hangul(name, near)

    missing = {
        n
        for n in ours
        if n not in theirs_text
        and not any(same(n, t) for t in theirs)
        and (not hangul or (korean(n) or re.search(r"\d", n) or not n.isascii()) and not in_hangul(n))
    }
    extra = {n for n in theirs if n not in ours_text and not any(same(n, o) for o in ours)}
    if len(missing) == 1 and len(extra) == 1:
        return next(iter(missing)), next(iter(extra))
    if hangul and not re.search(r"[가-힣]", statement):
        unspelled = [
            g for g in name_groups(statement) if not any(w in near.lower() or in_hangul(w) for w in g)
        ]
        if len(unspelled) == 1 and settled(set(unspelled[0])):
            other = hangul_name(evidence, statement, named, same)
            if other:
                return " ".join(unspelled[0]), other
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


def hangul_name(evidence: str, statement: str, named: Callable[[str], bool], same) -> str | None:
    """A Hangul name of the evidence that no word of the English statement spells or glosses."""
    words = re.findall(r"[A-Za-z][\w-]*", statement)
    for word in dict.fromkeys(stem(w) for w in re.findall(r"[가-힣]+", evidence)):
        if named(word) and not any(written_in_hangul(w, word) or same(w.lower(), word) for w in words):
            return word
    return None
