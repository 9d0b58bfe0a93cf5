"""The redline: what changed between two versions of a paragraph, as a list of kept, deleted and inserted runs.

Reads: two display texts (normalised, so punctuation width and spacing never show as changes). Writes: a
`Redline` — segments of ("equal" | "delete" | "insert", text).

Chinese is compared on word boundaries (jieba tokens), not single characters, so 数字经济 changed to 数据要素
reads as one replaced word, not four stray characters. Runs of change separated only by a short unchanged
token are joined into one change, so one rewritten phrase shows as one deletion and one insertion. English
is compared on words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from generator.compare.words import chinese_tokens

# Unchanged runs this short (in characters) between two changes are folded into the change around them.
SHORT_EQUAL = 2
ENGLISH_TOKEN = re.compile(r"\s+|[A-Za-z0-9'’-]+|[^\sA-Za-z0-9]")


@dataclass(frozen=True)
class Segment:
    op: str  # "equal" | "delete" | "insert"
    text: str


Redline = tuple[Segment, ...]


def english_tokens(text: str) -> list[str]:
    return ENGLISH_TOKEN.findall(text)


@cache  # under `mkdocs serve` the process stays: an edit re-diffs only the texts it changed
def redline(old: str, new: str, language: str = "zh") -> Redline:
    """Segments that turn `old` into `new`."""
    if old == new:
        return (Segment("equal", new),) if new else ()
    if not old or not new:
        return (Segment("insert", new),) if new else (Segment("delete", old),)
    tokenize = chinese_tokens if language == "zh" else english_tokens
    a, b = tokenize(old), tokenize(new)
    # Each change as (deleted text, inserted text), each unchanged run as its text.
    blocks: list[tuple[str, str] | str] = []
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            blocks.append("".join(a[a1:a2]))
        else:
            blocks.append(("".join(a[a1:a2]), "".join(b[b1:b2])))
    return _segments(_fold(blocks))


def _fold(blocks: list[tuple[str, str] | str]) -> list[tuple[str, str] | str]:
    """Join change, short unchanged run, change into one change."""
    folded: list[tuple[str, str] | str] = []
    for block in blocks:
        if isinstance(block, tuple) and len(folded) >= 2:
            between, before = folded[-1], folded[-2]
            if isinstance(between, str) and isinstance(before, tuple) and len(between.strip()) <= SHORT_EQUAL:
                folded[-2:] = [(before[0] + between + block[0], before[1] + between + block[1])]
                continue
        folded.append(block)
    return folded


def _segments(blocks: list[tuple[str, str] | str]) -> Redline:
    segments: list[Segment] = []
    for block in blocks:
        if isinstance(block, str):
            if block:
                segments.append(Segment("equal", block))
            continue
        deleted, inserted = block
        if deleted:
            segments.append(Segment("delete", deleted))
        if inserted:
            segments.append(Segment("insert", inserted))
    return tuple(segments)
