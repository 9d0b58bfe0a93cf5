"""National laws as versioned texts: what is known of a law's amendments after the text the site quotes, and
the number each quoted article has today.

Reads: the `amendments:` and `checked:` of a law in annotations/laws.yml (validated in generator/annotations/annotate.py
against the law's text). Writes: nothing; the renderer and the export ask `current_number` and `status`.

A reference is written against the version the texts knew (the law's `source:` in sources.yml); an amendment
that renumbered the law says, range by range, which articles of that version moved by how much and whether
their wording changed. An article in no range has a number that is not established here, and the site says so
rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import Field

from generator.strict import Bilingual, BilingualName, Name, Strict


class Renumbering(Strict):
    """Articles `first` to `last` of the quoted text are articles first+by to last+by of the amended text."""

    first: int = Field(ge=1)
    last: int = Field(ge=1)
    by: int = Field(ge=0, description="How far they moved: 2016 art. 51 + 2 = art. 53")
    wording: Literal["unchanged", "changed"] = Field(description="Whether the amendment changed their words")
    change: Bilingual | None = Field(default=None, description="What changed in the words (for wording: changed)")


class Source(Strict):
    title: Name = Field(description="What it is: a release, a commentary")
    url: str | None = Field(default=None, pattern=r"^https://", description="Only an address you have checked")


class Amendment(Strict):
    """A later decision amending the law: its name, dates, what is known of it and what is not."""

    title: BilingualName = Field(description="The decision's name, e.g. 全国人民代表大会常务委员会关于修改《…》的决定")
    adopted: date
    in_force: date
    known: Bilingual = Field(description="What the editors know of its content, and from where")
    not_verified: Bilingual = Field(description="What the editors have not verified (say it: a reader relies on it)")
    renumbering: list[Renumbering] = Field(default=[], description="The articles whose new number is established")
    sources: list[Source] = Field(default=[], description="Where the editors read it")


@dataclass(frozen=True)
class Current:
    """Where an article of the quoted text stands after the latest amendment."""

    amendment: Amendment
    number: int | None  # None: not established here
    wording: Literal["unchanged", "changed"] | None = None
    change: Bilingual | None = None


def current_number(amendments: list[Amendment], article: int) -> Current | None:
    """The article's number (and wording) after the latest amendment; None if the law was not amended."""
    if not amendments:
        return None
    latest = max(amendments, key=lambda amendment: amendment.in_force)
    for span in latest.renumbering:
        if span.first <= article <= span.last:
            return Current(latest, article + span.by, span.wording, span.change)
    return Current(latest, None)


def renumbering_problems(amendments: list[Amendment], articles: int) -> list[tuple[tuple[int | str, ...], str]]:
    """(location, message) for ranges outside the quoted text, overlapping, reversed or without their change."""
    problems: list[tuple[tuple[int | str, ...], str]] = []
    for index, amendment in enumerate(amendments):
        if amendment.in_force < amendment.adopted:
            problems.append((("amendments", index, "in_force"), "in force before it was adopted"))
        seen: set[int] = set()
        for number, span in enumerate(amendment.renumbering):
            where = ("amendments", index, "renumbering", number)
            if span.first > span.last or span.last > articles:
                problems.append((where, f"articles {span.first} to {span.last}: the quoted text has articles 1 to {articles}"))
            elif seen & set(range(span.first, span.last + 1)):
                problems.append((where, f"articles {span.first} to {span.last} overlap another range"))
            if span.wording == "changed" and span.change is None:
                problems.append((where, "say what changed in their words (change: {zh: …, en: …})"))
            seen |= set(range(span.first, span.last + 1))
    return problems
