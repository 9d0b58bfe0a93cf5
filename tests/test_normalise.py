"""The repairs one by one, and the invariant that replaying the recorded repairs gives the display text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.corpus.normalise import apply_repairs, normalise


def kinds(raw: str) -> list[tuple[str, str, str]]:
    return [(r.kind, r.before, r.after) for r in normalise(raw, "doc/1/1", 1)[1]]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("推动本区域数\n\n字经济高质量发展。", "推动本区域数字经济高质量发展。"),
        (
            "县级以上数字经济主管部门会同同级有关部门根据省数字经\n\n济发展规划",
            "县级以上数字经济主管部门会同同级有关部门根据省数字经济发展规划",
        ),
        ("**边境基础设施**", "边境基础设施"),
        ("市、县(市、区)人民政府,应当", "市、县（市、区）人民政府，应当"),
        ("縣 (市、區)人民政府", "縣（市、區）人民政府"),
        ("本条例自 2023 年 12 月 31 日起施行。", "本条例自2023年12月31日起施行。"),
        ("总 则", "总则"),
        ("实现市域治理 “一网统管”", "实现市域治理“一网统管”"),
        ("建筑信息模型(BIM)技术", "建筑信息模型（BIM）技术"),
        ("支持5G、千兆光纤网络", "支持5G、千兆光纤网络"),
    ],
)
def test_repairs(raw: str, text: str) -> None:
    repaired, repairs = normalise(raw, "doc/1/1", 1)
    assert repaired == text
    assert apply_repairs(raw, repairs) == text


def test_each_repair_is_recorded_with_its_kind() -> None:
    assert kinds("数\n\n字") == [("rejoin", "\n\n", "")]
    assert kinds("【**标题**】") == [("emphasis", "**标题**", "标题")]
    assert kinds("甲,乙") == [("punctuation", ",", "，")]
    assert kinds("2023 年") == [("spacing", " ", "")]


def test_numbers_keep_their_separators() -> None:
    assert normalise("共1,000元,于10:30", "x", 1)[0] == "共1,000元，于10:30"


def test_latin_words_keep_the_space_between_them() -> None:
    assert normalise("Wi Fi\nnetwork", "x", 1)[0] == "Wi Fi network"


def test_repairs_name_their_source_line() -> None:
    _, repairs = normalise("第一行,\n第二行,", "x", 40)
    assert [(r.kind, r.line) for r in repairs] == [("rejoin", 40), ("punctuation", 40), ("punctuation", 41)]


def test_a_repair_that_does_not_fit_is_refused() -> None:
    _, repairs = normalise("甲,乙", "x", 1)
    with pytest.raises(ValueError, match="expects"):
        apply_repairs("甲;乙", repairs)


PIECES = st.sampled_from(
    ["数字", "经济", "促进", "2023", "年", "BIM", "5G", " ", "\n", "\n\n", ",", "，", "(", ")", "：", ":", "**", "、", "。", "\u3000"]
)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_replaying_recorded_repairs_gives_the_text(raw: str) -> None:
    text, repairs = normalise(raw, "x", 1)
    assert apply_repairs(raw, repairs) == text


@given(st.lists(PIECES, max_size=30).map("".join))
def test_wording_is_never_changed(raw: str) -> None:
    """Whatever the input, the Chinese characters, letters and digits come out in the same order."""
    text, _ = normalise(raw, "x", 1)

    def words(value: str) -> str:
        return "".join(char for char in value if char.isalnum())

    assert words(text) == words(raw)
