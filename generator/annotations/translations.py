"""The translation files: annotations/<document>/<article>.yml (an article's caption, translation, corrections of
its kinds of change, notes and references) and annotations/<document>/chapters.yml (chapter titles and notes);
the national laws' cited provisions in annotations/laws/<law>/<article>.yml.

Reads: each file, checked against the text it translates (one entry per paragraph and item, the fingerprint of
the Chinese it was made for). Writes: `Translations` — every translated unit with where it was written, the
captions, the corrections, and the readers of the notes and references (generator/annotations/apparatus.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import Field

from generator.annotations.apparatus import Collector, Note, Reference, Resolver
from generator.annotations.glossary import Exemption
from generator.compare.changes import ChangeKind, Correction
from generator.corpus.model import Article, Document
from generator.errors import InputError, Problem, relative_to_project
from generator.strict import Bilingual, BilingualName, MaybeProse, Strict
from generator.yamlfile import Location, validate

ARTICLE_FILE = re.compile(r"^(\d+)\.yml$")


def fingerprint(text: str) -> str:
    """What a translation records of the Chinese it translates: the first 8 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


class UnitTranslation(Strict):
    zh: str = Field(pattern=r"^[0-9a-f]{8}$", description="Fingerprint of the Chinese this translates (python -m generator stub writes it)")
    en: MaybeProse = Field(description="The English; empty while untranslated")
    glossary_exempt: list[Exemption] = []


class ParagraphTranslation(UnitTranslation):
    items: list[UnitTranslation] = []


class ArticleTranslation(Strict):
    title: UnitTranslation | None = Field(default=None, description="The 【title】, for texts whose articles have one")
    paragraphs: list[ParagraphTranslation]


class ChangeFix(Strict):
    """An editor's correction of the computed kinds of change (generator/compare/changes.py) at one paragraph or item."""

    where: str = Field(description="final/57/1, final/59/2/3 — or draft/60/2 for a dropped paragraph")
    kind: ChangeKind
    remove: bool = Field(default=False, description="true: the computed kind is wrong here; false: add it")
    evidence: MaybeProse = Field(default="", description="For an addition: the words that show it")
    why: Bilingual = Field(description="Why the computed kinds were wrong here, in both languages")


class ArticleFile(Strict):
    """annotations/<document>/<article>.yml: the article's translation, notes and cross-references."""

    caption: BilingualName | None = Field(
        default=None,
        description="The editors' name for an article its text leaves unnamed (shown as editorial): a few words, no full stop",
    )
    translation: ArticleTranslation | None = None
    changes: list[ChangeFix] = Field(default=[], description="Corrections of the computed kinds of change (final articles only)")
    reviewed: date | None = Field(
        default=None,
        description="The day the editors read both texts and confirmed or corrected every computed kind of change (final articles)",
    )
    notes: list[Note] = []
    references: list[Reference] = []


class ChaptersFile(Strict):
    """annotations/<document>/chapters.yml: the chapter titles, in order, and notes on the document's structure
    (target: the document, e.g. final, or one of its chapters, e.g. final/chapter/6)."""

    chapters: list[UnitTranslation] = []
    notes: list[Note] = []


@dataclass(frozen=True)
class Unit:
    """One translated unit: a paragraph, an item, an article title or a chapter title."""

    id: str  # final/12/1, final/59/2/3, heilongjiang/1/title, final/chapter/1
    zh: str
    en: str
    file: str
    line: int
    exempt: tuple[str, ...] = ()


@dataclass
class Translations:
    """What the translation files of some documents hold."""

    units: dict[str, Unit] = field(default_factory=dict)  # translated units by id
    totals: dict[str, int] = field(default_factory=dict)  # document -> translatable units
    readers: list[Collector] = field(default_factory=list)  # notes and references, one reader per file
    captions: dict[str, BilingualName] = field(default_factory=dict)
    corrections: list[Correction] = field(default_factory=list)
    reviewed: dict[str, date] = field(default_factory=dict)  # final article id -> the day its kinds were reviewed


