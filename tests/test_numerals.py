import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.corpus.numerals import parse_numeral, to_numeral


@given(st.integers(min_value=1, max_value=9999))
def test_numerals_round_trip(number: int) -> None:
    assert parse_numeral(to_numeral(number)) == number


def test_forms_used_in_legal_texts() -> None:
    assert parse_numeral("十") == 10
    assert parse_numeral("十二") == 12
    assert parse_numeral("二十") == 20
    assert parse_numeral("一百零一") == 101
    assert parse_numeral("一百一十") == 110
    assert parse_numeral("九百九十九") == 999
    assert parse_numeral("两百") == 200
    assert parse_numeral("兩百零二") == 202
    assert to_numeral(12) == "十二"
    assert to_numeral(110) == "一百一十"


@pytest.mark.parametrize("bad", ["", "十一十", "一a", "廿", "一〇一"])
def test_malformed_numerals_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="numeral"):
        parse_numeral(bad)
