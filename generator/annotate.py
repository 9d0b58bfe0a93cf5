"""Load and validate what editors write in annotations/.

Reads: annotations/alignment.yml (alignment overrides), annotations/glossary.yml, annotations/synonyms.yml, and per document
annotations/<document>/<article>.yml (the article's translation) and annotations/<document>/chapters.yml.
Writes: `Annotations` — overrides, the English of every translated unit with where it was written, the
glossary — or an InputError listing every problem in every file, each with its file and line.

The schemas are declarative (pydantic) and published as JSON Schema (schema/*.schema.json) for editors'
autocompletion; checks that need the texts (does article 73 exist? did the Chinese change?) run after them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from generator.align import Override, Relation
from generator.apparatus import Apparatus, Collector, Law, LawsFile, Note, Reference, Resolver
from generator.changes import ChangeKind, Correction
from generator.errors import InputError, Problem
from generator.model import Article, Document
from generator.strict import Bilingual, Strict
from generator.synonyms import Vocabulary, load_vocabulary
from generator.themes import Theme, load_themes
from generator.yamlfile import Location, validate

ALIGNMENT = Path("annotations") / "alignment.yml"
MANY = 10**6
# How many (final, draft) articles each relation links: (least final, most final, least draft, most draft).
SHAPES: dict[Relation | None, tuple[int, int, int, int]] = {
    None: (1, 1, 1, 1),  # the texts decide: identical, modified or moved
    "identical": (1, 1, 1, 1),
    "modified": (1, 1, 1, 1),
    "moved": (1, 1, 1, 1),
    "merged": (1, 1, 2, MANY),
    "split": (2, MANY, 1, 1),
    "new": (1, 1, 0, 0),
    "deleted": (0, 0, 1, 1),
}


class LinkOverride(Strict):
    """Fix where final article(s) came from. Leave `relation` out to let the texts decide between identical,
    modified and moved; give `deleted` with an empty `final` list for a draft article that went nowhere."""

    final: list[int] = Field(description="Final article numbers; [] for a deleted draft article")
    draft: list[int] = Field(description="Draft article numbers; [] for a new final article")
    relation: Relation | None = None
    why: Bilingual


class ClauseSource(Strict):
    """A clause of a final paragraph taken from a draft article other than the paragraph's own source (a
    second source at paragraph level), confirmed by an editor: `python -m generator align --clauses` suggests."""

    final: str = Field(description="The final paragraph, e.g. final/37/1")
    draft: str = Field(description="The draft paragraph the clause comes from, e.g. draft/45/2")
    words: str = Field(min_length=1, description="The clause as the final paragraph has it")
    why: Bilingual


@dataclass(frozen=True)
class SecondSource:
    final: str
    draft: str
    words: str
    why: Bilingual


class AlignmentFile(Strict):
    links: list[LinkOverride] = []
    clauses: list[ClauseSource] = []


def load_overrides(root: Path, draft: Document, final: Document) -> list[Override]:
    path = root / ALIGNMENT
    if not path.exists():
        return []
    parsed, locate = validate(AlignmentFile, path)
    problems: list[Problem] = []
    seen: dict[tuple[str, int], int] = {}
    overrides: list[Override] = []
    known = {"final": {a.number for a in final.articles}, "draft": {a.number for a in draft.articles}}
    for index, link in enumerate(parsed.links):
        line = locate(("links", index))
        for side in ("final", "draft"):
            for position, number in enumerate(getattr(link, side)):
                where = locate(("links", index, side, position))
                if number not in known[side]:
                    problems.append(Problem(str(path), where, f"links.{index}.{side}: there is no {side} article {number}"))
                if (side, number) in seen:
                    problems.append(Problem(str(path), where, f"{side} article {number} is already aligned on line {seen[side, number]}"))
                seen[side, number] = where
        if not link.final and not link.draft:
            problems.append(Problem(str(path), line, f"links.{index}: name at least one article"))
        low_final, high_final, low_draft, high_draft = SHAPES[link.relation]
        if not (low_final <= len(link.final) <= high_final and low_draft <= len(link.draft) <= high_draft):
            counts = f"{len(link.final)} final and {len(link.draft)} draft"
            relation = repr(link.relation) if link.relation else "(none given)"
            hint = "merged takes 1 final and 2+ draft articles; split 2+ final and 1 draft; deleted 0 final"
            problems.append(Problem(str(path), line, f"links.{index}: relation {relation} does not fit {counts} articles", hint))
        overrides.append(Override(tuple(link.final), tuple(link.draft), link.relation, line))
    if problems:
        raise InputError(problems)
    return overrides


def load_clause_sources(root: Path, draft: Document, final: Document, problems: list[Problem]) -> tuple[SecondSource, ...]:
    """The editors' second sources (alignment.yml `clauses:`): each names a final and a draft paragraph that
    exist, and words the final paragraph has."""
    path = root / ALIGNMENT
    if not path.exists():
        return ()
    try:
        parsed, locate = validate(AlignmentFile, path)
    except InputError:
        return ()  # reported by load_overrides
    paragraphs = {p.id: p for document in (draft, final) for a in document.articles for p in a.paragraphs}
    found = []
    for index, clause in enumerate(parsed.clauses):
        shown = ALIGNMENT.as_posix()
        for side in ("final", "draft"):
            if not getattr(clause, side).startswith(side + "/") or getattr(clause, side) not in paragraphs:
                problems.append(
                    Problem(shown, locate(("clauses", index, side)), f"clauses.{index}.{side}: no {side} paragraph {getattr(clause, side)}")
                )
                break
        else:
            if clause.words not in paragraphs[clause.final].full_text:
                problems.append(
                    Problem(
                        shown, locate(("clauses", index, "words")), f"clauses.{index}.words: {clause.final} does not say {clause.words!r}"
                    )
                )
                continue
            found.append(SecondSource(clause.final, clause.draft, clause.words, clause.why))
    return tuple(found)


# -- translations and the glossary ---------------------------------------------------------------------------

GLOSSARY = Path("annotations") / "glossary.yml"
LAWS = Path("annotations") / "laws.yml"
ARTICLE_FILE = re.compile(r"^(\d+)\.yml$")


def fingerprint(text: str) -> str:
    """What a translation records of the Chinese it translates: the first 8 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


