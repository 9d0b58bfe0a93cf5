"""The English edition on the pages: English in both columns, an English redline, the Chinese original a click
away. (That the edition is complete and consistent is `python -m generator check`'s content rules:
tests/test_editorial.py.)"""

from __future__ import annotations

import re

import pytest

from generator.build import Pipeline
from generator.render import front, pages
from generator.render.site import Site

TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def site(pipeline: Pipeline) -> Site:
    return Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)


def test_english_article_page_has_english_columns_a_redline_and_the_chinese(site: Site, pipeline: Pipeline) -> None:
    article = pipeline.corpus.document("final").article(59)
    page = pages.final_article(site, article, "en")
    compare, _, rest = page.partition('<details class="original"')
    compare = compare.partition('<div class="compare">')[2].partition('<div class="parallel"')[0]
    assert 'lang="zh"' not in compare  # both columns are English (the parallel view after them is both languages)
    assert re.search(r'<p class="para"[^>]*lang="en"', compare)
    assert "<del>" in compare and "<ins>" in compare
    assert "Unofficial translation — the Chinese text prevails." in page
    assert "促进数字经济发展工作中出现失误或者偏差" in re.sub(r"<[^>]+>", "", rest)  # the Chinese original, one click away
    english = pipeline.annotations.english("final/59/2")
    assert english and english.split()[0] in compare
    assert 'class="term"' in compare and 'data-tip="' in compare


def test_identical_article_has_no_english_redline(site: Site, pipeline: Pipeline) -> None:
    page = pages.final_article(site, pipeline.corpus.document("final").article(10), "en")
    compare = page.partition('<details class="original"')[0]
    assert "<del>" not in compare and "<ins>" not in compare


@pytest.mark.parametrize(("document", "number"), [("draft", 6), ("heilongjiang", 25), ("heilongjiang", 84)])
def test_english_pages_of_the_other_texts(site: Site, pipeline: Pipeline, document: str, number: int) -> None:
    article = pipeline.corpus.document(document).article(number)
    page = pages.plain_article(site, document, article, "en")
    first = pipeline.annotations.english(article.paragraphs[0].id)
    text = TAG.sub("", page).replace("&#39;", "'").replace("&quot;", '"')  # terms are marked up
    assert first and first[:40] in text
    assert article.paragraphs[0].text[:20] in page  # the Chinese original
    if article.title:
        title = pipeline.annotations.english(f"{article.id}/title")
        assert title and title in page


def test_about_page_shows_coverage(site: Site) -> None:
    page = front.about(site, "en")
    assert re.findall(r"\| (\d+) \| (\d+) \| 100% \|", page) and "| 0%" not in page
