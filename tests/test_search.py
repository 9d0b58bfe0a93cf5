"""Search in a real browser: Pagefind's per-language index through the site's search box.

Queries: ../shared/eval/search-queries.tsv (the project's evaluation set, copied as tests/data/eval-queries.tsv)
and tests/data/search-queries.tsv (ours: topics, terms and article numbers in both languages). For each, one
of the expected final articles must be among the first three results of the query's language.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DATA = ROOT / "tests" / "data"
# Pagefind 1.5.x misses these words on the pages that hold them (a recall regression in its Chinese index,
# cf. pagefind#1237; 1.4.0 finds them but ranks others worse): kept here so a fixed Pagefind is noticed.
KNOWN_MISSES = {("zh", "一网通办"), ("zh", "跨境电商")}


def queries(name: str) -> list[tuple[str, str, list[int]]]:
    with (DATA / name).open(encoding="utf-8") as file:
        return [
            (row["lang"], row["query"], [int(n) for n in row["expected_final_articles"].split(",")])
            for row in csv.DictReader(file, delimiter="\t")
        ]


@pytest.fixture(scope="module")
def pages(browser: Browser, base_url: str) -> Iterator[dict[str, Page]]:
    context = browser.new_context()
    opened = {}
    for language, path in (("zh", "/"), ("en", "/en/")):
        opened[language] = context.new_page()
        opened[language].goto(base_url + path)
    yield opened
    context.close()


def top(page: Page, query: str, count: int = 3) -> list[str]:
    found = page.evaluate("async q => (await window.siteSearch(q, 5)).results.map(r => r.url)", query)
    return list(found)[:count]


def articles(urls: list[str]) -> list[int]:
    return [int(m.group(1)) for url in urls if (m := re.search(r"/articles/(\d+)/$", url))]


def test_the_evaluation_set_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "eval" / "search-queries.tsv"
    if shared.exists():  # beside the project on the team's machines; the copy here is what CI has
        assert shared.read_text(encoding="utf-8") == (DATA / "eval-queries.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "query", "expected"), queries("eval-queries.tsv"))
def test_evaluation_queries_find_their_article_in_the_top_three(
    pages: dict[str, Page], language: str, query: str, expected: list[int]
) -> None:
    urls = top(pages[language], query)
    assert set(articles(urls)) & set(expected), urls
    assert all(("/en/" in url) == (language == "en") for url in urls)  # each language searches its own pages


@pytest.mark.parametrize(("language", "query", "expected"), queries("search-queries.tsv"))
def test_our_queries_find_their_article_in_the_top_three(pages: dict[str, Page], language: str, query: str, expected: list[int]) -> None:
    if (language, query) in KNOWN_MISSES:
        pytest.xfail("Pagefind 1.5 Chinese recall regression")
    urls = top(pages[language], query)
    assert set(articles(urls)) & set(expected), urls
    assert all(("/en/" in url) == (language == "en") for url in urls)


@pytest.mark.parametrize(("language", "query"), [("zh", "数据安全"), ("en", "data security"), ("en", "Article 28")])
def test_excerpts_hold_the_text_not_permalink_marks(pages: dict[str, Page], language: str, query: str) -> None:
    """The ¶ of headings and paragraphs is left out of the index, so excerpts read as the text does."""
    excerpts = pages[language].evaluate("async q => (await window.siteSearch(q, 10)).results.map(r => r.excerpt)", query)
    assert len(excerpts) >= 5
    assert not [excerpt for excerpt in excerpts if "¶" in excerpt]


def test_the_search_box(browser: Browser, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/articles/5/")
    page.keyboard.press("/")  # Material's shortcut opens the search
    query = page.locator("#site-search-query")
    expect(query).to_be_focused()
    query.fill("养老服务")
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("第四十条")  # a clean title
    expect(first.locator("mark").first).to_contain_text("养老")  # the words found, highlighted
    page.screenshot(path=str(tmp_path / "search-zh.png"))
    query.press("ArrowDown")
    expect(first.locator("a")).to_be_focused()
    query.focus()
    query.press("Enter")
    expect(page).to_have_url(f"{base_url}/articles/40/")
    page.wait_for_load_state("load")  # the shortcuts work once the page's (deferred) scripts have run
    page.keyboard.press("s")
    expect(query).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.close()


def test_english_search_box_finds_english_pages(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{base_url}/en/")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("#site-search-query").fill("Article 12")
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("Article 12")
    expect(first.locator("a")).to_have_attribute("href", re.compile(r"/en/articles/12/$"))
    page.wait_for_function("document.documentElement.scrollWidth <= 360")  # once the overlay has opened
    page.close()
