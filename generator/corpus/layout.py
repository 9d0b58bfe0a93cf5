"""How the lines of a Chinese law's text are told apart: the patterns of headings, articles, items and sub-items,
of a title and of LawRefBook's metadata, when a line is finished, and where the text proper begins.

Reads: lines. Writes: nothing — generator/corpus/parse.py reads a whole text with these.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.corpus.model import FrontMatter
from generator.corpus.numerals import NUMERAL_CHARS, parse_numeral
from generator.errors import ParseError, Problem

NUMERAL = f"[{NUMERAL_CHARS}]+"
# Markdown heading marks before a heading: `#### 第一章 总 则`, `###### 第一条`.
HEADING_MARKS = r"(?:#{1,6}[ \t]*)?"
# A chapter: `第一章 总则`, `## 第三章 数字产业化`, `第一章 總 則`.
CHAPTER = re.compile(rf"{HEADING_MARKS}第(?P<number>{NUMERAL})章(?P<rest>.*)$")
# A section inside a chapter: `第二节 数据安全`, `### 第一節 通則`.
SECTION = re.compile(rf"{HEADING_MARKS}第(?P<number>{NUMERAL})[节節](?P<rest>.*)$")
# An article: `第十二条 除法律…`, `###### 第十二条`, `第一條 為了…`, `第一条【立法目的】…` (never `第十二条规定`).
ARTICLE = re.compile(rf"{HEADING_MARKS}第(?P<number>{NUMERAL})[条條](?=[\s【]|$)")
# An article's title right after its number: `【立法目的】`, ` 【**边境基础设施**】`.
ARTICLE_TITLE = re.compile(r"\s*【(?P<title>[^】]*)】")
# An item: `（一）符合…`, `(一)符合…`, `- （一）符合…` (a list mark left by a PDF extraction).
ITEM = re.compile(rf"(?:-[ \t]*)?[（(](?P<number>{NUMERAL})[）)]")
# A sub-item (目) of an item, numbered 1. 2. … on a line of its own: kept in its item's text, in order.
SUBITEM = re.compile(r"(?P<number>\d{1,2})[.．](?!\d)")
# The end of LawRefBook's metadata block.
INFO_END = "<!-- INFO END -->"
# A table of contents heading: `目录`, `目　　录`, `目 錄`.
CONTENTS = re.compile(r"#*\s*目\s*[录錄]\s*$")
# A regulation's title, alone on its line: `# 石家庄市数字经济促进条例`, `石家莊市數字經濟促進條例`.
TITLE = re.compile(
    r"#*\s*(?P<title>[^\s,，。:：;；《》()（）]{2,60}"
    r"(?:条例|條例|法|规定|規定|办法|辦法|细则|細則|决定|決定|规则|規則|章程|准则|準則)"
    r"(?:[（(][^）)]*[）)])?)\s*$"
)
# A heading's title may not read like a sentence: `第二章 数字基础设施` is a heading, `第二章的规定，…` is not.
SENTENCE_PUNCTUATION = re.compile(r"[，。；：,;:]")
# How a finished sentence, paragraph lead-in or item ends; anything else continues on the next line.
TERMINAL = "。；：？！;:?!"
CLOSING = "”’」』\"'*"
# White space, and the characters that show nothing (zero-width space, joiners, word joiner, byte-order mark): a
# line of only these is layout, not text (the 2023 Administrative Reconsideration Law has one under a heading).
INVISIBLE = " \t\r\n\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff"


def read_source(path: Path) -> list[str]:
    """The lines of a source file, decoded. A UTF-8 BOM is dropped; any other encoding is an error."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        hint = "save the file as UTF-8"
        try:
            data.decode("gb18030")
            hint += " (it reads as GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`)"
        except UnicodeDecodeError:
            pass
        raise ParseError([Problem(str(path), line, f"not UTF-8 text (byte {data[error.start]:#04x})", hint)]) from None
    if not text.strip():
        raise ParseError([Problem(str(path), 1, "the file is empty", "a source file holds the text of a regulation")])
    return [line.rstrip("\r") for line in text.split("\n")]


def is_finished(line: str) -> bool:
    """Does this line end a sentence (or a lead-in to items)? `…发展。` yes; `…推动本区域数` no."""
    stripped = line.rstrip()
    while stripped and stripped[-1] in CLOSING:
        stripped = stripped[:-1].rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


def find_body(lines: list[str]) -> int | None:
    """Index of the first line of the text proper: the last 第一章 (else 第一节) before the first 第一条, or that
    article itself. A table of contents lists 第一章 too, but before the body's own 第一章."""
    first_article = next(
        (index for index, line in enumerate(lines) if (match := ARTICLE.match(line.strip())) and parse_numeral(match.group("number")) == 1),
        None,
    )
    if first_article is None:
        return None
    for pattern in (CHAPTER, SECTION):
        starts = [
            index
            for index in range(first_article)
            if (match := pattern.match(lines[index].strip()))
            and not SENTENCE_PUNCTUATION.search(match.group("rest"))
            and parse_numeral(match.group("number")) == 1
        ]
        if starts:
            return starts[-1]
    return first_article


def read_front_matter(lines: list[str]) -> tuple[FrontMatter, ...]:
    """Classify the lines before the text: title, the notes under it, LawRefBook metadata, contents, preamble."""
    numbered = [(index + 1, line.strip()) for index, line in enumerate(lines) if line.strip(INVISIBLE)]
    info_end = next((line for line, text in numbered if text == INFO_END), 0)
    markdown_titles = [line for line, text in numbered if text.startswith("# ") and TITLE.match(text)]
    titles = [line for line, text in numbered if TITLE.match(text)]
    # LawRefBook's `# title` comes first; elsewhere the title is the last title-like line before the text
    # (a cover notice may name the regulation before the attachment that holds it).
    title_line = markdown_titles[0] if markdown_titles else (titles[-1] if titles else 0)
    front: list[FrontMatter] = []
    kind = ""
    for line, text in numbered:
        if line == title_line:
            kind = "title"
        elif line <= info_end:
            kind = "metadata"
        elif kind in ("title", "note") and text[:1] in "(（" and text[-1:] in ")）":
            kind = "note"
        elif CONTENTS.match(text) or CHAPTER.match(text) or SECTION.match(text):
            kind = "toc"
        else:
            kind = "preamble"
        front.append(FrontMatter(kind, line, text))
    return tuple(front)
