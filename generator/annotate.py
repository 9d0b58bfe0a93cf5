"""Load and validate what editors write in annotations/.

Reads: annotations/alignment.yml (editors' alignment overrides). Writes: validated `Override`s, or an
InputError listing every problem with its file and line.

The schema is declarative (pydantic) and published as JSON Schema (schema/alignment.schema.json) for
editors' autocompletion; checks that need the texts (does article 73 exist?) run after it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.align import Override
from generator.errors import InputError, Problem
from generator.model import Document
from generator.yamlfile import validate

ALIGNMENT = Path("annotations") / "alignment.yml"
MANY = 10**6
# How many (final, draft) articles each relation links: (least final, most final, least draft, most draft).
SHAPES: dict[str | None, tuple[int, int, int, int]] = {
    None: (1, 1, 1, 1),  # the texts decide: identical, modified or moved
    "identical": (1, 1, 1, 1),
    "modified": (1, 1, 1, 1),
    "moved": (1, 1, 1, 1),
    "merged": (1, 1, 2, MANY),
    "split": (2, MANY, 1, 1),
    "new": (1, 1, 0, 0),
    "deleted": (0, 0, 1, 1),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reason(_Strict):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class LinkOverride(_Strict):
    """Fix where final article(s) came from. Leave `relation` out to let the texts decide between identical,
    modified and moved; give `deleted` with an empty `final` list for a draft article that went nowhere."""

    final: list[int] = Field(description="Final article numbers; [] for a deleted draft article")
    draft: list[int] = Field(description="Draft article numbers; [] for a new final article")
    relation: Literal["identical", "modified", "moved", "merged", "split", "new", "deleted"] | None = None
    why: Reason


class AlignmentFile(_Strict):
    links: list[LinkOverride] = []


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