class _Collector:
    """Reads one annotation file's translation against the text it translates, collecting problems."""

    def __init__(
        self, path: Path, shown: str, locate: Callable[[Location], int], problems: list[Problem], compared: tuple[str, str] = ("", "")
    ) -> None:
        self.path, self.shown, self.locate, self.problems = path, shown, locate, problems
        self.before, self.after = compared  # the ids of the edition's two compared documents
        self.units: list[Unit] = []
        self.captions: dict[str, BilingualName] = {}
        self.corrections: list[Correction] = []
        self.reviewed: dict[str, date] = {}

    def problem(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.shown, self.locate(location), message, hint))

    def unit(self, unit_id: str, chinese: str, given: UnitTranslation, location: Location) -> None:
        now = fingerprint(chinese)
        if given.zh != now:
            self.problem(
                (*location, "zh"),
                f"{unit_id}: the Chinese changed since this was translated (fingerprint {given.zh}, now {now})",
                f"check the English against the Chinese now ({chinese[:40]}…), then set zh: {now}",
            )
            return
        for exemption in given.glossary_exempt:
            if exemption.term not in chinese:
                self.problem((*location, "glossary_exempt"), f"{unit_id}: exempts {exemption.term!r}, which its Chinese does not contain")
        if given.en.strip():
            exempt = tuple(exemption.term for exemption in given.glossary_exempt)
            self.units.append(Unit(unit_id, chinese, " ".join(given.en.split()), self.shown, self.locate((*location, "en")), exempt))

    def count(self, what: str, given: int, expected: int, location: Location) -> bool:
        if given != expected:
            self.problem(
                location, f"{what}: the translation has {given}, the text has {expected}", "one entry per paragraph and per item, in order"
            )
            return False
        return True


CAPTION_END = "。；;，,.：:！!？?"


def _read_caption(collector: _Collector, article: Article, caption: BilingualName | None) -> None:
    if caption is None:
        return
    if article.title is not None:
        collector.problem(
            ("caption",), f"{article.id} has its own 【title】 in the text", "a caption names an article the text leaves unnamed"
        )
        return
    for language, text in (("zh", caption.zh), ("en", caption.en)):
        if text.strip() != text or text[-1] in CAPTION_END or "【" in text or "\n" in text:
            collector.problem(
                ("caption", language),
                f"{article.id}: the caption {text!r} is not a bare heading",
                "a few words, no final punctuation, no 【】",
            )
            return
    if len(caption.zh) > 16 or len(caption.en.split()) > 10:
        collector.problem(
            ("caption",), f"{article.id}: the caption is too long for a heading", "at most 16 characters in Chinese, 10 words in English"
        )
        return
    collector.captions[article.id] = caption


def _read_corrections(collector: _Collector, article: Article, fixes: list[ChangeFix]) -> None:
    """Corrections name a paragraph or item of this article of the later text, or of the earlier one (a dropped
    paragraph); that they match the computed kinds is checked once the alignment is known (generator/build.py)."""
    for index, fix in enumerate(fixes):
        parts = fix.where.split("/")
        own = parts[0] == collector.after and len(parts) in (3, 4) and parts[1] == str(article.number)
        earlier = parts[0] == collector.before and len(parts) in (3, 4)
        if article.id.split("/")[0] != collector.after or not (own or earlier):
            message = f"{fix.where}: not a paragraph of {article.id} or of its {collector.before} counterpart"
            collector.problem(("changes", index, "where"), message)
            continue
        if not fix.remove and not fix.evidence:
            collector.problem(("changes", index, "evidence"), f"{fix.where}: an added kind needs the words that show it (evidence)")
            continue
        line = collector.locate(("changes", index))
        collector.corrections.append(Correction(fix.where, fix.kind, fix.remove, fix.evidence, collector.shown, line, fix.why))


def _read_review(collector: _Collector, article: Article, reviewed: date | None) -> None:
    if reviewed is None:
        return
    if article.id.split("/")[0] != collector.after:
        collector.problem(("reviewed",), f"{article.id}: only the kinds of change of an article of {collector.after} are reviewed")
        return
    collector.reviewed[article.id] = reviewed


