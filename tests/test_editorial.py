"""The content rules of `python -m generator check` (generator/rules/editorial.py), each shown failing on content that
breaks it; `check` itself runs on the real annotations in tests/test_cli.py. And the glossary check, made fast,
finds what the plain form of the rule finds."""

from __future__ import annotations

import dataclasses
import re

import pytest

from generator.annotations.annotate import Annotations
from generator.annotations.glossary import GlossaryTerm
from generator.annotations.terms import occurrences, term_pattern
from generator.annotations.translations import Unit
from generator.build import Pipeline
from generator.compare.align import Alignment, align
from generator.corpus.sources import Corpus
from generator.errors import Problem
from generator.rules.checks import glossary_used
from generator.rules.editorial import MIN_GLOSSARY_TERMS, content_problems, hidden_changes


@pytest.fixture(scope="module")
def alignment(corpus: Corpus) -> Alignment:
    return align(corpus.document("draft"), corpus.document("final"))


def messages(problems: list[Problem]) -> list[str]:
    """file:line: message, as check prints them (without the hints under them)."""
    return [str(problem).split("\n")[0] for problem in problems]


def test_an_edition_without_annotations_breaks_every_rule(corpus: Corpus, alignment: Alignment) -> None:
    found = messages(content_problems(corpus, alignment, Annotations()))
    assert "annotations/final/12.yml: not translated yet: final/12/1" in found
    assert "annotations/final/chapters.yml: not translated yet: final/chapter/1, final/chapter/2, final/chapter/3 and 5 more" in found
    assert any(
        line.startswith(f"annotations/glossary.yml: the glossary has 0 terms; the edition wants at least {MIN_GLOSSARY_TERMS}")
        for line in found
    )
    assert any(line.startswith("annotations/final/59.yml: final/59 changed from draft/70 and has no change note") for line in found)
    assert any(line.startswith("annotations/draft/6.yml: draft/6 was deleted and has no change note") for line in found)
    assert any(line.startswith("annotations/final: 0 of 61 final articles link a comparable heilongjiang provision") for line in found)
    unchanged = [a.final[0] for a in alignment.links if a.final and not a.changed]
    assert unchanged and not any(f"final/{number} changed" in line for number in unchanged for line in found)


def test_the_real_edition_keeps_the_rules(pipeline: Pipeline) -> None:
    assert content_problems(pipeline.corpus, pipeline.alignment, pipeline.annotations) == []


def test_a_glossary_rendered_twice_or_defined_in_one_language(pipeline: Pipeline) -> None:
    terms = list(pipeline.annotations.glossary)
    first = terms[0]
    twin = first.model_copy(update={"zh": "某术语", "also": []})
    english_only = terms[1].model_copy(update={"definition": terms[1].definition.model_copy(update={"zh": "only English"})})  # type: ignore[union-attr]
    glossary = (*terms[2:], first, twin, english_only)
    found = messages(content_problems(pipeline.corpus, pipeline.alignment, dataclasses.replace(pipeline.annotations, glossary=glossary)))
    assert f"annotations/glossary.yml: 某术语 and {first.zh} are both rendered {first.en!r}" in "\n".join(found)
    assert f"annotations/glossary.yml: {terms[1].zh}: the definition is not in Chinese (zh) and English (en)" in found


def test_a_change_the_english_hides(pipeline: Pipeline) -> None:
    """Final 49(2) rewrote draft 60(3); giving it the draft's English would hide that in the English redline."""
    row = next(row for row in pipeline.alignment.for_final(49).rows if row.final == ((49, 2),))
    ((draft_article, draft_paragraph),) = row.draft
    draft_id = f"draft/{draft_article}/{draft_paragraph}"
    units = dict(pipeline.annotations.units)
    units["final/49/2"] = dataclasses.replace(units["final/49/2"], en=units[draft_id].en)
    annotations = dataclasses.replace(pipeline.annotations, units=units)
    (problem,) = hidden_changes(pipeline.corpus, pipeline.alignment, annotations)
    assert (problem.file, problem.line) == ("annotations/final/49.yml", units["final/49/2"].line)
    assert problem.message == f"final/49/2: the Chinese differs from {draft_id} but the English is the same"


def glossary_used_plainly(units: list[Unit], glossary: list[GlossaryTerm]) -> list[Problem]:
    """The glossary rule as first written: every term against every unit, the longer terms found anew each time."""
    every = [chinese for term in glossary for chinese in term.chinese]
    problems = []
    for unit in units:
        for term in glossary:
            longer = [other for other in every if len(other) > min(map(len, term.chinese)) and other not in term.chinese]
            found = next(iter(occurrences(unit.zh, term.chinese, longer)), None)
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
                Problem(unit.file, unit.line, f"{unit.id}: the Chinese has {found}; the English should say {term.en!r} (glossary)")
            )
    return problems


