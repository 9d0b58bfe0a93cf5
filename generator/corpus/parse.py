"""Parse the text of a Chinese law or regulation into a `Document`.

Reads: one source file (UTF-8; a BOM is allowed) in any of the layouts of the seeds: LawRefBook Markdown
(`#` title, metadata, `<!-- INFO END -->`, `##`…`######` headings), plain `第X条 ` lines, text extracted from
PDFs (lines broken inside sentences, stray `- ` list marks, spaced digits), Traditional Chinese with
half-width punctuation, article titles in 【】, cover notices, news preambles and tables of contents.
Writes: a `Document`, every node with its source span and the repairs that made its display text.

The rule that tells a heading from a line that merely starts with 第四十条 (because a PDF broke a sentence
there) is numbering continuity: a heading must carry the next number, and a line that does not, following a
line left unfinished, continues that line. Any other gap or repeat in numbering is an error naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.corpus.layout import (
    ARTICLE,
    ARTICLE_TITLE,
    CHAPTER,
    INVISIBLE,
    ITEM,
    SECTION,
    SENTENCE_PUNCTUATION,
    SUBITEM,
    TITLE,
    find_body,
    is_finished,
    read_front_matter,
    read_source,
)
from generator.corpus.model import Article, Chapter, Document, Item, Paragraph, Repair, Section, Span
from generator.corpus.normalise import normalise
from generator.corpus.numerals import parse_numeral, to_numeral
from generator.errors import ParseError, Problem
from generator.strict import NAME, PROSE


def parse_file(path: Path, document_id: str = "doc", paragraph_breaks: frozenset[int] = frozenset()) -> Document:
    return parse_lines(read_source(path), str(path), document_id, paragraph_breaks)


@dataclass
class _Unit:
    """A paragraph or item whose lines are still being read."""

    node: str
    number: int
    line: int
    column: int
    end_line: int
    items: list[Item] = field(default_factory=list)  # for a paragraph


@dataclass
class _ArticleDraft:
    number: int
    title: str | None
    span: Span
    repairs: tuple[Repair, ...]
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class _ContainerDraft:
    """A chapter or section being read."""

    id: str
    number: int
    title: str
    span: Span
    repairs: tuple[Repair, ...]
    articles: list[Article] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


class _Parser:
    def __init__(self, lines: list[str], file: str, document_id: str, paragraph_breaks: frozenset[int]) -> None:
        self.lines = lines
        self.file = file
        self.doc = document_id
        self.paragraph_breaks = paragraph_breaks
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # a chapter or section number skipped while the articles run on
        self.layout: list[int] = []  # lines holding only invisible characters (U+200B …) inside the text
        self.chapters: list[Chapter] = []
        self.loose_articles: list[Article] = []
        self.chapter: _ContainerDraft | None = None
        self.section: _ContainerDraft | None = None
        self.article: _ArticleDraft | None = None
        self.paragraph: _Unit | None = None
        self.item: _Unit | None = None
        self.subitems = 0  # the sub-items (目) of the item being read
        self.subitem_lines: set[int] = set()
        self.last_article = 0

    # -- reading text -------------------------------------------------------------------------------------

    def problem(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, line, message, hint))

    def text_of(self, unit: _Unit) -> tuple[str, tuple[Repair, ...], Span]:
        end_column = len(self.lines[unit.end_line - 1].rstrip())
        span = Span(self.file, unit.line, unit.column, unit.end_line, end_column)
        text, repairs = normalise(slice_span(self.lines, span), unit.node, unit.line)
        return text, tuple(self._subitem_break(repair) for repair in repairs), span

    def _subitem_break(self, repair: Repair) -> Repair:
        """The line break before a sub-item (目) is not a broken line: its join is recorded as its own kind."""
        if repair.kind != "rejoin":
            return repair
        following = next((n for n in range(repair.line + 1, len(self.lines) + 1) if self.lines[n - 1].strip(INVISIBLE)), 0)
        return replace(repair, kind="subitems") if following in self.subitem_lines else repair

    def unit_is_open(self) -> bool:
        """Is the paragraph or item being read left unfinished on its last line?"""
        unit = self.item or self.paragraph
        return unit is not None and not is_finished(self.lines[unit.end_line - 1])

    # -- closing nodes ------------------------------------------------------------------------------------

    def close_item(self) -> None:
        if self.item and self.paragraph:
            text, repairs, span = self.text_of(self.item)
            self.paragraph.items.append(Item(self.item.node, self.item.number, text, span, repairs))
        self.item = None

    def close_paragraph(self) -> None:
        self.close_item()
        if self.paragraph and self.article:
            text, repairs, span = self.text_of(self.paragraph)
            paragraph = Paragraph(self.paragraph.node, self.paragraph.number, text, tuple(self.paragraph.items), span, repairs)
            self.article.paragraphs.append(paragraph)
        self.paragraph = None

    def close_article(self) -> None:
        self.close_paragraph()
        draft = self.article
        if draft is None:
            return
        article_id = f"{self.doc}/{draft.number}"
        if not draft.paragraphs:
            self.problem(draft.span.line, f"article {draft.number} has no text", "each 第X条 heading needs its text after it")
        article = Article(article_id, draft.number, draft.title, tuple(draft.paragraphs), draft.span, draft.repairs)
        (self.section or self.chapter or _Loose(self.loose_articles)).articles.append(article)
        self.article = None

    def close_section(self) -> None:
        self.close_article()
        if self.section and self.chapter:
            s = self.section
            if not s.articles:
                self.problem(s.span.line, f"section {s.number} has no articles")
            self.chapter.sections.append(Section(s.id, s.number, s.title, tuple(s.articles), s.span, s.repairs))
        self.section = None

    def close_chapter(self) -> None:
        self.close_section()
        if self.chapter:
            c = self.chapter
            if not c.articles and not c.sections:
                self.problem(c.span.line, f"chapter {c.number} has no articles")
            self.chapters.append(Chapter(c.id, c.number, c.title, tuple(c.articles), tuple(c.sections), c.span, c.repairs))
        self.chapter = None

    # -- headings -----------------------------------------------------------------------------------------

    def heading_title(self, line_number: int, line: str, match: re.Match[str], node: str) -> tuple[str, tuple[Repair, ...], Span]:
        rest_start = match.start("rest")
        column = rest_start + (len(line) - rest_start - len(line[rest_start:].lstrip()))
        span = Span(self.file, line_number, column, line_number, len(line.rstrip()))
        title, repairs = normalise(slice_span(self.lines, span), node, line_number)
        return title, repairs, span

    def start_chapter(self, number: int, line_number: int, line: str, match: re.Match[str]) -> None:
        self.close_chapter()
        node = f"{self.doc}/chapter/{number}"
        title, repairs, span = self.heading_title(line_number, line, match, node)
        self.chapter = _ContainerDraft(node, number, title, span, repairs)

    def start_section(self, number: int, line_number: int, line: str, match: re.Match[str]) -> None:
        self.close_section()
        assert self.chapter is not None
        node = f"{self.chapter.id}/section/{number}"
        title, repairs, span = self.heading_title(line_number, line, match, node)
        self.section = _ContainerDraft(node, number, title, span, repairs)

    def start_article(self, number: int, line_number: int, line: str, match: re.Match[str]) -> None:
        self.close_article()
        self.last_article = number
        node = f"{self.doc}/{number}"
        end = match.end()
        title: str | None = None
        repairs: tuple[Repair, ...] = ()
        if title_match := ARTICLE_TITLE.match(line, end):
            title_span = Span(self.file, line_number, title_match.start("title"), line_number, title_match.end("title"))
            title, repairs = normalise(slice_span(self.lines, title_span), node, line_number)
            end = title_match.end()
        self.article = _ArticleDraft(number, title, Span(self.file, line_number, match.start(), line_number, end), repairs)
        rest = line[end:]
        if rest.strip():
            column = end + len(rest) - len(rest.lstrip())
            self.start_paragraph(line_number, column)

    # -- text ---------------------------------------------------------------------------------------------

    def start_paragraph(self, line_number: int, column: int) -> None:
        self.close_paragraph()
        assert self.article is not None
        number = len(self.article.paragraphs) + 1
        self.paragraph = _Unit(f"{self.doc}/{self.article.number}/{number}", number, line_number, column, line_number)

    def start_item(self, number: int, line_number: int, column: int) -> None:
        self.close_item()
        assert self.paragraph is not None
        self.item = _Unit(f"{self.paragraph.node}/{number}", number, line_number, column, line_number)
        self.subitems = 0

    def continue_unit(self, line_number: int) -> None:
        unit = self.item or self.paragraph
        assert unit is not None
        unit.end_line = line_number

    # -- the body -----------------------------------------------------------------------------------------

    def expected_chapter(self) -> int:
        return (self.chapter.number if self.chapter else len(self.chapters)) + 1

    def read_body(self, start: int) -> None:
        for index in range(start, len(self.lines)):
            line_number = index + 1
            raw_line = self.lines[index]
            if not raw_line.strip(INVISIBLE):
                if raw_line.strip():  # a line of zero-width characters only: layout, recorded, not text
                    self.layout.append(line_number)
                continue
            indent = len(raw_line) - len(raw_line.lstrip())
            line = raw_line  # columns are counted in the line as it stands
            stripped = raw_line.strip()
            forced_break = line_number in self.paragraph_breaks
            continues = self.unit_is_open() and not forced_break

            if (match := CHAPTER.match(stripped)) and not SENTENCE_PUNCTUATION.search(match.group("rest")):
                number = parse_numeral(match.group("number"))
                if number == self.expected_chapter() or not continues:
                    if number != self.expected_chapter():
                        self.numbering_problem(line_number, "章", self.expected_chapter(), number, heading=True)
                    self.start_chapter(number, line_number, line, shift(CHAPTER, stripped, indent, line))
                    continue
            if (match := SECTION.match(stripped)) and not SENTENCE_PUNCTUATION.search(match.group("rest")):
                if self.chapter is None:
                    self.problem(line_number, "a section (节) outside any chapter", "put the 第X章 heading before it")
                    continue
                number = parse_numeral(match.group("number"))
                expected = (self.section.number if self.section else len(self.chapter.sections)) + 1
                if number == expected or not continues:
                    if number != expected:
                        self.numbering_problem(line_number, "节", expected, number, heading=True)
                    self.start_section(number, line_number, line, shift(SECTION, stripped, indent, line))
                    continue
            if match := ARTICLE.match(stripped):
                number = parse_numeral(match.group("number"))
                expected = self.last_article + 1
                if number == expected or not continues:
                    if number != expected:
                        self.numbering_problem(line_number, "条", expected, number)
                    self.start_article(number, line_number, line, shift(ARTICLE, stripped, indent, line))
                    continue
            if self.article is None:
                hint = "text belongs under a 第X条 heading; a preamble goes before 第一章 or 第一条"
                self.problem(line_number, "text before the first article", hint)
                continue
            if self.item is not None and (match := SUBITEM.match(stripped)) and int(match.group("number")) == self.subitems + 1:
                self.subitems += 1
                self.subitem_lines.add(line_number)
                self.continue_unit(line_number)
                continue
            if match := ITEM.match(stripped):
                number = parse_numeral(match.group("number"))
                expected = (self.item.number if self.item else 0) + 1
                if self.paragraph is not None and (number == expected or not continues):
                    if number != expected:
                        self.numbering_problem(line_number, "项", expected, number)
                    self.start_item(number, line_number, indent + match.end())
                    continue
            if continues:
                self.continue_unit(line_number)
            else:
                self.start_paragraph(line_number, indent)
        self.close_chapter()
        self.close_article()

    def numbering_problem(self, line_number: int, unit: str, expected: int, found: int, heading: bool = False) -> None:
        """A gap or repeat in numbering: an error, except a chapter or section heading that skips numbers (a
        heading lost in a published copy, the articles running on), which is a warning and kept as it stands."""
        kind = "repeat" if found < expected else "gap"
        message = f"numbering {kind}: expected 第{to_numeral(expected)}{unit}, found 第{to_numeral(found)}{unit}"
        if heading and kind == "gap":
            hint = "kept as the source has it (a heading may be missing from this copy); the articles' numbering is checked"
            self.warnings.append(Problem(self.file, line_number, message, hint))
            return
        self.problem(
            line_number, message, "a source is kept as received: if it really skips or repeats a number, say so in sources/sources.yml"
        )


class _Loose:
    """Articles outside any chapter, behind the same `.articles.append` as a chapter draft."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles


