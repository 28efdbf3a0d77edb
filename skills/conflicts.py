"""Conflicts: what in a sentence that covers a statement contradicts it (skills/evidence.py asks).

Another number or range, the other direction, outcome or level, the opposite polarity, "only" against
options, a ranking the other way round, another maker, or another name in the same role: each is read
by casework/engine (compare, stances, fillers, slots, makers), on the clause of the sentence about the
statement. Only names fill a role: a Hangul word must read as one by Kiwi; a rare common word is a
paraphrase's choice.
"""

from __future__ import annotations

import math
import re

from casework.engine import compare, stances
from casework.engine.comparators import reversed_change
from casework.engine.fillers import filler_conflict
from casework.engine.makers import maker_conflict
from casework.engine.slots import slot_conflict
from casework.engine.text import names_alone, proper_nouns
from casework.engine.transliteration import spells
from casework.orchestrator.agent import clip
from casework.skills.coverage import FUNCTION, META, clauses, coverage, variants

MATCHED = 0.5  # coverage from which a sentence is about the same fact (so a conflict refutes it)
RARE = 2  # sentences: a term in fewer is a name or a rare word (fillers)
DISTINCT = 20  # sentences (1% of the corpus): a term in fewer names something, if not rarely (인텔, 엔비디아)


def ranked_the_other_way(library, terms: dict[str, float], statement: str, text: str) -> str | None:
    """A term the statement's comparison favours that the text's sets below ("more on the success of
    projects than on team growth" / "프로젝트의 성공보다는 팀 규모의 확장에 더"), in either language."""
    ours, theirs = compare.compared_sides(statement), compare.compared_sides(text)
    if not ours or not theirs:
        return None
    found = {
        side: [t for t in terms if any(f in theirs[i] for f in variants(library, t))]
        for i, side in enumerate(("winner", "loser"))
    }
    favoured = [t for t in terms if t in ours[0]]
    demoted = [t for t in favoured if t in found["loser"] and t not in found["winner"]]
    if demoted and not any(t in found["winner"] and t not in found["loser"] for t in favoured):
        return demoted[0]
    return None


def find_conflict(
    library, terms: dict[str, float], statement: str, text: str, around: str = "", names: bool = True
) -> str | None:
    """Why a well-matching sentence contradicts the statement, or None when it does not.

    Without `names`, another name in the sentence is no conflict: it may be about another thing.
    """
    numbers = compare.quantities(statement)
    disagree = compare.quantity_conflict(statement, text) or compare.quantity_conflict(
        statement, numbered_part(library, terms, statement, text)
    )
    if disagree:
        return f"The corpus disagrees on a number: {disagree}."
    change = reversed_change(statement, text)
    if change:
        return f"The corpus has the change the other way round: {change[1]:g} to {change[0]:g}."
    # A sentence of two clauses may hold both stances ("Itanium failed, AMD succeeded"): the clause about
    # the statement's subject decides, so a stance is read in the text and then in that clause alone.
    for part in dict.fromkeys([text, focus(library, terms, text)]):
        opposite = compare.antonym_conflict(statement, part)
        if opposite:
            return f"The corpus says the opposite: “{opposite[1]}” where the statement has “{opposite[0]}”."
        moved = stances.direction_conflict(statement, part)
        if moved:
            return f"The corpus says it went {'down' if moved == 'up' else 'up'}: “{clip(part, 80)}”."
        outcome = stances.outcome_conflict(statement, part)
        if outcome:
            return (
                f"The corpus reports the opposite outcome ({outcome} in the statement): “{clip(part, 80)}”."
            )
        level = stances.level_conflict(statement, part, about=glossed(library, terms, statement))
        if level:
            return f"The corpus puts it the other way ({level} in the statement): “{clip(part, 80)}”."
        share = stances.share_conflict(statement, part)
        if share:
            return f"The corpus puts the share the other way ({share} in the statement): “{clip(part, 80)}”."
    # a negated clause beside the one about the statement ("IBM이 PC를 발명한 것은 아니지만, ... 올렸습니다")
    if compare.polarity_flip(statement, text) and compare.polarity_flip(
        statement, focus(library, terms, text)
    ):
        return f"The corpus states it with the opposite polarity: “{clip(text, 80)}”."
    if stances.comparison_conflict(statement, text):
        return f"The corpus calls them the same where the statement ranks them: “{clip(text, 80)}”."
    if stances.modality_conflict(statement, text):
        return f"The corpus allows other options where the statement allows one: “{clip(text, 80)}”."
    exclusive = stances.exclusive_conflict(statement, text)
    if exclusive:
        return f"The corpus allows only “{exclusive[1]}” where the statement allows only “{exclusive[0]}”."
    role = compare.role_swap(statement, text) or ranked_the_other_way(library, terms, statement, text)
    if role:
        return f"The corpus gives “{role}” the other role in the comparison."
    if re.search(r"\b(?:than|of|to|from)\b", statement):  # English roles follow word order: X of Y / Y of X
        pair = compare.swapped(statement, text, [t for t in terms if len(t) > 2])
        if pair:
            return f"The corpus has “{pair[0]}” and “{pair[1]}” the other way round."
    if not names:
        return None

    def same(a: str, b: str) -> bool:
        return same_name(library, a, b)

    # A filler or maker must be a proper noun of this very sentence; proper() (a slot's filler) also takes a
    # compound of nouns or a word after a name, which here refutes true English claims (dev 0.854 -> 0.847).
    def named_here(word: str) -> bool:
        return word in proper_nouns(text)

    def settled(left_out: set[str]) -> bool:
        """The rest of the statement is half there: an English statement's verbs often have no gloss."""
        rest = {t: w for t, w in terms.items() if t not in left_out}
        return coverage(library, rest, text, around, numbers) >= MATCHED

    def fills(word: str, sentences: int) -> bool:  # a name that can fill a slot
        return name_like(library, word, sentences) and proper(word, statement, text)

    substituted = (
        compare.substitution(statement, text)
        or filler_conflict(
            statement,
            text,
            lambda term: rare(library, term),
            same,
            korean=lambda name: korean_spellings(library, name),
            around=around,
            named=named_here,
            settled=settled,
        )
        or maker_conflict(statement, text, same, named_here)
        or slot_conflict(
            statement,
            text,
            around,
            named=lambda word: fills(word, RARE),
            distinctive=lambda word: fills(word, DISTINCT),
            same=same,
        )
    )
    if substituted:
        return f"The corpus names “{substituted[1]}” where the statement has “{substituted[0]}”."
    return None


