from casework.skills.acronyms import acronyms, with_acronyms


def test_a_name_written_with_its_acronym_defines_it_either_way_round():
    text = "오늘 소개할 Vision-Language Pre-training(VLP)은 … SSM(State Space Model)은 …"
    assert acronyms(text) == {"vision language pre training": "vlp", "state space model": "ssm"}


def test_brackets_that_translate_or_annotate_define_no_acronym():
    text = "엔비디아(NVIDIA)의 예상 판매량(대), the GPU (H100) and the new Nvidia Blackwell(NB)"
    assert acronyms(text) == {"nvidia blackwell": "nb"}


def test_a_term_of_the_name_is_found_by_the_acronym_in_that_post_only():
    spellings = {"pre-training": {"pre-training"}, "agile": {"agile", "애자일"}}
    defined = with_acronyms(spellings, "Vision-Language Pre-training(VLP)은 …")
    assert defined == {"pre-training": {"pre-training", "vlp"}, "agile": {"agile", "애자일"}}
    assert with_acronyms(spellings, "애자일은 …") == spellings