def shift(pattern: re.Pattern[str], stripped: str, indent: int, line: str) -> re.Match[str]:
    """Match `pattern` against the line itself (not its stripped copy), so that columns are the line's."""
    match = pattern.match(line, indent)
    assert match is not None and line[indent:].startswith(stripped)
    return match


def slice_span(lines: list[str], span: Span) -> str:
    """The source text a span covers."""
    if span.line == span.end_line:
        return lines[span.line - 1][span.column : span.end_column]
    middle = lines[span.line : span.end_line - 1]
    return "\n".join([lines[span.line - 1][span.column :], *middle, lines[span.end_line - 1][: span.end_column]])


def parse_lines(lines: list[str], file: str, document_id: str = "doc", paragraph_breaks: frozenset[int] = frozenset()) -> Document:
    """Parse the decoded lines of a source. Raises ParseError listing every problem found."""
    body = find_body(lines)
    if body is None:
        has_articles = any(ARTICLE.match(line.strip()) for line in lines)
        message = "the first article is not 第一条" if has_articles else "no articles: no line starts with 第一条"
        raise ParseError([Problem(file, 1, message, "a regulation's articles are numbered from 第一条 on a line of their own")])
    front = read_front_matter(lines[:body])
    parser = _Parser(lines, file, document_id, paragraph_breaks)
    parser.read_body(body)
    if parser.problems:
        raise ParseError(parser.problems)
    title = next((f for f in front if f.kind == "title"), None)
    title_text: str | None = None
    if title is not None:
        match = TITLE.match(title.text)
        assert match is not None
        title_text, _ = normalise(match.group("title"), f"{document_id}/title", title.line)
    chapters, loose = tuple(parser.chapters), tuple(parser.loose_articles)
    document = Document(document_id, title_text, chapters, loose, file, front, tuple(parser.warnings), tuple(parser.layout))
    if problems := _too_long(document, file):
        raise ParseError(problems)
    return document


def _too_long(document: Document, file: str) -> list[Problem]:
    """Titles and paragraphs far longer than any real one (the limits of generator/strict.py): a pasted file,
    or headings the parser could not see, run together."""
    found = [(chapter.title, chapter.span.line, NAME) for chapter in document.chapters]
    for article in document.articles:
        found += [(article.title or "", article.span.line, NAME)]
        found += [(unit.text, unit.span.line, PROSE) for unit in article.units()]
    hint = "a heading or article number this parser does not know may have run several together"
    return [
        Problem(file, line, f"{len(text):,} characters, more than the {kind.limit:,} {kind.what} may have", hint)
        for text, line, kind in found
        if len(text) > kind.limit
    ]