def _read_article(collector: _Collector, article: Article, parsed: ArticleFile) -> None:
    _read_caption(collector, article, parsed.caption)
    _read_corrections(collector, article, parsed.changes)
    _read_review(collector, article, parsed.reviewed)
    translation = parsed.translation
    if translation is None:
        return
    if (article.title is None) != (translation.title is None):
        collector.problem(("translation", "title"), f"{article.id}: {'has no' if article.title is None else 'has a'} 【title】 in the text")
    elif article.title is not None and translation.title is not None:
        collector.unit(f"{article.id}/title", article.title, translation.title, ("translation", "title"))
    paragraphs = translation.paragraphs
    if not collector.count(f"{article.id} paragraphs", len(paragraphs), len(article.paragraphs), ("translation", "paragraphs")):
        return
    for index, (paragraph, given) in enumerate(zip(article.paragraphs, paragraphs, strict=True)):
        location: Location = ("translation", "paragraphs", index)
        collector.unit(paragraph.id, paragraph.text, given, location)
        if collector.count(f"{paragraph.id} items", len(given.items), len(paragraph.items), (*location, "items")):
            for number, (item, item_given) in enumerate(zip(paragraph.items, given.items, strict=True)):
                collector.unit(item.id, item.text, item_given, (*location, "items", number))


def load_translations(
    root: Path,
    documents: dict[str, Document],
    problems: list[Problem],
    resolver: Resolver | None = None,
    folder: str = "",
    compared: tuple[str, str] = ("", ""),
) -> Translations:
    """Translations and captions (and, given a resolver, the notes and references beside them) of every document,
    in annotations/<document>/ (or annotations/<folder>/<document>/: the national laws' cited provisions)."""
    found = Translations()
    for document_id, document in documents.items():
        articles = {article.number: article for article in document.articles}
        found.totals[document_id] = len(document.chapters) + sum(
            (article.title is not None) + len(list(article.units())) for article in document.articles
        )
        directory = root / "annotations" / folder / document_id
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            shown = path.relative_to(root).as_posix()
            if path.name == "chapters.yml":
                try:
                    chapters, locate = validate(ChaptersFile, path)
                except InputError as error:
                    problems.extend(relative_to_project(error.problems, root))
                    continue
                collector = _Collector(path, shown, locate, problems)
                if chapters.chapters and collector.count(
                    f"{document_id} chapters", len(chapters.chapters), len(document.chapters), ("chapters",)
                ):
                    for index, (chapter, given) in enumerate(zip(document.chapters, chapters.chapters, strict=True)):
                        collector.unit(chapter.id, chapter.title, given, ("chapters", index))
                found.units.update((unit.id, unit) for unit in collector.units)
                if resolver is not None:
                    notes = Collector(resolver, shown, locate, problems, document_id)
                    notes.read(chapters.notes, [])
                    found.readers.append(notes)
                continue
            match = ARTICLE_FILE.match(path.name)
            if not match or int(match.group(1)) not in articles:
                problems.append(
                    Problem(
                        shown,
                        1,
                        f"no {document_id} article matches this file name",
                        f"files here are named <article number>.yml, 1 to {len(articles)}, or chapters.yml",
                    )
                )
                continue
            try:
                parsed, locate = validate(ArticleFile, path)
            except InputError as error:
                problems.extend(relative_to_project(error.problems, root))
                continue
            collector = _Collector(path, shown, locate, problems, compared)
            if folder and (parsed.notes or parsed.references or parsed.caption):
                hint = "a national law's file holds only the translation of its cited provisions; notes go on the local article"
                key = "notes" if parsed.notes else "references" if parsed.references else "caption"
                collector.problem((key,), f"{key} in a national law's file are not shown anywhere", hint)
            _read_article(collector, articles[int(match.group(1))], parsed)
            found.units.update((unit.id, unit) for unit in collector.units)
            found.captions.update(collector.captions)
            found.corrections.extend(collector.corrections)
            found.reviewed.update(collector.reviewed)
            if resolver is not None:
                notes = Collector(resolver, shown, locate, problems, articles[int(match.group(1))].id)
                notes.read(parsed.notes, parsed.references)
                found.readers.append(notes)
    return found