def mutated(units: list[Unit], glossary: list[GlossaryTerm]) -> list[Unit]:
    """Every third unit loses the English words of the glossary; every fifth exempts a term it does not need to."""
    changed = []
    for index, unit in enumerate(units):
        if index % 3 == 0:
            english = unit.en
            for term in glossary:
                english = term_pattern(term.en).sub("something", english)
            unit = dataclasses.replace(unit, en=english)
        if index % 5 == 0:
            present = [form for term in glossary for form in term.chinese if form in unit.zh]
            unit = dataclasses.replace(unit, exempt=(*unit.exempt, *present[:1]))
        changed.append(unit)
    return changed


def test_the_fast_glossary_check_finds_what_the_plain_rule_finds(pipeline: Pipeline) -> None:
    units, glossary = list(pipeline.annotations.units.values()), list(pipeline.annotations.glossary)

    def shown(problems: list[Problem]) -> list[tuple[str, int, str]]:
        return [(problem.file, problem.line, problem.message) for problem in problems]

    assert shown(glossary_used(units, glossary)) == shown(glossary_used_plainly(units, glossary)) == []
    broken = mutated(units, glossary)
    found = shown(glossary_used(broken, glossary))
    assert found == shown(glossary_used_plainly(broken, glossary))
    assert len([f for f in found if re.search(r"the English should say", f[2])]) > 100
    assert len([f for f in found if "is not needed" in f[2]]) > 20


def test_every_article_without_a_title_needs_a_caption(pipeline: Pipeline) -> None:
    captions = dict(pipeline.annotations.captions)
    del captions["draft/40"]
    found = messages(content_problems(pipeline.corpus, pipeline.alignment, dataclasses.replace(pipeline.annotations, captions=captions)))
    assert found == ["annotations/draft/40.yml: draft/40 has no caption"]  # Heilongjiang's articles have their 【titles】


def test_a_why_quotes_the_edition_word_for_word(pipeline: Pipeline) -> None:
    """A quotation in a why must stand in the provisions the reference joins (English: the edition's translation)."""
    from generator.annotations.quotations import misquotations, quotations

    assert list(quotations("“数据处理者……应当建立”与第二十七条对应", "zh")) == ["数据处理者", "应当建立"]
    assert list(quotations("the people's government's 'data handlers … shall establish' and \"x y z w\"", "en")) == [
        "data handlers",
        "shall establish",
        "x y z w",
    ]
    annotations = pipeline.annotations
    reference = next(r for r in annotations.apparatus.references if r.why and r.target.law is not None)
    assert reference.why is not None
    wrong = dataclasses.replace(reference, why=reference.why.model_copy(update={"en": "It says 'the State shall never sleep'."}))
    edited = dataclasses.replace(annotations, apparatus=dataclasses.replace(annotations.apparatus, references=(wrong,)))
    found = messages(misquotations(pipeline.corpus, edited))
    assert found == [f"{reference.file}:{reference.line}: why.en quotes 'the State shall never sleep', which is not in the words of "
                     f"{reference.source.id} or {reference.target.id}"]  # fmt: skip
    assert messages(misquotations(pipeline.corpus, annotations)) == []


def test_every_compared_pair_is_reviewed(pipeline: Pipeline) -> None:
    annotations = dataclasses.replace(pipeline.annotations, reviewed={})
    found = messages(content_problems(pipeline.corpus, pipeline.alignment, annotations))
    assert "annotations/final/49.yml:1: final/49: the computed kinds of change are not reviewed" in found
    assert sum("are not reviewed" in line for line in found) == 61


def test_a_rendering_the_glossary_decided_against_is_flagged_in_notes_too(pipeline: Pipeline) -> None:
    """Notes and whys say things in their own words, but never in the words the edition rejected (`avoid:`)."""
    from generator.rules.checks import prose_units, renderings_avoided

    glossary = pipeline.annotations.glossary
    smart = Unit("final/33 note change", "提供智能化公共服务", "It provides smart public services.", "annotations/final/33.yml", 20)
    fine = dataclasses.replace(smart, en="It provides intelligent public services.")
    paraphrase = dataclasses.replace(smart, en="It provides public services by digital means.")
    found = messages(renderings_avoided([smart, fine, paraphrase], glossary))
    assert found == [
        "annotations/final/33.yml:20: final/33 note change: the English says 'smart' for 智能, a rendering the glossary decided against"
    ]
    annotations = pipeline.annotations
    assert renderings_avoided([*annotations.units.values(), *prose_units(annotations)], glossary) == []