class Exemption(Strict):
    """A glossary term whose English rendering this unit may leave out, with the reason (reviewed)."""

    term: str = Field(min_length=1)
    why: str = Field(min_length=1)


class UnitTranslation(Strict):
    zh: str = Field(pattern=r"^[0-9a-f]{8}$", description="Fingerprint of the Chinese this translates (python -m generator stub writes it)")
    en: str = Field(description="The English; empty while untranslated")
    glossary_exempt: list[Exemption] = []


class ParagraphTranslation(UnitTranslation):
    items: list[UnitTranslation] = []


class ArticleTranslation(Strict):
    title: UnitTranslation | None = Field(default=None, description="The 【title】, for texts whose articles have one")
    paragraphs: list[ParagraphTranslation]


class ChangeFix(Strict):
    """An editor's correction of the computed kinds of change (generator/changes.py) at one paragraph or item."""

    where: str = Field(description="final/57/1, final/59/2/3 — or draft/60/2 for a dropped paragraph")
    kind: ChangeKind
    remove: bool = Field(default=False, description="true: the computed kind is wrong here; false: add it")
    evidence: str = Field(default="", description="For an addition: the words that show it")
    why: str = Field(min_length=1, description="Why the computed kinds were wrong here")


class ArticleFile(Strict):
    """annotations/<document>/<article>.yml: the article's translation, notes and cross-references."""

    caption: Bilingual | None = Field(
        default=None,
        description="The editors' name for an article its text leaves unnamed (shown as editorial): a few words, no full stop",
    )
    translation: ArticleTranslation | None = None
    changes: list[ChangeFix] = Field(default=[], description="Corrections of the computed kinds of change (final articles only)")
    notes: list[Note] = []
    references: list[Reference] = []


