"""Checks that keep the translations true to the Chinese.

Reads: the loaded `Annotations` (translated units, each with its Chinese, English, file and line) and the
glossary. Writes: `Problem`s, each naming the annotation file and line of the unit at fault:

- identical Chinese, identical English: the same Chinese anywhere in the three texts is translated the same
  way, so the English redline shows only what the Chinese changed;
- numbers kept: every Arabic number and date in the Chinese appears in the English (2023年12月31日 as
  December 31, 2023), and every article reference (第十二条) as "Article 12";
- glossary used: a unit whose Chinese contains a glossary term uses the term's English rendering (plural and
  capitalization aside), unless the unit carries a reviewed exemption for it;
- renderings avoided: nowhere — translations, notes, whys — does the English use a rendering the glossary
  decided against (`avoid:`) where the Chinese has the term (notes and whys say things in their own words, so
  they are held to this, not to using the rendering).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from generator.annotations.annotate import Annotations
from generator.annotations.apparatus import LINK_TARGET
from generator.annotations.glossary import GlossaryTerm
from generator.annotations.terms import occurrences, term_pattern
from generator.annotations.translations import Unit
from generator.corpus.numerals import NUMERAL_CHARS, parse_numeral
from generator.errors import Problem

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
ARTICLE_REFERENCE = re.compile(rf"第([{NUMERAL_CHARS}]+)条")


def identical_chinese_identical_english(units: Iterable[Unit]) -> list[Problem]:
    by_chinese: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_chinese[unit.zh].append(unit)
    problems = []
    for group in by_chinese.values():
        renderings = {unit.en for unit in group}
        if len(renderings) > 1:
            first = group[0]
            for unit in group[1:]:
                if unit.en != first.en:
                    problems.append(
                        Problem(
                            unit.file,
                            unit.line,
                            f"{unit.id}: the same Chinese as {first.id} ({first.file}:{first.line}) is translated differently",
                            "identical Chinese must have identical English, so that the English redline shows only real changes",
                        )
                    )
    return problems


def _date_written(year: str, month: str, day: str, english: str) -> bool:
    name = MONTHS[int(month) - 1]
    return bool(re.search(rf"{name}\s+{int(day)},\s+{year}|{int(day)}\s+{name}\s+{year}", english))


def numbers_kept(units: Iterable[Unit]) -> list[Problem]:
    problems = []
    for unit in units:
        missing = []
        chinese = unit.zh
        for year, month, day in DATE.findall(chinese):
            if not _date_written(year, month, day, unit.en):
                missing.append(f"{year}年{month}月{day}日")
        for number in NUMBER.findall(DATE.sub("", chinese)):
            if not re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.]\d)", unit.en):
                missing.append(number)
        for numeral in ARTICLE_REFERENCE.findall(chinese):
            if not re.search(rf"\bArticles?\s+{parse_numeral(numeral)}\b", unit.en, re.IGNORECASE):
                missing.append(f"第{numeral}条 (Article {parse_numeral(numeral)})")
        if missing:
            problems.append(
                Problem(
                    unit.file,
                    unit.line,
                    f"{unit.id}: the English lacks {', '.join(missing)}",
                    "numbers, dates and article references are kept",
                )
            )
    return problems


def glossary_used(units: Iterable[Unit], glossary: Iterable[GlossaryTerm]) -> list[Problem]:
    """Each unit uses the rendering of each term its Chinese contains, unless it carries an exemption; and an
    exemption that is not needed (the term is not there as a term, or its rendering is used after all) is
    flagged too, so that exemptions stay few and true."""
    terms = list(glossary)
    every = [chinese for term in terms for chinese in term.chinese]
    # The longer terms a use of each term may sit inside: made once per term, not once per unit.
    longer = [[other for other in every if len(other) > min(map(len, term.chinese)) and other not in term.chinese] for term in terms]
    problems = []
    for unit in units:
        for term, inside in zip(terms, longer, strict=True):
            if not any(chinese in unit.zh or chinese in unit.exempt for chinese in term.chinese):
                continue  # neither used nor exempted here: nothing to check
            found = next(iter(occurrences(unit.zh, term.chinese, inside)), None)
            exempted = next((chinese for chinese in term.chinese if chinese in unit.exempt), None)
            used = any(term_pattern(english).search(unit.en) for english in [term.en, *term.forms])
            if exempted is not None and (found is None or used):
                why = "uses its rendering anyway" if used else f"has {exempted} only inside a longer term"
                problems.append(
                    Problem(unit.file, unit.line, f"{unit.id}: the exemption for {exempted} is not needed: the unit {why}", "remove it")
                )
            if found is None or exempted is not None or used:
                continue
            problems.append(
                Problem(
                    unit.file,
                    unit.line,
                    f"{unit.id}: the Chinese has {found}; the English should say {term.en!r} (glossary)",
                    f"use the glossary's rendering, or, where grammar forbids it, add to this entry: "
                    f"glossary_exempt: [{{term: {found}, why: …}}]",
                )
            )
    return problems


def prose_units(annotations: Annotations) -> list[Unit]:
    """The editors' own bilingual prose as units: each note and each reference's why (links' targets left out)."""
    units = []
    for placed in annotations.apparatus.notes:
        note = placed.note
        exempt = tuple(exemption.term for exemption in note.glossary_exempt)
        zh, en = LINK_TARGET.sub("", note.zh), LINK_TARGET.sub("", note.en)
        units.append(Unit(f"{placed.target.id} note {note.id}", zh, " ".join(en.split()), placed.file, placed.line, exempt))
    for reference in annotations.apparatus.references:
        if reference.why is not None:
            unit_id = f"{reference.source.id} → {reference.target.id} why"
            units.append(Unit(unit_id, reference.why.zh, reference.why.en, reference.file, reference.line, reference.glossary_exempt))
    return units


def renderings_avoided(units: Iterable[Unit], glossary: Iterable[GlossaryTerm]) -> list[Problem]:
    """Where the Chinese has a term, the English does not use a rendering the glossary decided against (`avoid:`):
    in translations, and in the editors' own prose, whose English says things in its own words but never in the
    words the edition rejected ('smart' for 智能, 'data processing' for 数据处理)."""
    terms = list(glossary)
    every = [chinese for term in terms for chinese in term.chinese]
    # Each decided term with the longer terms a use of it may sit inside: made once per term, as in glossary_used.
    decided = [
        (term, [other for other in every if len(other) > min(map(len, term.chinese)) and other not in term.chinese])
        for term in terms
        if term.avoid
    ]
    problems = []
    for unit in units:
        for term, inside in decided:
            if not any(chinese in unit.zh for chinese in term.chinese) or any(chinese in unit.exempt for chinese in term.chinese):
                continue
            if not occurrences(unit.zh, term.chinese, inside):
                continue
            rejected = next((word for word in term.avoid if term_pattern(word).search(unit.en)), None)
            if rejected is not None and not any(term_pattern(english).search(unit.en) for english in [term.en, *term.forms]):
                message = f"{unit.id}: the English says {rejected!r} for {term.zh}, a rendering the glossary decided against"
                problems.append(Problem(unit.file, unit.line, message, f"say {term.en!r} (glossary: {term.zh})"))
    return problems


def check_translations(annotations: Annotations) -> list[Problem]:
    units = list(annotations.units.values())
    return [
        *annotations.unfinished,
        *identical_chinese_identical_english(units),
        *numbers_kept(units),
        *renderings_avoided([*units, *prose_units(annotations)], annotations.glossary),
        *glossary_used(units, annotations.glossary),
    ]
