"""The document model: a regulation as chapters -> sections -> articles -> paragraphs (款) -> items (项).

Reads: nothing. Writes: nothing. Every other stage speaks in these types.

Nodes are frozen. Each keeps where it came from (`Span`) and the repairs that turned its source text into
its display text, both with `compare=False`: two nodes are equal when their legal content is equal, whichever
witness they were read from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from generator.errors import Problem


@dataclass(frozen=True)
class Span:
    """A stretch of a source file: from (line, column) to (end_line, end_column); lines 1-based, columns 0-based,
    end exclusive, columns counted in characters of the decoded line."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Repair:
    """One change the normaliser made: at `offset` of the text as it stood after the repairs before it,
    `before` became `after`. Applying a node's repairs in order to its source span gives its display text."""

    kind: str  # one of normalise.REPAIR_KINDS
    node: str  # id of the node whose text was repaired, e.g. "final/12/2"
    line: int  # source line the repair falls on (for people; not needed to apply it)
    offset: int
    before: str
    after: str


@dataclass(frozen=True)
class Item:
    """A 项: （一）… inside a paragraph. `text` excludes the （一） marker, which is structure."""

    id: str
    number: int
    text: str
    span: Span = field(compare=False)
    repairs: tuple[Repair, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Paragraph:
    """A 款. `text` is the paragraph's own words (for a paragraph with items, the lead-in before them)."""

    id: str
    number: int
    text: str
    items: tuple[Item, ...]
    span: Span = field(compare=False)
    repairs: tuple[Repair, ...] = field(default=(), compare=False)

    @property
    def full_text(self) -> str:
        """The lead-in and the items' words, run together (markers left out)."""
        return self.text + "".join(item.text for item in self.items)


@dataclass(frozen=True)
class Article:
    """A 条. `title` is the bracketed 【title】 some texts give their articles, else None."""

    id: str
    number: int
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    span: Span = field(compare=False)  # the heading: 第X条 and its 【title】
    repairs: tuple[Repair, ...] = field(default=(), compare=False)  # repairs to the title

    def units(self) -> Iterator[Paragraph | Item]:
        """Its paragraphs and items in reading order: each paragraph, then its items."""
        for paragraph in self.paragraphs:
            yield paragraph
            yield from paragraph.items

    @property
    def full_text(self) -> str:
        """All its words, paragraph after paragraph (markers left out)."""
        return "".join(paragraph.full_text for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Section:
    """A 节 inside a chapter."""

    id: str
    number: int
    title: str
    articles: tuple[Article, ...]
    span: Span = field(compare=False)
    repairs: tuple[Repair, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Chapter:
    """A 章. Its articles are in `sections` when it has any; `articles` holds those outside every section."""

    id: str
    number: int
    title: str
    articles: tuple[Article, ...]
    sections: tuple[Section, ...]
    span: Span = field(compare=False)
    repairs: tuple[Repair, ...] = field(default=(), compare=False)

    def all_articles(self) -> Iterator[Article]:
        yield from self.articles
        for section in self.sections:
            yield from section.articles


@dataclass(frozen=True)
class FrontMatter:
    """A source line before the text proper: the title, a note under it, a cover notice, a table of contents."""

    kind: str  # "title" | "note" | "metadata" | "toc" | "preamble"
    line: int
    text: str  # as in the source, stripped of surrounding white space


@dataclass(frozen=True)
class Document:
    """One witness of one regulation, parsed. `chapters` is empty when the text has no chapters; then
    `articles` holds them all."""

    id: str
    title: str | None
    chapters: tuple[Chapter, ...]
    articles_outside_chapters: tuple[Article, ...] = ()
    file: str = field(default="", compare=False)
    front_matter: tuple[FrontMatter, ...] = field(default=(), compare=False)
    warnings: tuple[Problem, ...] = field(default=(), compare=False)  # what the parser kept but reports
    layout_lines: tuple[int, ...] = field(default=(), compare=False)  # lines of invisible characters only

    @cached_property  # the document is frozen: its articles are found once
    def articles(self) -> tuple[Article, ...]:
        found = list(self.articles_outside_chapters)
        for chapter in self.chapters:
            found.extend(chapter.all_articles())
        return tuple(found)

    def article(self, number: int) -> Article:
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(f"{self.id} has no article {number}")

    def chapter_of(self, number: int) -> Chapter:
        """The chapter article `number` stands in."""
        return next(chapter for chapter in self.chapters if any(article.number == number for article in chapter.all_articles()))

    @property
    def notes(self) -> tuple[str, ...]:
        """The lines printed under the title, e.g. （草案征求意见稿） or the adoption record."""
        return tuple(line.text for line in self.front_matter if line.kind == "note")

    def repairs(self) -> list[Repair]:
        """Every repair, in source order."""
        found: list[Repair] = []
        for chapter in self.chapters:
            found.extend(chapter.repairs)
            for section in chapter.sections:
                found.extend(section.repairs)
        for article in self.articles:
            found.extend(article.repairs)
            for paragraph in article.paragraphs:
                found.extend(paragraph.repairs)
                for item in paragraph.items:
                    found.extend(item.repairs)
        return sorted(found, key=lambda repair: repair.line)
