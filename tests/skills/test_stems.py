import pytest

from casework.skills.stems import predicate_stem

LEXICON = frozenset({"오르", "오", "권", "되", "하", "보"})


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("오를", "오르"),  # 오르 + ㄹ(까요): the ending's consonant merged into the stem's last syllable
        ("권했", ""),  # 권하 + 였: the lexicon does not know 권하, so no stem is made up
        ("앞으로", ""),  # a noun with its particle: no predicate here
    ],
)
def test_a_predicate_whose_ending_merged_into_its_stem_is_read_as_the_stem(word, stem):
    assert predicate_stem(word, LEXICON) == stem


def test_a_contracted_vowel_is_undone():
    assert predicate_stem("권했", LEXICON | {"권하"}) == "권하"
