"""Chinese numerals as used to number chapters, articles and items: 一 … 九百九十九 and beyond.

Reads: a numeral string. Writes: an int (and back). Parsing is cn2an's; this module only adapts it to the
forms legal texts use (两 or 兩 for 二, 〇 for 零, 十 for 一十).
"""

from __future__ import annotations

import cn2an

NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千"


def parse_numeral(numeral: str) -> int:
    """`"一百零一"` -> 101. Raises ValueError for anything that is not a well-formed numeral."""
    if not numeral or any(char not in NUMERAL_CHARS for char in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    # cn2an's strict mode rejects 两/兩 and 〇, which legal texts use as 二 and 零.
    plain = numeral.replace("两", "二").replace("兩", "二").replace("〇", "零")
    try:
        return int(cn2an.cn2an(plain, "strict"))
    except Exception as error:  # cn2an raises bare ValueError or its own errors, by version
        raise ValueError(f"not a well-formed Chinese numeral: {numeral!r}") from error


def to_numeral(number: int) -> str:
    """`12` -> `"十二"` (not 一十二), as article headings write it."""
    if number <= 0:
        raise ValueError(f"only positive numbers have a numeral here: {number}")
    return str(cn2an.an2cn(number, "low"))
