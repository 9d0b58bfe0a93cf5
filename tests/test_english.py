"""The English edition as it stands in annotations/: complete, consistent with the glossary and the Chinese, and
on the pages — English in both columns, an English redline, the Chinese original a click away."""

from __future__ import annotations

import re

import pytest

from generator.annotate import fingerprint
from generator.build import Pipeline, run_pipeline
from generator.checks import check_translations
from generator.render import Renderer
from tests.conftest import ROOT

# Punctuation, and the particle 的, change no meaning an English reader could see (draft 46(2) -> final 39(2)
# adds only a 的: 应对数字化模拟 -> 应对的数字化模拟).
NO_MEANING = re.compile(r"[\s，。、；：？！“”‘’（）《》【】,.;:?!()\"'的]")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return run_pipeline(ROOT)


@pytest.fixture(scope="module")
def renderer(pipeline: Pipeline) -> Renderer:
    return Renderer(pipeline.corpus, pipeline.alignment, pipeline.annotations)


@pytest.mark.parametrize("document", ["final", "draft", "heilongjiang"])
def test_every_unit_is_translated(pipeline: Pipeline, document: str) -> None:
    done, total = pipeline.annotations.coverage(document)
    assert total > 100
    missing = sorted(_unit_ids(pipeline, document) - set(pipeline.annotations.units))
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    assert done == total


def _unit_ids(pipeline: Pipeline, document_id: str) -> set[str]:
    document = pipeline.corpus.document(document_id)
    ids = {chapter.id for chapter in document.chapters}
    for article in document.articles:
        if article.title is not None:
            ids.add(f"{article.id}/title")
        for paragraph in article.paragraphs:
            ids.add(paragraph.id)
            ids.update(item.id for item in paragraph.items)
    return ids


def test_the_translation_checks_pass(pipeline: Pipeline) -> None:
    assert check_translations(pipeline.annotations) == []


def test_the_glossary(pipeline: Pipeline) -> None:
    glossary = pipeline.annotations.glossary
    assert len(glossary) >= 80
    chinese = {form for term in glossary for form in term.chinese}
    assert {"数字经济", "数据要素", "算力", "公共数据", "一网通办", "一网统管", "数字孪生", "包容审慎", "首台（套）"} <= chinese
    for term in glossary:
        assert term.definition is not None, term.zh
        assert re.search(r"[\u4e00-\u9fff]", term.definition.zh) and re.search(r"[A-Za-z]", term.definition.en), term.zh
    assert len({term.en.lower() for term in glossary}) == len(glossary)  # one term, one rendering, and vice versa


def test_changed_chinese_has_changed_english(pipeline: Pipeline) -> None:
    """The English redline must not hide a change: where an aligned draft and final paragraph differ in more than
    punctuation, their English differs too."""
    draft, final = pipeline.corpus.document("draft"), pipeline.corpus.document("final")
    english = pipeline.annotations.english
    hidden = []
    for link in pipeline.alignment.links:
        for row in link.rows:
            if len(row.draft) != 1 or len(row.final) != 1:
                continue
            (da, dp), (fa, fp) = row.draft[0], row.final[0]
            before, after = draft.article(da).paragraphs[dp - 1], final.article(fa).paragraphs[fp - 1]
            if NO_MEANING.sub("", before.text) != NO_MEANING.sub("", after.text) and english(before.id) == english(after.id):
                hidden.append(f"{before.id} -> {after.id}")
    assert not hidden


def test_english_article_page_has_english_columns_a_redline_and_the_chinese(renderer: Renderer, pipeline: Pipeline) -> None:
    article = pipeline.corpus.document("final").article(59)
    page = renderer.final_article(article, "en")
    compare, _, rest = page.partition('<details class="original"')
    compare = compare.partition('<div class="compare">')[2]
    assert 'lang="zh"' not in compare  # both columns are English
    assert re.search(r'<p class="para"[^>]*lang="en"', compare)
    assert "<del>" in compare and "<ins>" in compare
    assert "Unofficial translation — the Chinese text prevails." in page
    assert "促进数字经济发展工作中出现失误或者偏差" in rest  # the Chinese original, one click away
    english = pipeline.annotations.english("final/59/2")
    assert english and english.split()[0] in compare
    assert 'class="term"' in compare and 'data-tip="' in compare


def test_identical_article_has_no_english_redline(renderer: Renderer, pipeline: Pipeline) -> None:
    page = renderer.final_article(pipeline.corpus.document("final").article(10), "en")
    compare = page.partition('<details class="original"')[0]
    assert "<del>" not in compare and "<ins>" not in compare


@pytest.mark.parametrize(("document", "number"), [("draft", 6), ("heilongjiang", 25), ("heilongjiang", 84)])
def test_english_pages_of_the_other_texts(renderer: Renderer, pipeline: Pipeline, document: str, number: int) -> None:
    article = pipeline.corpus.document(document).article(number)
    page = renderer.plain_article(document, article, "en")
    first = pipeline.annotations.english(article.paragraphs[0].id)
    text = TAG.sub("", page).replace("&#39;", "'").replace("&quot;", '"')  # terms are marked up
    assert first and first[:40] in text
    assert article.paragraphs[0].text[:20] in page  # the Chinese original
    if article.title:
        title = pipeline.annotations.english(f"{article.id}/title")
        assert title and title in page


def test_translations_name_the_chinese_they_translate(pipeline: Pipeline) -> None:
    """Every translated unit records the Chinese it was made from (a stale one stops the build: test_annotations)."""
    for unit in pipeline.annotations.units.values():
        assert unit.file.startswith("annotations/") and unit.line > 0
        assert len(fingerprint(unit.zh)) == 8


def test_about_page_shows_coverage(renderer: Renderer) -> None:
    page = renderer.about("en")
    assert re.findall(r"\| (\d+) \| (\d+) \| 100% \|", page) and "| 0%" not in page


def test_every_change_has_a_note_in_both_languages(pipeline: Pipeline) -> None:
    """A change note on each final article whose text changed and on each deleted draft article (the notes are
    checked in test_apparatus; this is about the content being complete)."""
    apparatus = pipeline.annotations.apparatus
    missing = []
    for link in pipeline.alignment.links:
        if link.relation == "deleted":
            wanted = [("draft", number) for number in link.draft]
        else:
            wanted = [("final", number) for number in link.final] if link.changed else []
        for document, number in wanted:
            notes = [n.note for n in apparatus.notes_on(document, number) if n.note.kind == "change"]
            if not notes or not all(note.zh.strip() and note.en.strip() for note in notes):
                missing.append(f"{document}/{number}")
    assert not missing


def test_most_final_articles_link_a_comparable_heilongjiang_provision(pipeline: Pipeline) -> None:
    apparatus = pipeline.annotations.apparatus
    final = pipeline.corpus.document("final").articles
    linked = {
        r.source.article
        for r in apparatus.references
        if r.kind == "comparable" and r.source.document == "final" and r.target.document == "heilongjiang"
    }
    assert len(linked) >= 0.8 * len(final), f"{len(linked)} of {len(final)}"
