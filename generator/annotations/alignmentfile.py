"""annotations/alignment.yml: the editors' corrections to the computed alignment (links) and the clauses a final
paragraph takes from another draft article (second sources).

Reads: the file, checked against the draft and the final text (articles and paragraphs exist, a relation fits
the number of articles it links, a clause's words are in its paragraph). Writes: `Corrections`, or an
InputError naming the file and line of every problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from generator.compare.align import Override, Relation
from generator.corpus.model import Document
from generator.errors import InputError, Problem
from generator.strict import Bilingual, Prose, Strict
from generator.yamlfile import Location, validate

Locate = Callable[[Location], int]

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

    after: list[int] = Field(description="Article numbers of the later text (the final text, the newer version); [] for a deleted article")
    before: list[int] = Field(description="Article numbers of the earlier text (the draft, the older version); [] for a new article")
    relation: Relation | None = None
    why: Bilingual


class ClauseSource(Strict):
    """A clause of a final paragraph taken from a draft article other than the paragraph's own source (a
    second source at paragraph level), confirmed by an editor: `python -m generator align --clauses` suggests."""

    after: str = Field(description="The paragraph of the later text, e.g. final/37/1")
    before: str = Field(description="The paragraph of the earlier text the clause comes from, e.g. draft/45/2")
    words: Prose = Field(description="The clause as the final paragraph has it")
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


@dataclass(frozen=True)
class Corrections:
    overrides: tuple[Override, ...] = ()
    second_sources: tuple[SecondSource, ...] = ()


def load_alignment_corrections(root: Path, draft: Document, final: Document) -> Corrections:
    """The file read once: its links as overrides of the computed alignment, its clauses as second sources."""
    path = root / ALIGNMENT
    if not path.exists():
        return Corrections()
    parsed, locate = validate(AlignmentFile, path)
    problems: list[Problem] = []
    overrides = _overrides(parsed, locate, path, draft, final, problems)
    second_sources = _second_sources(parsed, locate, draft, final, problems)
    if problems:
        raise InputError(problems)
    return Corrections(tuple(overrides), second_sources)


def _overrides(
    parsed: AlignmentFile, locate: Locate, path: Path, draft: Document, final: Document, problems: list[Problem]
) -> list[Override]:
    seen: dict[tuple[str, int], int] = {}
    overrides: list[Override] = []
    known = {"after": {a.number for a in final.articles}, "before": {a.number for a in draft.articles}}
    names = {"after": final.id, "before": draft.id}
    for index, link in enumerate(parsed.links):
        line = locate(("links", index))
        for side in ("after", "before"):
            for position, number in enumerate(getattr(link, side)):
                where = locate(("links", index, side, position))
                if number not in known[side]:
                    problems.append(Problem(str(path), where, f"links.{index}.{side}: there is no {names[side]} article {number}"))
                if (side, number) in seen:
                    problems.append(Problem(str(path), where, f"{side} article {number} is already aligned on line {seen[side, number]}"))
                seen[side, number] = where
        if not link.after and not link.before:
            problems.append(Problem(str(path), line, f"links.{index}: name at least one article"))
        low_final, high_final, low_draft, high_draft = SHAPES[link.relation]
        if not (low_final <= len(link.after) <= high_final and low_draft <= len(link.before) <= high_draft):
            counts = f"{len(link.after)} {final.id} and {len(link.before)} {draft.id}"
            relation = repr(link.relation) if link.relation else "(none given)"
            hint = "merged takes 1 after and 2+ before articles; split 2+ after and 1 before; deleted 0 after"
            problems.append(Problem(str(path), line, f"links.{index}: relation {relation} does not fit {counts} articles", hint))
        overrides.append(Override(tuple(link.after), tuple(link.before), link.relation, line))
    return overrides


def _second_sources(
    parsed: AlignmentFile, locate: Locate, draft: Document, final: Document, problems: list[Problem]
) -> tuple[SecondSource, ...]:
    """Each clause names a final and a draft paragraph that exist, and words the final paragraph has."""
    paragraphs = {p.id: p for document in (draft, final) for a in document.articles for p in a.paragraphs}
    found = []
    for index, clause in enumerate(parsed.clauses):
        shown = ALIGNMENT.as_posix()
        for side, document in (("after", final), ("before", draft)):
            if not getattr(clause, side).startswith(document.id + "/") or getattr(clause, side) not in paragraphs:
                message = f"clauses.{index}.{side}: no {document.id} paragraph {getattr(clause, side)}"
                problems.append(Problem(shown, locate(("clauses", index, side)), message))
                break
        else:
            if clause.words not in paragraphs[clause.after].full_text:
                problems.append(
                    Problem(
                        shown, locate(("clauses", index, "words")), f"clauses.{index}.words: {clause.after} does not say {clause.words!r}"
                    )
                )
                continue
            found.append(SecondSource(clause.after, clause.before, clause.words, clause.why))
    return tuple(found)
