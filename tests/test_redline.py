"""The redline: word-level changes, one change per rewritten phrase, nothing for formatting."""

from __future__ import annotations

from generator.compare.redline import Segment, redline
from generator.corpus.sources import Corpus


def marked(old: str, new: str, language: str = "zh") -> str:
    out = []
    for segment in redline(old, new, language):
        out.append(segment.text if segment.op == "equal" else f"[-{segment.text}-]" if segment.op == "delete" else f"{{+{segment.text}+}}")
    return "".join(out)


def test_changes_fall_on_word_boundaries() -> None:
    # 数据赋能 -> 数字赋能: jieba keeps 数据 and 数字 as words, so the change is the word, not one character.
    assert marked("融合发展、数据赋能、应用先导", "融合发展、数字赋能、应用先导") == "融合发展、[-数据-]{+数字+}赋能、应用先导"


def test_one_rewritten_phrase_is_one_change() -> None:
    old = "结合本市实际情况，制定本条例。"
    new = "结合本市实际，制定本条例。"
    assert marked(old, new) == "结合本市实际[-情况-]，制定本条例。"
    # Two changes with only 、 between them read as one.
    assert marked("甲部门、乙部门", "丙机构、丁机构").count("[-") == 1


def test_identical_and_empty_texts() -> None:
    assert redline("同样的文字。", "同样的文字。") == (Segment("equal", "同样的文字。"),)
    assert redline("", "新增。") == (Segment("insert", "新增。"),)
    assert redline("删去。", "") == (Segment("delete", "删去。"),)


def test_replaying_the_redline_gives_both_texts(corpus: Corpus) -> None:
    draft, final = corpus.document("draft"), corpus.document("final")
    for old, new in [(draft.article(43).paragraphs[0].text, final.article(36).paragraphs[0].text), ("", "甲"), ("甲乙丙", "丁")]:
        segments = redline(old, new)
        assert "".join(s.text for s in segments if s.op != "insert") == old
        assert "".join(s.text for s in segments if s.op != "delete") == new


def test_formatting_never_shows_as_a_change(corpus: Corpus) -> None:
    """The news report (Traditional, half-width) and the PDF (broken lines, spaced digits) normalise to text
    whose redline against the printed copy is empty wherever their wording agrees."""
    printed, pdf = corpus.witnesses["000"], corpus.witnesses["002"]
    assert redline(pdf.article(61).paragraphs[0].text, printed.article(61).paragraphs[0].text) == (
        Segment("equal", "本条例自2023年12月31日起施行。"),
    )
    assert all(s.op == "equal" for s in redline(pdf.article(4).paragraphs[0].text, printed.article(4).paragraphs[0].text))


def test_english_is_compared_on_words() -> None:
    assert (
        marked("The city shall promote data.", "The city may promote digital data.", "en")
        == "The city [-shall-]{+may+} promote {+digital +}data."
    )
