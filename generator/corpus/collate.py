"""Collate the witnesses of one text: where their wording differs from the printed witness, a `Variant`.

Reads: the printed witness and another witness of the same document (parsed and normalised). Writes: the
variant readings, each placed on the printed paragraph or item it falls in.

Only wording and paragraphing are variants. Formatting, punctuation width, spacing and script are not:
both sides are compared in a comparable form (display text, converted to Simplified with OpenCC's t2s,
white space removed), so a Traditional witness with half-width commas agrees with a Simplified one with
full-width commas wherever the words agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import opencc

from generator.corpus.model import Article, Document
from generator.corpus.numerals import to_numeral

# Separators put between a paragraph's units when an article is laid out as one string for comparison:
# a paragraph break a witness lacks shows as a difference in ¶.
PARAGRAPH_BREAK = "¶"
ITEM_BREAK = "⁋"
# A variant's reading is shown with up to this many characters of context on each side, stopping at
# punctuation, so a reader can find it in the text.
CONTEXT = 4
PUNCTUATION = "，。；：、？！“”《》（）" + PARAGRAPH_BREAK + ITEM_BREAK
# Differences this close together are one variant, not several.
MERGE_GAP = 2


@dataclass(frozen=True)
class Variant:
    """A place where `witness` reads otherwise than the printed text."""

    witness: str  # the witness's id, its file's 3-digit prefix
    node: str  # the printed paragraph or item it falls in, e.g. "final/28/1"
    article: int
    paragraph: int
    item: int | None
    printed: str  # the printed witness's reading, with a little context
    reading: str  # the other witness's reading, as it writes it
    kind: str  # "wording" | "punctuation" (a mark added or dropped, not its width) | "paragraphing"


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def comparable(text: str, script: str) -> str:
    """The form two witnesses are compared in: Simplified script, no white space."""
    if script == "Hant":
        converted = _converter("t2s").convert(text)
        text = converted
    return "".join(text.split())


@dataclass(frozen=True)
class _Layout:
    """An article as one string, with the node each character belongs to."""

    text: str
    original: str  # the same, before conversion (for quoting the witness as it writes it)
    owners: tuple[tuple[str, int, int | None], ...]  # per character: (node id, paragraph, item)


def _layout(article: Article, script: str) -> _Layout:
    text: list[str] = []
    original: list[str] = []
    owners: list[tuple[str, int, int | None]] = []

    def add(chunk: str, owner: tuple[str, int, int | None]) -> None:
        plain = "".join(chunk.split())
        converted = comparable(plain, script)
        text.append(converted)
        original.append(plain if len(plain) == len(converted) else converted)
        owners.extend([owner] * len(converted))

    for index, paragraph in enumerate(article.paragraphs):
        if index:
            add(PARAGRAPH_BREAK, (paragraph.id, paragraph.number, None))
        add(paragraph.text, (paragraph.id, paragraph.number, None))
        for item in paragraph.items:
            add(ITEM_BREAK, (item.id, paragraph.number, item.number))
            add(item.text, (item.id, paragraph.number, item.number))
    return _Layout("".join(text), "".join(original), tuple(owners))


def _widen(text: str, start: int, end: int, across_punctuation: bool) -> tuple[int, int]:
    """Add up to CONTEXT characters each side, not crossing punctuation unless told to."""
    stops = "" if across_punctuation else PUNCTUATION
    left = start
    while left > 0 and start - left < CONTEXT and text[left - 1] not in stops:
        left -= 1
    right = end
    while right < len(text) and right - end < CONTEXT and text[right] not in stops:
        right += 1
    return left, right


def _kind(changed: str) -> str:
    if not changed.strip(PARAGRAPH_BREAK + ITEM_BREAK):
        return "paragraphing"
    if not changed.strip(PUNCTUATION):
        return "punctuation"
    return "wording"


def collate_article(printed: Article, printed_script: str, witness: Article, witness_id: str, witness_script: str) -> list[Variant]:
    a = _layout(printed, printed_script)
    b = _layout(witness, witness_script)
    groups: list[list[int]] = []  # [a_start, a_end, b_start, b_end]
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, a.text, b.text, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if groups and a1 - groups[-1][1] <= MERGE_GAP and b1 - groups[-1][3] <= MERGE_GAP:
            groups[-1][1], groups[-1][3] = a2, b2
        else:
            groups.append([a1, a2, b1, b2])
    variants = []
    for a1, a2, b1, b2 in groups:
        kind = _kind(a.text[a1:a2] + b.text[b1:b2])
        # A lost paragraph break is shown with the sentence end before it, not as a bare ¶.
        left, right = _widen(a.text, a1, a2, across_punctuation=kind == "paragraphing")
        b_left, b_right = b1 - (a1 - left), b2 + (right - a2)
        owner = a.owners[min(a1, len(a.owners) - 1)]
        variants.append(
            Variant(
                witness=witness_id,
                node=owner[0],
                article=printed.number,
                paragraph=owner[1],
                item=owner[2],
                printed=a.original[left:right],
                reading=b.original[max(b_left, 0) : b_right],
                kind=kind,
            )
        )
    return variants


def collate(printed: Document, printed_script: str, witness: Document, witness_id: str, witness_script: str) -> list[Variant]:
    """Every variant reading of `witness` against `printed`, article by article in printed order."""
    variants: list[Variant] = []
    theirs = {article.number: article for article in witness.articles}
    for article in printed.articles:
        other = theirs.get(article.number)
        if other is None:
            variants.append(Variant(witness_id, article.id, article.number, 0, None, f"第{to_numeral(article.number)}条", "", "wording"))
            continue
        variants.extend(collate_article(article, printed_script, other, witness_id, witness_script))
    return variants
