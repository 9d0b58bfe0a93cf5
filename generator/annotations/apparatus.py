"""Editorial notes and cross-references: what editors write beside a translation, resolved against the texts.

Reads: the `notes:` and `references:` of each annotation file (annotations/<document>/<article>.yml and
chapters.yml) and annotations/laws.yml (the national laws references may point to). Writes: `Apparatus` —
every note with its target, every reference with its target resolved, and the backlinks of every target —
or Problems naming the file and line of each mistake.

Targets are the site's ids: `final/12` (article), `final/12/2` (paragraph), `final/59/2/3` (item),
`final/chapter/6` (chapter), `final` (document), and `law:<id>` or `law:<id>/<article>` for a national law.
Notes are Markdown; raw HTML is refused, links may point to ids (`[第十二条](final/12)`) or to https URLs,
and the HTML made from them is sanitised again when rendered.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import markdown
import nh3
from pydantic import Field

from generator.annotations.amendments import Amendment
from generator.annotations.glossary import Exemption
from generator.corpus.model import Document
from generator.errors import Problem
from generator.render.urls import anchor
from generator.strict import Bilingual, Markdown, Name, Strict
from generator.yamlfile import Location

SLUG = r"^[a-z0-9][a-z0-9-]*$"
ID = re.compile(
    r"^(?P<document>[a-z][a-z0-9-]*)(?:/(?:chapter/(?P<chapter>\d+)|(?P<article>\d+)(?:/(?P<paragraph>\d+)(?:/(?P<item>\d+))?)?))?$"
)
LAW = re.compile(r"^law:(?P<law>[a-z0-9][a-z0-9-]*)(?:/(?P<article>\d+)(?:/(?P<paragraph>\d+))?)?$")
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's target in a note's Markdown: not words of the note
RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]|&#|javascript:", re.IGNORECASE)
LINK = re.compile(r"\]\(([^)\s]+)\)")
ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br"}


class Citation(Strict):
    """Where a fact in a note comes from: a source text of this site, or a published document."""

    title: Name = Field(description="What it is, e.g. 《中华人民共和国数据安全法》第二十一条 or sources/003 (the draft)")
    url: str | None = Field(default=None, pattern=r"^https?://", description="Only an address you have checked")


class Note(Strict):
    id: str = Field(pattern=SLUG, description="Unique in this file; the note's anchor (#note-<id>) and feed entry")
    kind: Literal["change", "context", "translation", "variant"]
    target: str | None = Field(default=None, description="An article, paragraph or item of this file's article; default the article")
    author: Name
    date: date
    zh: Markdown = Field(description="Markdown, in Chinese")
    en: Markdown = Field(description="Markdown, in English")
    glossary_exempt: list[Exemption] = Field(default=[], description="Glossary terms the English may leave unrendered, each with why")
    sources: list[Citation] = []


# What each kind of link says (CONTRIBUTING.md, "Add a cross-reference"): `cites`, the text itself names the
# provision; `implements`, it carries out, restates or applies at its level what the provision sets (also where
# it says only 按照国家有关规定 and this is the provision meant); `comparable`, the same matter, without a claim
# that one carries out the other; `see-also`, a pointer. The editors' reading (judgement) is one of the middle two.
JUDGED = ("implements", "comparable")


class Reference(Strict):
    source: str | None = Field(default=None, alias="from", description="A paragraph or item of this file's article; default the article")
    to: str = Field(description="final/12, heilongjiang/13/2, law:data-security-law/21 …")
    kind: Literal["see-also", "comparable", "implements", "cites"]
    judgement: bool = Field(default=False, description="The link is the editors' reading, not stated by the text (say why)")
    why: Bilingual | None = Field(default=None, description="What corresponds: one sentence in each language, shown with the reference")
    glossary_exempt: list[Exemption] = Field(default=[], description="Glossary terms the why's English may leave unrendered")


class Law(Strict):
    id: str = Field(pattern=SLUG)
    zh: Name = Field(description="The law's full Chinese name, without 《》")
    en: Name = Field(description="Its English name")
    url: str | None = Field(default=None, pattern=r"^https://", description="Only an address you have checked")
    source: str | None = Field(
        default=None, description="Its text in sources/sources.yml (laws:), against which references to its articles are checked"
    )
    amendments: list[Amendment] = Field(default=[], description="Later amendments of the text quoted, as far as the editors know")
    checked: date | None = Field(default=None, description="When the editors last looked for amendments (said where none is known)")


class LawsFile(Strict):
    laws: list[Law]


@dataclass(frozen=True)
class Target:
    """A resolved id: which document and article page it is on and the anchor there (or a law)."""

    id: str
    document: str | None = None
    article: int | None = None
    chapter: int | None = None
    anchor: str = ""
    law: Law | None = None
    law_article: int | None = None
    law_paragraph: int | None = None


@dataclass(frozen=True)
class PlacedNote:
    note: Note
    target: Target
    file: str
    line: int


@dataclass(frozen=True)
class PlacedReference:
    source: Target
    target: Target
    kind: str
    file: str
    line: int
    judgement: bool = False
    why: Bilingual | None = None
    glossary_exempt: tuple[str, ...] = ()


@dataclass(frozen=True)
class Apparatus:
    notes: tuple[PlacedNote, ...] = ()
    references: tuple[PlacedReference, ...] = ()
    laws: tuple[Law, ...] = ()

    def notes_on(self, document: str, article: int) -> list[PlacedNote]:
        return [n for n in self.notes if n.target.document == document and n.target.article == article]

    def notes_on_chapter(self, document: str, chapter: int) -> list[PlacedNote]:
        return [n for n in self.notes if n.target.document == document and n.target.chapter == chapter]

    def notes_on_document(self, document: str) -> list[PlacedNote]:
        return [n for n in self.notes if n.target.id == document]

    def references_from(self, document: str, article: int) -> list[PlacedReference]:
        return [r for r in self.references if r.source.document == document and r.source.article == article]

    def references_to(self, document: str, article: int) -> list[PlacedReference]:
        return [r for r in self.references if r.target.document == document and r.target.article == article]


class Resolver:
    """Turns ids into `Target`s, checking that the article, paragraph, item, chapter or law exists."""

    def __init__(self, documents: dict[str, Document], laws: dict[str, Law], law_texts: dict[str, Document] | None = None) -> None:
        self.documents, self.laws, self.law_texts = documents, laws, law_texts or {}

    def resolve(self, text: str) -> Target | str:
        """The target, or a message saying what is wrong with the id."""
        law = LAW.match(text)
        if law:
            found = self.laws.get(law.group("law"))
            if found is None:
                known = ", ".join(sorted(self.laws)) or "none yet"
                return f"no law {law.group('law')!r} in annotations/laws.yml (known: {known})"
            number = int(law.group("article")) if law.group("article") else None
            paragraph = int(law.group("paragraph")) if law.group("paragraph") else None
            source = self.law_texts.get(found.source) if found.source else None
            if number is not None and source is not None:
                article = next((a for a in source.articles if a.number == number), None)
                if article is None:
                    return f"{found.zh} has no article {number} (it has 1 to {len(source.articles)})"
                if paragraph is not None and not 1 <= paragraph <= len(article.paragraphs):
                    return f"{found.zh} article {number} has no paragraph {paragraph} (it has {len(article.paragraphs)})"
            elif paragraph is not None and found.source is None:
                return f"{text}: a paragraph of a law can be cited only where annotations/laws.yml gives the law's source text"
            return Target(text, law=found, law_article=number, law_paragraph=paragraph)
        match = ID.match(text)
        if not match:
            return f"{text!r} is not an id like final/12, final/12/2, final/59/2/3, final/chapter/6 or law:<id>/<article>"
        document = self.documents.get(match.group("document"))
        if document is None:
            return f"no document {match.group('document')!r} (known: {', '.join(self.documents)})"
        if match.group("chapter"):
            number = int(match.group("chapter"))
            if not any(chapter.number == number for chapter in document.chapters):
                return f"{document.id} has no chapter {number}"
            return Target(text, document.id, chapter=number)
        if not match.group("article"):
            return Target(text, document.id)
        number = int(match.group("article"))
        article = next((a for a in document.articles if a.number == number), None)
        if article is None:
            return f"{document.id} has no article {number} (it has 1 to {len(document.articles)})"
        if not match.group("paragraph"):
            return Target(text, document.id, number)
        paragraph_number = int(match.group("paragraph"))
        if not 1 <= paragraph_number <= len(article.paragraphs):
            return f"{article.id} has no paragraph {paragraph_number} (it has {len(article.paragraphs)})"
        if not match.group("item"):
            return Target(text, document.id, number, anchor=anchor(paragraph_number))
        item_number = int(match.group("item"))
        if not 1 <= item_number <= len(article.paragraphs[paragraph_number - 1].items):
            return f"{article.id}/{paragraph_number} has no item {item_number}"
        return Target(text, document.id, number, anchor=anchor(paragraph_number, item_number))


@dataclass
class Collector:
    """Reads the notes and references of one annotation file: `scope` is the id its targets must fall within."""

    resolver: Resolver
    shown: str
    locate: Callable[[Location], int]
    problems: list[Problem]
    scope: str
    notes: list[PlacedNote] = field(default_factory=list)
    references: list[PlacedReference] = field(default_factory=list)

    def problem(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.shown, self.locate(location), message, hint))

    def within(self, location: Location, text: str | None) -> Target | None:
        wanted = text or self.scope
        target = self.resolver.resolve(wanted)
        if isinstance(target, str):
            self.problem(location, target)
            return None
        if target.law is not None or not (wanted == self.scope or wanted.startswith(self.scope + "/")):
            self.problem(
                location, f"{wanted} is not in {self.scope}", f"notes and references go in the file of what they are about ({self.scope})"
            )
            return None
        return target

    def read(self, notes: list[Note], references: list[Reference]) -> None:
        seen: dict[str, int] = {}
        for index, note in enumerate(notes):
            location: Location = ("notes", index)
            line = self.locate(location)
            if note.id in seen:
                self.problem((*location, "id"), f"note id {note.id!r} is already used on line {seen[note.id]}", "give each note its own id")
            seen[note.id] = line
            for language in ("zh", "en"):
                message = markdown_problem(getattr(note, language), self.resolver)
                if message:
                    self.problem((*location, language), f"notes.{index}.{language}: {message}")
            target = self.within((*location, "target"), note.target)
            if target is not None:
                self.notes.append(PlacedNote(note, target, self.shown, line))
        pairs: dict[tuple[str, str, str], int] = {}
        for index, reference in enumerate(references):
            location = ("references", index)
            line = self.locate(location)
            source = self.within((*location, "from"), reference.source)
            resolved = self.resolver.resolve(reference.to)
            if isinstance(resolved, str):
                self.problem((*location, "to"), f"references.{index}.to: {resolved}")
                continue
            target = resolved
            key = (reference.source or self.scope, reference.to, reference.kind)
            if key in pairs:
                self.problem(location, f"the same reference is already on line {pairs[key]}")
            pairs[key] = line
            if source is not None:
                if target.id == source.id:
                    self.problem((*location, "to"), f"references.{index}: {reference.to} refers to itself")
                    continue
                if reference.judgement and reference.kind not in JUDGED:
                    self.problem(
                        location,
                        f"references.{index}: a `{reference.kind}` link is not a judgement",
                        "cites: the text itself names the provision; see-also: a pointer. Use implements or comparable for a reading",
                    )
                if reference.judgement and reference.why is None:
                    self.problem(location, f"references.{index}: a link marked as the editors' judgement needs its why")
                    continue
                exempt = tuple(exemption.term for exemption in reference.glossary_exempt)
                placed = PlacedReference(source, target, reference.kind, self.shown, line, reference.judgement, reference.why, exempt)
                self.references.append(placed)


def markdown_problem(text: str, resolver: Resolver) -> str:
    """What is wrong with a note's Markdown, or ''."""
    if RAW_HTML.search(text):
        return "raw HTML is not allowed in notes (write Markdown: *emphasis*, [link](final/12), lists)"
    for target in LINK.findall(text):
        if re.match(r"^https?://", target):
            continue
        resolved = resolver.resolve(target)
        if isinstance(resolved, str):
            return f"link ({target}): {resolved}"
    return ""


@functools.cache
def _note_markdown() -> markdown.Markdown:
    """One converter for every note (making one costs more than converting a note)."""
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


def note_html(text: str, link: Callable[[str], str]) -> str:
    """A note's Markdown as sanitised HTML; links to ids become links to their pages (`link` maps id -> URL)."""

    def rewrite(match: re.Match[str]) -> str:
        target = match.group(1)
        return f"]({target})" if re.match(r"^https?://", target) else f"]({link(target)})"

    html = _note_markdown().reset().convert(LINK.sub(rewrite, text))
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https"}, link_rel="noopener")
