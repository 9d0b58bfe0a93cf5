"""The edition's content rules: what the texts, translations and notes must have before they are published.

Reads: the corpus, the alignment and the annotations (all valid). Writes: `Problem`s naming the annotation file
to work in. `python -m generator check`, which editors run and CI runs, reports them beside the translation
checks (generator/rules/checks.py); the build does not stop for them, so a preview still shows work in progress.

- every paragraph, item, article title and chapter title of every document is translated;
- every article of a document whose articles carry no 【title】 has an editorial caption in both languages;
- every national-law provision a reference cites is translated (the English pages show it in place);
- the glossary has at least MIN_GLOSSARY_TERMS terms, each defined in both languages, each rendered its own way;
- where an aligned draft and final paragraph differ in meaning, their English differs too (else the English
  redline would hide the change);
- every final article whose wording changed, and every deleted draft article, has a change note in both
  languages;
- every final article compared with a draft has its computed kinds of change reviewed by the editors (a date);
- words in quotation marks in a reference's `why` are the quoted text's own (generator/annotations/quotations.py);
- at least MIN_COMPARABLE_SHARE of the final articles link a comparable provision of the Heilongjiang draft.
"""

from __future__ import annotations

import re

from generator.annotations.annotate import Annotations
from generator.annotations.glossary import GLOSSARY
from generator.annotations.quotations import misquotations
from generator.compare.align import Alignment
from generator.corpus.sources import Corpus
from generator.errors import Problem