class ChaptersFile(Strict):
    """annotations/<document>/chapters.yml: the chapter titles, in order, and notes on the document's structure
    (target: the document, e.g. final, or one of its chapters, e.g. final/chapter/6)."""

    chapters: list[UnitTranslation] = []
    notes: list[Note] = []


class GlossaryTerm(Strict):
    zh: str = Field(min_length=1)
    also: list[str] = Field(default=[], description="Other Chinese forms of the same term")
    en: str = Field(min_length=1, description="The one English rendering every translation uses")
    forms: list[str] = Field(default=[], description="Other English forms the consistency check accepts")
    definition: Bilingual | None = Field(default=None, description="One line saying what the term means, in both languages")
    note: Bilingual | None = Field(default=None, description="Why this rendering, where there was a choice")

    @property
    def chinese(self) -> list[str]:
        return [self.zh, *self.also]

    def meaning(self, language: str) -> str:
        """The definition in `language`; empty while the term has none."""
        return getattr(self.definition, language) if self.definition else ""


class GlossaryFile(Strict):
    terms: list[GlossaryTerm]


@dataclass(frozen=True)
class Unit:
    """One translated unit: a paragraph, an item, an article title or a chapter title."""

    id: str  # final/12/1, final/59/2/3, heilongjiang/1/title, final/chapter/1
    zh: str
    en: str
    file: str
    line: int
    exempt: tuple[str, ...] = ()


@dataclass(frozen=True)
class Annotations:
    overrides: tuple[Override, ...] = ()
    units: dict[str, Unit] = field(default_factory=dict)  # translated units by id
    glossary: tuple[GlossaryTerm, ...] = ()
    totals: dict[str, int] = field(default_factory=dict)  # document -> translatable units
    unfinished: tuple[Problem, ...] = ()  # valid but incomplete (a term with no definition): fails `check`, not the build
    apparatus: Apparatus = field(default_factory=Apparatus)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # synonyms and concepts, for search
    captions: dict[str, Bilingual] = field(default_factory=dict)  # the editors' captions, by article id (final/12)
    corrections: tuple[Correction, ...] = ()  # the editors' corrections of the computed kinds of change
    themes: tuple[Theme, ...] = ()  # the key changes, by theme (annotations/changes.yml)
    second_sources: tuple[SecondSource, ...] = ()  # clauses from another draft article (alignment.yml clauses:)

    def caption(self, article_id: str, language: str) -> str | None:
        """The editors' caption of an article in `language`, if it has one."""
        caption = self.captions.get(article_id)
        return getattr(caption, language) if caption else None

    def english(self, unit_id: str) -> str | None:
        unit = self.units.get(unit_id)
        return unit.en if unit else None

    def coverage(self, document_id: str) -> tuple[int, int]:
        """(translated units, all units) of a document."""
        done = sum(1 for unit in self.units.values() if unit.id.startswith(document_id + "/"))
        return done, self.totals.get(document_id, 0)


class _Collector:
    """Reads one annotation file's translation against the text it translates, collecting problems."""

    def __init__(self, path: Path, shown: str, locate: Callable[[Location], int], problems: list[Problem]) -> None:
        self.path, self.shown, self.locate, self.problems = path, shown, locate, problems
        self.units: list[Unit] = []
        self.captions: dict[str, Bilingual] = {}
        self.corrections: list[Correction] = []

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


