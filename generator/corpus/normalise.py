"""Display text from source text, by a small set of recorded repairs. Wording is never changed.

Reads: the exact source text of one node (possibly several lines). Writes: its display text and the list
of `Repair`s that produce it, in the order they apply. The repairs, in that order:

- ``rejoin``       a line break inside a sentence or a word, left by a PDF extraction or a news page, is
                   removed with the blank lines and spaces around it (``数\\n\\n字经济`` -> ``数字经济``);
- ``emphasis``     Markdown emphasis is stripped (``**边境基础设施**`` -> ``边境基础设施``);
- ``punctuation``  half-width punctuation in Chinese text becomes full-width (``,`` -> ``，``, ``(`` -> ``（``),
                   except a comma or colon between two digits;
- ``spacing``      white space next to a Chinese character or full-width punctuation is removed
                   (``2023 年`` -> ``2023年``, ``縣 （市`` -> ``縣（市``, ``总 则`` -> ``总则``).

Script (Traditional or Simplified) is never converted for display: a witness is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.corpus.model import Repair

REPAIR_KINDS = ("rejoin", "subitems", "emphasis", "punctuation", "spacing")

# A line break with the white space and blank lines around it: `推动本区域数\n\n字经济`.
LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")
# Markdown strong emphasis: `**边境基础设施**`.
EMPHASIS = re.compile(r"\*\*(.+?)\*\*")
# Half-width punctuation that Chinese text writes full-width.
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
HALF_WIDTH_PUNCTUATION = re.compile(r"[,;:?!()]")
# Any run of white space (including the ideographic space U+3000).
WHITE_SPACE = re.compile(r"\s+")


def is_chinese(char: str) -> bool:
    """A CJK ideograph, CJK punctuation, a full-width form, or a curly quote (which Chinese text uses)."""
    code = ord(char)
    return (
        0x3000 <= code <= 0x303F  # CJK symbols and punctuation: 、。〇《》「」【】
        or 0x3400 <= code <= 0x9FFF  # ideographs, extension A and the unified block
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: （），：；
        or char in "“”‘’×"
        or 0x20000 <= code <= 0x3134F  # ideographs, extensions B to G
    )


@dataclass
class _Text:
    """Text under repair, with the source line of every character so that each repair can name its line."""

    text: str
    lines: list[int]
    node: str
    repairs: list[Repair]

    def replace(self, kind: str, start: int, end: int, after: str) -> None:
        line = self.lines[start] if start < len(self.lines) else self.lines[-1]
        self.repairs.append(Repair(kind, self.node, line, start, self.text[start:end], after))
        self.text = self.text[:start] + after + self.text[end:]
        self.lines[start:end] = [line] * len(after)

    def rewrite(self, kind: str, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str | None]) -> None:
        """Apply `replacement` to each match, left to right; a None replacement leaves the match alone."""
        position = 0
        while match := pattern.search(self.text, position):
            after = replacement(match)
            if after is None or after == match.group(0):
                position = match.end()
                continue
            self.replace(kind, match.start(), match.end(), after)
            position = match.start() + len(after)


def _between(text: str, start: int, end: int) -> tuple[str, str]:
    return (text[start - 1] if start > 0 else "", text[end] if end < len(text) else "")


def normalise(raw: str, node: str, first_line: int) -> tuple[str, tuple[Repair, ...]]:
    """Repair `raw` (the source text of `node`, starting on source line `first_line`)."""
    lines: list[int] = []
    line = first_line
    for char in raw:
        lines.append(line)
        if char == "\n":
            line += 1
    work = _Text(raw, lines, node, [])

    def rejoin(match: re.Match[str]) -> str:
        before, after = _between(work.text, match.start(), match.end())
        # Two Latin letters or digits were two words; anything next to Chinese was one.
        return " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""

    def full_width(match: re.Match[str]) -> str | None:
        char = match.group(0)
        before, after = _between(work.text, match.start(), match.end())
        if char in ",:" and before.isdigit() and after.isdigit():
            return None  # 1,000 and 10:30 keep their punctuation
        return HALF_TO_FULL[char]

    def unspace(match: re.Match[str]) -> str | None:
        before, after = _between(work.text, match.start(), match.end())
        return "" if (before and is_chinese(before)) or (after and is_chinese(after)) else None

    work.rewrite("rejoin", LINE_BREAK, rejoin)
    work.rewrite("emphasis", EMPHASIS, lambda match: match.group(1))
    work.rewrite("punctuation", HALF_WIDTH_PUNCTUATION, full_width)
    work.rewrite("spacing", WHITE_SPACE, unspace)
    return work.text, tuple(work.repairs)


def apply_repairs(raw: str, repairs: tuple[Repair, ...] | list[Repair]) -> str:
    """Replay `repairs` on `raw`. Raises ValueError if a repair does not fit the text it claims to repair."""
    text = raw
    for repair in repairs:
        found = text[repair.offset : repair.offset + len(repair.before)]
        if found != repair.before:
            raise ValueError(f"{repair.node}: repair {repair.kind} expects {repair.before!r} at {repair.offset}, found {found!r}")
        text = text[: repair.offset] + repair.after + text[repair.offset + len(repair.before) :]
    return text
