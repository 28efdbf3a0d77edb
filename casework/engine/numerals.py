"""Numbers written as words, rewritten as digits so the comparators read them like figures.

"five million users" is "5 million users", "three times" / "once" are "3 times" / "1 times", and
"tenfold" / "ten times more" are "10 fold" (a multiple, like Korean 10배): an English claim writes
small numbers as words where the Korean post it is checked against writes digits (500만명, 3번, 5배).
A Korean multiplier with no digit before it ("백만 원씩") is one of it: 1백만 원.
Not handled: ordinals (third), "a million", fractions (two thirds), Korean number words (세 명, 다섯),
numbers above ninety-nine written without a multiplier word ("three hundred and twelve").
"""

from __future__ import annotations

import re

SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
VALUES = {word: value for value, word in enumerate(SMALL.split())}
VALUES |= {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "hundred": 100}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
TENS["ninety"] = 90
VALUES |= TENS
ONES = "|".join(SMALL.split()[1:10])
# "one" is a number only before a multiplier ("one million"); else it is a pronoun ("one of them")
PLAIN = "|".join(w for w in VALUES if w not in {"zero", "one"})
NUMBER = re.compile(
    rf"\b(?:({'|'.join(TENS)})[\s-]({ONES})|({PLAIN}|one(?=\s+(?:hundred|thousand|million|billion)\b)))\b",
    re.IGNORECASE,
)
REPEATS = {"once": "1", "twice": "2", "thrice": "3"}
REPEAT = re.compile(r"\b(once|twice|thrice)\b", re.IGNORECASE)
FOLD = re.compile(r"\b(\w+?)-?fold\b", re.IGNORECASE)
MULTIPLE = re.compile(r"\b(\d+) times (?=(?:more|as|higher|larger|bigger|faster|greater)\b)", re.IGNORECASE)
BARE_KOREAN = re.compile(r"(?<![\d가-힣])(?=(?:백|천|만|백만|천만|억|조)\s?(?:원|명|달러|개|대|건|번))")


def digits(text: str) -> str:
    """The text with number words as digits: 'five million' -> '5 million', 'once' -> '1 times'."""
    text = REPEAT.sub(lambda m: REPEATS[m[1].lower()] + " times", text)
    text = BARE_KOREAN.sub("1", text)
    text = FOLD.sub(_fold, NUMBER.sub(_value, text))
    return MULTIPLE.sub(r"\1 fold ", text)


def _value(match: re.Match) -> str:
    if match[1]:
        return str(TENS[match[1].lower()] + VALUES[match[2].lower()])
    return str(VALUES[match[3].lower()])


def _fold(match: re.Match) -> str:
    value = match[1] if match[1].isdigit() else VALUES.get(match[1].lower())
    return match[0] if value is None else f"{value} fold"