def _read_caption(collector: _Collector, article: Article, caption: Bilingual | None) -> None:
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
    """Corrections name a paragraph or item of this final article, or of a draft one (a dropped paragraph);
    that they match the computed kinds is checked once the alignment is known (generator/build.py)."""
    for index, fix in enumerate(fixes):
        parts = fix.where.split("/")
        own = parts[0] == "final" and len(parts) in (3, 4) and parts[1] == str(article.number)
        if article.id.split("/")[0] != "final" or not (own or (parts[0] == "draft" and len(parts) in (3, 4))):
            collector.problem(("changes", index, "where"), f"{fix.where}: not a paragraph of {article.id} or of its draft counterpart")
            continue
        if not fix.remove and not fix.evidence:
            collector.problem(("changes", index, "evidence"), f"{fix.where}: an added kind needs the words that show it (evidence)")
            continue
        line = collector.locate(("changes", index))
        collector.corrections.append(Correction(fix.where, fix.kind, fix.remove, fix.evidence, collector.shown, line))


def _read_article(collector: _Collector, article: Article, parsed: ArticleFile) -> None:
    _read_caption(collector, article, parsed.caption)
    _read_corrections(collector, article, parsed.changes)
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
    root: Path, documents: dict[str, Document], problems: list[Problem], resolver: Resolver | None = None, folder: str = ""
) -> tuple[dict[str, Unit], dict[str, int], list[Collector], dict[str, Bilingual], list[Correction]]:
    """Translations and captions (and, given a resolver, the notes and references beside them) of every document,
    in annotations/<document>/ (or annotations/<folder>/<document>/: the national laws' cited provisions)."""
    units: dict[str, Unit] = {}
    captions: dict[str, Bilingual] = {}
    corrections: list[Correction] = []
    totals: dict[str, int] = {}
    apparatus: list[Collector] = []
    for document_id, document in documents.items():
        articles = {article.number: article for article in document.articles}
        totals[document_id] = len(document.chapters) + sum(
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
                    problems.extend(_relative(error.problems, root))
                    continue
                collector = _Collector(path, shown, locate, problems)
                if chapters.chapters and collector.count(
                    f"{document_id} chapters", len(chapters.chapters), len(document.chapters), ("chapters",)
                ):
                    for index, (chapter, given) in enumerate(zip(document.chapters, chapters.chapters, strict=True)):
                        collector.unit(chapter.id, chapter.title, given, ("chapters", index))
                units.update((unit.id, unit) for unit in collector.units)
                if resolver is not None:
                    notes = Collector(resolver, shown, locate, problems, document_id)
                    notes.read(chapters.notes, [])
                    apparatus.append(notes)
                continue
            match = ARTICLE_FILE.match(path.name)
            if not match or int(match.group(1)) not in articles:
                problems.append(
                    Problem(
                        shown,
                        0,
                        f"no {document_id} article matches this file name",
                        f"files here are named <article number>.yml, 1 to {len(articles)}, or chapters.yml",
                    )
                )
                continue
            try:
                parsed, locate = validate(ArticleFile, path)
            except InputError as error:
                problems.extend(_relative(error.problems, root))
                continue
            collector = _Collector(path, shown, locate, problems)
            if folder and (parsed.notes or parsed.references or parsed.caption):
                hint = "a national law's file holds only the translation of its cited provisions; notes go on the local article"
                key = "notes" if parsed.notes else "references" if parsed.references else "caption"
                collector.problem((key,), f"{key} in a national law's file are not shown anywhere", hint)
            _read_article(collector, articles[int(match.group(1))], parsed)
            units.update((unit.id, unit) for unit in collector.units)
            captions.update(collector.captions)
            corrections.extend(collector.corrections)
            if resolver is not None:
                notes = Collector(resolver, shown, locate, problems, articles[int(match.group(1))].id)
                notes.read(parsed.notes, parsed.references)
                apparatus.append(notes)
    return units, totals, apparatus, captions, corrections


def _relative(problems: tuple[Problem, ...], root: Path) -> list[Problem]:
    """Problems named by their path inside the project, as editors see it."""
    shown = []
    for problem in problems:
        path = Path(problem.file)
        name = path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else problem.file
        shown.append(Problem(name, problem.line, problem.message, problem.hint))
    return shown


def load_glossary(root: Path, problems: list[Problem], unfinished: list[Problem]) -> tuple[GlossaryTerm, ...]:
    path = root / GLOSSARY
    if not path.exists():
        return ()
    try:
        glossary, locate = validate(GlossaryFile, path)
    except InputError as error:
        problems.extend(_relative(error.problems, root))
        return ()
    seen: dict[str, int] = {}
    for index, term in enumerate(glossary.terms):
        if term.definition is None:
            where = locate(("terms", index))
            unfinished.append(Problem(GLOSSARY.as_posix(), where, f"{term.zh} has no definition", "add definition: {zh: …, en: …}"))
        for chinese in term.chinese:
            line = locate(("terms", index, "zh"))
            if chinese in seen:
                problems.append(Problem(GLOSSARY.as_posix(), line, f"{chinese} is already a term (line {seen[chinese]})"))
            seen[chinese] = line
    return tuple(glossary.terms)


def load_annotations(root: Path, documents: dict[str, Document], laws: dict[str, Document] | None = None) -> Annotations:
    """Everything under annotations/, validated against the texts (and the national laws' texts, by id); every
    problem at once."""
    annotations, problems = read_annotations(root, documents, laws)
    if problems:
        raise InputError(problems)
    return annotations


def read_annotations(
    root: Path, documents: dict[str, Document], law_texts: dict[str, Document] | None = None
) -> tuple[Annotations, list[Problem]]:
    """What `load_annotations` reads, keeping whatever is valid beside the problems of the rest, for tools that
    work on a few files while others are being edited."""
    problems: list[Problem] = []
    try:
        overrides = load_overrides(root, documents["draft"], documents["final"])
    except InputError as error:
        problems.extend(_relative(error.problems, root))
        overrides = []
    laws = load_laws(root, problems, law_texts)  # without the laws' texts (a tool on the annotations alone): unchecked
    resolver = Resolver(documents, {law.id: law for law in laws}, law_texts)
    units, totals, collectors, captions, corrections = load_translations(root, documents, problems, resolver)
    law_units, *_ = load_translations(root, law_texts or {}, problems, None, folder="laws")
    units.update(law_units)
    unfinished: list[Problem] = []
    glossary = load_glossary(root, problems, unfinished)
    apparatus = Apparatus(
        tuple(note for collector in collectors for note in collector.notes),
        tuple(reference for collector in collectors for reference in collector.references),
        laws,
    )
    chinese = [unit.full_text for document in documents.values() for article in document.articles for unit in article.paragraphs]
    texts = {"zh": chinese, "en": [unit.en for unit in units.values()]}
    vocabulary = load_vocabulary(root, resolver, texts, problems)
    themes = load_themes(root, resolver, problems)
    second_sources = load_clause_sources(root, documents["draft"], documents["final"], problems) if "draft" in documents else ()
    annotations = Annotations(
        tuple(overrides),
        units,
        glossary,
        totals,
        tuple(unfinished),
        apparatus,
        vocabulary,
        captions,
        tuple(corrections),
        themes,
        second_sources,
    )
    return annotations, problems


def load_laws(root: Path, problems: list[Problem], texts: dict[str, Document] | None = None) -> tuple[Law, ...]:
    path = root / LAWS
    if not path.exists():
        return ()
    try:
        parsed, locate = validate(LawsFile, path)
    except InputError as error:
        problems.extend(_relative(error.problems, root))
        return ()
    seen: dict[str, int] = {}
    for index, law in enumerate(parsed.laws):
        line = locate(("laws", index, "id"))
        if law.id in seen:
            problems.append(Problem(LAWS.as_posix(), line, f"law id {law.id!r} is already used on line {seen[law.id]}"))
        seen[law.id] = line
        if law.source is not None and texts is not None and law.source not in texts:
            known = ", ".join(texts) or "none"
            where = locate(("laws", index, "source"))
            problems.append(Problem(LAWS.as_posix(), where, f"no law text {law.source!r} in sources/sources.yml (laws: {known})"))
    return tuple(parsed.laws)