def korean_spellings(library, term: str) -> set[str]:
    """The Hangul ones among a term's spellings (its glosses)."""
    return {v for v in variants(library, term) if re.match(r"[가-힣]", v)}


def glossed(library, terms: dict[str, float], statement: str) -> str:
    """The statement with the Korean glosses of its terms: what a Korean sentence can anchor on."""
    korean = (v for term in terms for v in sorted(korean_spellings(library, term)))
    return " ".join([statement, *dict.fromkeys(korean)])


def same_name(library, ours: str, theirs: str) -> bool:
    """Two words for one thing: a gloss of each other, or one name in two scripts (올트먼 / Altman)."""
    if theirs in variants(library, ours):
        return True
    latin, hangul = sorted((ours, theirs), key=lambda w: not re.match(r"[A-Za-z]", w))
    return bool(re.match(r"[A-Za-z]", latin) and re.match(r"[가-힣]", hangul)) and spells(latin, hangul)


def proper(word: str, *texts: str) -> bool:
    """Whether a word can fill a slot: a Latin word, or a Hangul word Kiwi reads as a name in one of the
    texts, or right after one (존 점퍼), or by itself (인텔, 랜드연구소). Only a name fills a slot; a rare
    common word (당시, 오랫동안, 익히) is a paraphrase's choice."""
    if not re.match(r"[가-힣]", word):
        return True
    return names_alone(word) or any(
        word in names or any(f"{name} {word}" in text for name in names)
        for text in texts
        for names in [proper_nouns(text)]
    )


def name_like(library, word: str, sentences: int) -> bool:
    """A word that names something: a noun the lexicon reads whole (콜웰의, 인텔을) or an unknown noun of
    three syllables or more (랜드연구소가), in at most `sentences` corpus sentences; not a verb form
    (했습니다, 요구하지), a number, the author (필자, 저는) or a one-syllable word (척, 중)."""
    bare = compare.stem(word)
    head = next(iter(library.terms(word)), bare)
    if (
        head != bare
        or len(compare.STEM.sub("", bare)) < 2
        or re.search(r"\d", bare)
        or bare in META
        or bare in FUNCTION
    ):
        return False
    if bare not in library.lexicon and (len(bare) < 3 or bare[-1] in compare.VERBAL_ENDINGS):
        return False
    return rare(library, bare, sentences)


def focus(library, terms: dict[str, float], text: str) -> str:
    """The clause of a text that covers the statement best (the text itself when no clause stands out)."""
    parts = clauses(text)
    if len(parts) < 2:
        return text
    shares = sorted(((coverage(library, terms, p), p) for p in parts), reverse=True)
    return shares[0][1] if shares[0][0] > shares[1][0] else text


def numbered_part(library, terms: dict[str, float], statement: str, text: str) -> str:
    """The part of a text that gives the number of the statement's subject, when the text gives two
    numbers of one unit ("최신희 의원안은 3000만원, 이해민 의원안은 5000만원의 과태료"): the text is cut at
    its commas into parts of one such number each (a part without one joins the part before it), and
    the part covering the statement best, if one does, is read alone when every other part names a
    subject of its own (최신희): a part without one shares the first part's subject ("인텔은 8월 ...
    기록했고, 10월 기준으로 주가는 55% 하락"). Else the text itself.
    """
    units = {q.unit for q in compare.quantities(statement) if q.unit}
    if not any(sum(q.unit == unit for q in compare.quantities(text)) >= 2 for unit in units):
        return text
    parts: list[str] = []
    for piece in re.split(r"(?<!\d),\s+", text):
        if parts and not any(q.unit in units for q in compare.quantities(piece)):
            parts[-1] = f"{parts[-1]}, {piece}"
        else:
            parts.append(piece)
    if len(parts) < 2:
        return text
    shares = sorted(((coverage(library, terms, p), p) for p in parts), reverse=True)
    lowered = statement.lower()
    own_subject = all(
        any(name_like(library, word, RARE) and word not in lowered for word in map(compare.stem, p.split()))
        for _, p in shares[1:]
    )
    return shares[0][1] if shares[0][0] > shares[1][0] and own_subject else text


def rare(library, term: str, sentences: int = RARE) -> bool:
    """A term in at most `sentences` corpus sentences: a name, not a word a paraphrase would swap.

    An adjectival noun in -적 (기하급수적, 상대적) describes; however rare, it names nothing.
    """
    if re.fullmatch(r"[가-힣]+적", term):
        return False
    return library.idf(term) >= math.log(1 + library.sentence_count() / (1 + sentences))
