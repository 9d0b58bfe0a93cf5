"""annotations/glossary.yml: the one English rendering of each term, with its definition and the reason for the
rendering.

Reads: the file. Writes: the terms; a term used twice is a problem with its line, a term without a definition
an unfinished item (it fails `check`, not the build).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from generator.errors import InputError, Problem, relative_to_project
from generator.strict import Bilingual, Name, Prose, Strict
from generator.yamlfile import validate

GLOSSARY = Path("annotations") / "glossary.yml"


class Exemption(Strict):
    """A glossary term whose English rendering this unit may leave out, with the reason (reviewed)."""

    term: Name
    why: Prose


class GlossaryTerm(Strict):
    zh: Name
    also: list[Name] = Field(default=[], description="Other Chinese forms of the same term")
    en: Name = Field(description="The one English rendering every translation uses")
    forms: list[Name] = Field(default=[], description="Other English forms the consistency check accepts")
    avoid: list[Name] = Field(
        default=[], description="Renderings the edition decided against (e.g. 'smart' for 智能): flagged in notes and whys as well"
    )
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


def load_glossary(root: Path, problems: list[Problem], unfinished: list[Problem]) -> tuple[GlossaryTerm, ...]:
    path = root / GLOSSARY
    if not path.exists():
        return ()
    try:
        glossary, locate = validate(GlossaryFile, path)
    except InputError as error:
        problems.extend(relative_to_project(error.problems, root))
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