MIN_GLOSSARY_TERMS = 80
MIN_COMPARABLE_SHARE = 0.8  # of the later text's articles linking a comparable provision of the first further document
# Punctuation, and the particle 的, change no meaning an English reader could see (draft 46(2) -> final 39(2)
# adds only a 的: 应对数字化模拟 -> 应对的数字化模拟).
NO_MEANING = re.compile(r"[\s，。、；：？！“”‘’（）《》【】,.;:?!()\"'的]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def content_problems(corpus: Corpus, alignment: Alignment, annotations: Annotations) -> list[Problem]:
    """The editorial rules of what the edition declares (sources.yml edition:). An edition published in English
    is a finished edition: every text translated and captioned, every change noted in both languages and its kinds
    reviewed, a glossary. A Chinese-only edition is held to what needs no English: quotations as written."""
    if "en" not in corpus.catalogue.edition.languages:
        return misquotations(corpus, annotations)
    return [
        *untranslated(corpus, annotations),
        *uncaptioned(corpus, annotations),
        *untranslated_law_provisions(corpus, annotations),
        *glossary_problems(annotations),
        *hidden_changes(corpus, alignment, annotations),
        *missing_change_notes(corpus, alignment, annotations),
        *unreviewed_changes(corpus, alignment, annotations),
        *misquotations(corpus, annotations),
        *few_comparable_provisions(corpus, annotations),
    ]


def _file(document_id: str, article: int | None = None) -> str:
    return f"annotations/{document_id}/{article}.yml" if article is not None else f"annotations/{document_id}/chapters.yml"


def untranslated(corpus: Corpus, annotations: Annotations) -> list[Problem]:
    """One problem per file with untranslated units, naming the first few."""
    problems = []
    for entry in corpus.catalogue.documents:
        document = corpus.document(entry.id)
        wanted: dict[str, list[str]] = {}
        for chapter in document.chapters:
            wanted.setdefault(_file(entry.id), []).append(chapter.id)
        for article in document.articles:
            ids = ([f"{article.id}/title"] if article.title is not None else []) + [unit.id for unit in article.units()]
            wanted.setdefault(_file(entry.id, article.number), []).extend(ids)
        for file, ids in wanted.items():
            missing = [unit_id for unit_id in ids if unit_id not in annotations.units]
            if missing:
                shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
                hint = f"python -m generator stub {entry.id} writes a skeleton to fill in"
                problems.append(Problem(file, 0, f"not translated yet: {shown}", hint))
    return problems


def uncaptioned(corpus: Corpus, annotations: Annotations) -> list[Problem]:
    """One problem per article without a caption, in the documents whose articles have no titles of their own."""
    problems = []
    for entry in corpus.catalogue.documents:
        articles = corpus.document(entry.id).articles
        if any(article.title is not None for article in articles):
            continue  # the text names its articles (Heilongjiang's 【titles】)
        for article in articles:
            if article.id not in annotations.captions:
                hint = "add caption: {zh: …, en: …} — a few words naming what the article is about"
                problems.append(Problem(_file(entry.id, article.number), 0, f"{article.id} has no caption", hint))
    return problems


def untranslated_law_provisions(corpus: Corpus, annotations: Annotations) -> list[Problem]:
    """One problem per cited national-law article not wholly translated (its page shows the whole article)."""
    wanted: dict[tuple[str, int], set[str]] = {}
    for reference in annotations.apparatus.references:
        law, number = reference.target.law, reference.target.law_article
        if law is None or law.source is None or number is None:
            continue
        wanted.setdefault((law.source, number), set()).add(reference.source.id)
    problems = []
    for (source, number), citing in sorted(wanted.items()):
        missing = [unit.id for unit in corpus.laws[source].article(number).units() if unit.id not in annotations.units]
        if missing:
            hint = f"python -m generator stub {source} writes a skeleton for each cited article"
            message = f"{source}/{number} is cited by {', '.join(sorted(citing))}; not translated yet: {', '.join(missing[:3])}"
            problems.append(Problem(f"annotations/laws/{source}/{number}.yml", 0, message, hint))
    return problems


def glossary_problems(annotations: Annotations) -> list[Problem]:
    glossary = annotations.glossary
    problems = []
    if len(glossary) < MIN_GLOSSARY_TERMS:
        message = f"the glossary has {len(glossary)} terms; the edition wants at least {MIN_GLOSSARY_TERMS}"
        problems.append(Problem(GLOSSARY.as_posix(), 0, message, "add the terms the translations rely on, with definitions"))
    seen: dict[str, str] = {}
    for term in glossary:
        if term.definition is not None and not (HAN.search(term.definition.zh) and LATIN.search(term.definition.en)):
            problems.append(Problem(GLOSSARY.as_posix(), 0, f"{term.zh}: the definition is not in Chinese (zh) and English (en)"))
        rendering = term.en.lower()
        if rendering in seen:
            message = f"{term.zh} and {seen[rendering]} are both rendered {term.en!r}"
            problems.append(Problem(GLOSSARY.as_posix(), 0, message, "one rendering for each term, and one term for each rendering"))
        seen[rendering] = term.zh
    return problems


def hidden_changes(corpus: Corpus, alignment: Alignment, annotations: Annotations) -> list[Problem]:
    draft, final = corpus.before, corpus.after
    problems = []
    for link in alignment.links:
        for row in link.rows:
            if len(row.draft) != 1 or len(row.final) != 1:
                continue
            (da, dp), (fa, fp) = row.draft[0], row.final[0]
            before, after = draft.article(da).paragraphs[dp - 1], final.article(fa).paragraphs[fp - 1]
            english = annotations.english(after.id)
            if english and NO_MEANING.sub("", before.text) != NO_MEANING.sub("", after.text) and annotations.english(before.id) == english:
                unit = annotations.units[after.id]
                message = f"{after.id}: the Chinese differs from {before.id} but the English is the same"
                problems.append(Problem(unit.file, unit.line, message, "translate the change, so that the English redline shows it"))
    return problems


def missing_change_notes(corpus: Corpus, alignment: Alignment, annotations: Annotations) -> list[Problem]:
    before, after = corpus.catalogue.edition.compared
    problems = []
    for link in alignment.links:
        if link.relation == "deleted":
            wanted = [(before, number) for number in link.draft]
        else:
            wanted = [(after, number) for number in link.final] if link.changed else []
        for document, number in wanted:
            notes = [n.note for n in annotations.apparatus.notes_on(document, number) if n.note.kind == "change"]
            if not notes or not all(note.zh.strip() and note.en.strip() for note in notes):
                what = "was deleted" if link.relation == "deleted" else "changed from " + ", ".join(f"{before}/{d}" for d in link.draft)
                hint = "add notes: [{id: change, kind: change, author: …, date: …, zh: …, en: …}] saying what the change does"
                problems.append(Problem(_file(document, number), 0, f"{document}/{number} {what} and has no change note", hint))
    return problems


def unreviewed_changes(corpus: Corpus, alignment: Alignment, annotations: Annotations) -> list[Problem]:
    """Every article of the later text compared with one of the earlier has had its computed kinds of change read
    by the editors."""
    after = corpus.catalogue.edition.after
    problems = []
    for link in alignment.links:
        if not (link.draft and link.final):
            continue
        for number in link.final:
            if f"{after}/{number}" not in annotations.reviewed:
                message = f"{after}/{number}: the computed kinds of change are not reviewed"
                hint = "read both texts, confirm the kinds or correct them under changes:, then add reviewed: YYYY-MM-DD"
                problems.append(Problem(_file(after, number), 1, message, hint))
    return problems


def few_comparable_provisions(corpus: Corpus, annotations: Annotations) -> list[Problem]:
    edition = corpus.catalogue.edition
    if not corpus.catalogue.others:
        return []
    compared_with, after = corpus.catalogue.others[0], edition.after
    final = corpus.after.articles
    linked = {
        r.source.article
        for r in annotations.apparatus.references
        if r.kind == "comparable" and r.source.document == after and r.target.document == compared_with
    }
    if len(linked) >= MIN_COMPARABLE_SHARE * len(final):
        return []
    message = f"{len(linked)} of {len(final)} {after} articles link a comparable {compared_with} provision"
    message += f"; the edition wants {MIN_COMPARABLE_SHARE:.0%}"
    hint = f"python -m generator suggest {after} lists candidates by wording; add references: [{{to: {compared_with}/N, kind: comparable}}]"
    return [Problem(f"annotations/{after}", 0, message, hint)]
