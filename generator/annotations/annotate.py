"""Load and validate what editors write in annotations/, every file, every problem at once.

Reads, each through its own module: annotations/alignment.yml (generator/annotations/alignmentfile.py), the translation
files (generator/annotations/translations.py), annotations/glossary.yml (generator/annotations/glossary.py), annotations/laws.yml
(here), synonyms.yml (generator/annotations/synonyms.py), changes.yml (generator/annotations/themes.py). Writes: `Annotations`, or an
InputError listing every problem in every file, each with its file and line.

The schemas are declarative (pydantic) and published as JSON Schema (schema/*.schema.json) for editors'
autocompletion; checks that need the texts (does article 73 exist? did the Chinese change?) run after them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.annotations.alignmentfile import Corrections, SecondSource, load_alignment_corrections
from generator.annotations.amendments import renumbering_problems
from generator.annotations.apparatus import Apparatus, Law, LawsFile, Resolver
from generator.annotations.glossary import GlossaryTerm, load_glossary
from generator.annotations.synonyms import Vocabulary, load_vocabulary
from generator.annotations.themes import Theme, load_themes
from generator.annotations.translations import Unit, load_translations
from generator.compare.align import Override
from generator.compare.changes import Correction
from generator.corpus.model import Document
from generator.corpus.sources import CATALOGUE
from generator.errors import InputError, Problem, relative_to_project
from generator.strict import BilingualName
from generator.yamlfile import read, validate

LAWS = Path("annotations") / "laws.yml"


@dataclass(frozen=True)
class Annotations:
    overrides: tuple[Override, ...] = ()
    units: dict[str, Unit] = field(default_factory=dict)  # translated units by id
    glossary: tuple[GlossaryTerm, ...] = ()
    totals: dict[str, int] = field(default_factory=dict)  # document -> translatable units
    unfinished: tuple[Problem, ...] = ()  # valid but incomplete (a term with no definition): fails `check`, not the build
    apparatus: Apparatus = field(default_factory=Apparatus)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # synonyms and concepts, for search
    captions: dict[str, BilingualName] = field(default_factory=dict)  # the editors' captions, by article id (final/12)
    corrections: tuple[Correction, ...] = ()  # the editors' corrections of the computed kinds of change
    themes: tuple[Theme, ...] = ()  # the key changes, by theme (annotations/changes.yml)
    second_sources: tuple[SecondSource, ...] = ()  # clauses from another draft article (alignment.yml clauses:)
    reviewed: dict[str, date] = field(default_factory=dict)  # final article id -> the day its kinds were reviewed

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


def load_annotations(
    root: Path, documents: dict[str, Document], laws: dict[str, Document] | None = None, compared: tuple[str, str] | None = None
) -> Annotations:
    """Everything under annotations/, validated against the texts (and the national laws' texts, by id); every
    problem at once. `compared`: the ids of the two compared documents (before, after), default the first two
    of `documents`, later first, as sources.yml lists them."""
    annotations, problems = read_annotations(root, documents, laws, compared)
    if problems:
        raise InputError(problems)
    return annotations


def read_annotations(
    root: Path, documents: dict[str, Document], law_texts: dict[str, Document] | None = None, compared: tuple[str, str] | None = None
) -> tuple[Annotations, list[Problem]]:
    """What `load_annotations` reads, keeping whatever is valid beside the problems of the rest, for tools that
    work on a few files while others are being edited."""
    problems: list[Problem] = []
    if compared is None:
        after, before = list(documents)[:2]
        compared = (before, after)
    try:
        corrections = load_alignment_corrections(root, documents[compared[0]], documents[compared[1]])
    except InputError as error:
        problems.extend(relative_to_project(error.problems, root))
        corrections = Corrections()
    laws = load_laws(root, problems, law_texts)  # without the laws' texts (a tool on the annotations alone): unchecked
    resolver = Resolver(documents, {law.id: law for law in laws}, law_texts)
    translations = load_translations(root, documents, problems, resolver, compared=compared)
    units = {**translations.units, **load_translations(root, law_texts or {}, problems, None, folder="laws").units}
    unfinished: list[Problem] = []
    glossary = load_glossary(root, problems, unfinished)
    readers = translations.readers
    apparatus = Apparatus(
        tuple(note for reader in readers for note in reader.notes),
        tuple(reference for reader in readers for reference in reader.references),
        laws,
    )
    chinese = [unit.full_text for document in documents.values() for article in document.articles for unit in article.paragraphs]
    texts = {"zh": chinese, "en": [unit.en for unit in units.values()]}
    annotations = Annotations(
        corrections.overrides,
        units,
        glossary,
        translations.totals,
        tuple(unfinished),
        apparatus,
        load_vocabulary(root, resolver, texts, problems),
        translations.captions,
        tuple(translations.corrections),
        load_themes(root, resolver, compared, problems),
        corrections.second_sources,
        translations.reviewed,
    )
    return annotations, problems


def load_laws(root: Path, problems: list[Problem], texts: dict[str, Document] | None = None) -> tuple[Law, ...]:
    path = root / LAWS
    if not path.exists():
        return ()
    try:
        parsed, locate = validate(LawsFile, path)
    except InputError as error:
        problems.extend(relative_to_project(error.problems, root))
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
        elif law.source is not None and texts is not None:
            for location, message in renumbering_problems(law.amendments, len(texts[law.source].articles)):
                problems.append(Problem(LAWS.as_posix(), locate(("laws", index, *location)), f"{law.id}: {message}"))
    if texts is not None:
        problems += _unshown_laws(root, texts, {law.source for law in parsed.laws})
    return tuple(parsed.laws)


def _unshown_laws(root: Path, texts: dict[str, Document], named: set[str | None]) -> list[Problem]:
    """A text listed under sources.yml's laws: that no law of annotations/laws.yml quotes: no page would show it."""
    missing = [law_id for law_id in texts if law_id not in named]
    if not missing:
        return []
    catalogue = read(root / CATALOGUE)
    listed = [entry.get("id") for entry in catalogue.data.get("laws", [])]
    return [
        Problem(
            str(root / CATALOGUE),
            catalogue.locate(("laws", listed.index(law_id), "id")) if law_id in listed else 1,
            f"{law_id} is listed under laws: but no law in annotations/laws.yml has source: {law_id}, so no page shows it",
            "add the law to annotations/laws.yml, or list the text under documents: if it is one to page",
        )
        for law_id in missing
    ]
