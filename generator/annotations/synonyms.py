"""Synonyms and concepts: what readers search by that a provision's own words are not.

Reads: annotations/synonyms.yml — groups of expressions a search treats as one (come into force / take
effect; 电子商务 / 电商), and concepts: the names practitioners give a provision that its text never uses (容错纠错
for final article 59(2)). Writes: a `Vocabulary`, checked against the texts, or Problems with file and line: an
expression that occurs in no text of its language, one listed twice, a language missing, a target that does
not exist.

They are applied when the site is indexed (generator/render/pages.py): a line of text that holds one expression
of a group is indexed with the others too, and a concept's name with the provision it names, so a search for
them costs nothing more; docs/assets/search.js says which expression or concept matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import Field

from generator.annotations.apparatus import Resolver, Target
from generator.errors import InputError, Problem
from generator.strict import Bilingual, BilingualName, Name, Strict
from generator.yamlfile import validate

SYNONYMS = Path("annotations") / "synonyms.yml"


class SynonymGroup(Strict):
    """Expressions a search treats as one, in each language; at least one of each language is in the texts."""

    zh: list[Name] = Field(min_length=1, description="Chinese expressions, e.g. [施行, 生效]")
    en: list[Name] = Field(min_length=1, description="English expressions, e.g. [come into force, take effect]")


class Concept(Strict):
    """A name practitioners give a provision, which its own text does not use."""

    name: BilingualName
    targets: list[str] = Field(min_length=1, description="The provisions it names: final/59/2, heilongjiang/10 …")
    why: Bilingual = Field(description="Where the name comes from (a source text of this site, or a cited publication)")


class SynonymsFile(Strict):
    synonyms: list[SynonymGroup] = []
    concepts: list[Concept] = []


@dataclass(frozen=True)
class PlacedConcept:
    name: BilingualName
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Vocabulary:
    synonyms: tuple[SynonymGroup, ...] = ()
    concepts: tuple[PlacedConcept, ...] = ()

    def expand(self, text: str, language: str) -> list[str]:
        """The expressions to index beside `text`: the other members of each group one of whose members it holds."""
        found = []
        for group in self.synonyms:
            forms = getattr(group, language)
            if any(holds(text, form) for form in forms):
                found += [form for form in forms if not holds(text, form)]
        return found

    def names_of(self, document: str, article: int, anchor: str, language: str) -> list[str]:
        """The concepts naming this article, or this paragraph or item of it (anchor p2, p2-3; '' the article)."""
        return [
            getattr(concept.name, language)
            for concept in self.concepts
            for target in concept.targets
            if target.document == document and target.article == article and (target.anchor or "") == anchor
        ]


def holds(text: str, form: str) -> bool:
    """Does `text` hold the expression: Chinese anywhere, Latin letters and digits as whole words (AI is not in
    maintain), case aside."""
    if form.lower() not in text.lower():
        return False
    return not LATIN.search(form) or _whole_word(form).search(text) is not None


LATIN = re.compile(r"[A-Za-z0-9]")


@cache
def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", re.IGNORECASE)


def load_vocabulary(root: Path, resolver: Resolver, texts: Mapping[str, Iterable[str]], problems: list[Problem]) -> Vocabulary:
    """annotations/synonyms.yml, checked: `texts` is every text of each language (Chinese, and the English)."""
    path = root / SYNONYMS
    if not path.exists():
        return Vocabulary()
    shown = SYNONYMS.as_posix()
    try:
        parsed, locate = validate(SynonymsFile, path)
    except InputError as error:
        problems.extend(Problem(shown, p.line, p.message, p.hint) for p in error.problems)
        return Vocabulary()
    joined = {language: "\n".join(found) for language, found in texts.items()}
    seen: dict[tuple[str, str], int] = {}
    for index, group in enumerate(parsed.synonyms):
        for language in ("zh", "en"):
            forms = getattr(group, language)
            for position, form in enumerate(forms):
                line = locate(("synonyms", index, language, position))
                key = (language, form.lower())
                if key in seen:
                    problems.append(
                        Problem(shown, line, f"{form!r} is already listed on line {seen[key]}", "an expression belongs to one group")
                    )
                seen[key] = line
            if not any(holds(joined[language], form) for form in forms):
                message = f"synonyms.{index}.{language}: none of {', '.join(forms)} occurs in the texts"
                problems.append(
                    Problem(shown, locate(("synonyms", index, language)), message, "a group must hold an expression the texts use")
                )
    concepts = []
    for index, concept in enumerate(parsed.concepts):
        targets = []
        for position, text in enumerate(concept.targets):
            target = resolver.resolve(text)
            if isinstance(target, str) or target.article is None:
                why = target if isinstance(target, str) else f"{text} is not an article, paragraph or item"
                problems.append(
                    Problem(shown, locate(("concepts", index, "targets", position)), f"concepts.{index}.targets.{position}: {why}")
                )
            else:
                targets.append(target)
        concepts.append(PlacedConcept(concept.name, tuple(targets)))
    return Vocabulary(tuple(parsed.synonyms), tuple(concepts))
