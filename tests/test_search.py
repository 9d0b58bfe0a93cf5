"""Search in a real browser, through the site's search box (docs/assets/search.js over Pagefind).

- The box as people use it: a mouse click at 1280 px, a tap at 390 px, the keyboard; results a person can see.
- Every phrase finds its page: spans sampled from every article of the three texts (seeded: SEARCH_SEED changes
  the sample), in both languages, through the code the box runs and, for a share, typed into the box.
- Citations in every form the copy buttons make, and the forms readers write, go to their paragraph.
- Across languages through the glossary; bad queries; clean excerpts; results that name document and paragraph.
- The evaluation queries: ../shared/eval/search-queries.tsv (copied as tests/data/eval-queries.tsv) and ours
  (tests/data/search-queries.tsv): one of the expected final articles among the first three.
"""

from __future__ import annotations

import csv
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.build import Pipeline
from generator.render.apparatus import citation
from generator.render.columns import lines_of
from generator.render.searchtext import characters, grams
from generator.render.site import Site
from generator.render.urls import anchor, page_of
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DATA = ROOT / "tests" / "data"
SEED = int(os.environ.get("SEARCH_SEED", "2026"))


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
        opened[language].wait_for_load_state("load")
    yield opened
    context.close()


def search(page: Page, query: str, limit: int = 5, document: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate("async ([q, n, d]) => await window.siteSearch(q, n, d)", [query, limit, document])
    return found


def urls(page: Page, query: str, count: int = 3) -> list[str]:
    return [result["url"] for result in search(page, query)["results"]][:count]


def articles(found: list[str]) -> list[int]:
    return [int(m.group(1)) for url in found if (m := re.search(r"/articles/(\d+)/(?:#.*)?$", url))]


def test_the_evaluation_set_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "eval" / "search-queries.tsv"
    if shared.exists():  # beside the project on the team's machines; the copy here is what CI has
        assert shared.read_text(encoding="utf-8") == (DATA / "eval-queries.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "query", "expected"), [*queries("eval-queries.tsv"), *queries("search-queries.tsv")])
def test_the_evaluation_queries_find_their_article_in_the_top_three(
    pages: dict[str, Page], language: str, query: str, expected: list[int]
) -> None:
    found = urls(pages[language], query)
    assert set(articles(found)) & set(expected), found
    assert all(("/en/" in url) == (language == "en") for url in found)  # each language searches its own pages


# -- every phrase finds its page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """An indexed article page: its own lines (paragraphs, items, title), and every text it is found by (those
    and its notes; a final article's page shows the draft beside it but is not found by it)."""

    url: str
    own: tuple[str, ...]
    texts: tuple[str, ...]


def holders(pipeline: Pipeline, language: str) -> list[Holder]:
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    english = site.english(language)
    prefix = "/en/" if language == "en" else "/"
    found = []
    for document_id, document in site.documents.items():
        for article in document.articles:
            own = [line.text for line in lines_of(article, english=english)]
            if article.title:
                own.append(site.article_title(article, language) or article.title)
            notes = [getattr(n.note, language) for n in site.annotations.apparatus.notes_on(document_id, article.number)]
            url = prefix + page_of(document_id, article.number, "final").removesuffix(".md") + "/"
            found.append(Holder(url, tuple(own), tuple(own + notes)))
    return found


def holds(holder: Holder, span: str, language: str) -> bool:
    if language == "zh":
        wanted = "".join(characters(span))
        return any(wanted in "".join(characters(text)) for text in holder.texts)
    words = re.findall(r"[a-z0-9]+", span.lower())
    return any(" ".join(words) in " ".join(re.findall(r"[a-z0-9]+", text.lower())) for text in holder.texts)


def spans(pipeline: Pipeline, language: str, seed: int) -> list[tuple[str, str]]:
    """(page, span): one span from every article of the three texts — Chinese of 2 to 12 characters, English of
    1 to 4 words — from the text of a paragraph or item, chosen by `seed`."""
    chooser = random.Random(f"{seed}-{language}")
    chosen = []
    for holder in holders(pipeline, language):
        text = chooser.choice(holder.own)
        if language == "zh":
            length = chooser.randint(2, min(12, len(text)))
            start = chooser.randint(0, len(text) - length)
            span = text[start : start + length]
            if len(characters(span)) < 2:
                continue
        else:
            words = text.split()
            length = chooser.randint(1, min(4, len(words)))
            start = chooser.randint(0, len(words) - length)
            span = " ".join(words[start : start + length])
            if not re.search(r"[A-Za-z0-9]", span):
                continue
        chosen.append((holder.url, span))
    return chosen


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url).split("#")[0]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_phrase_finds_a_page_that_holds_it(pages: dict[str, Page], pipeline: Pipeline, language: str) -> None:
    """A span of every article of the three texts brings a page that holds it into the first three results."""
    everyone = holders(pipeline, language)
    sample = spans(pipeline, language, SEED)
    assert len(sample) > 200
    missed = []
    for page_url, span in sample:
        found = [path_of(url) for url in urls(pages[language], span)]
        holding = {holder.url for holder in everyone if holds(holder, span, language)}
        assert page_url in holding, (page_url, span)  # the sample is true to the model
        if not holding & set(found):
            missed.append((span, page_url, found))
    assert missed == [], f"{len(missed)} of {len(sample)} missed, e.g. {missed[:5]}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_phrases_typed_into_the_box_after_a_click_show_a_page_that_holds_them(
    browser: Browser, base_url: str, pipeline: Pipeline, language: str
) -> None:
    everyone = holders(pipeline, language)
    sample = random.Random(SEED).sample(spans(pipeline, language, SEED), 8)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + ("/en/" if language == "en" else "/"))
    page.wait_for_load_state("load")
    box = page.locator("#site-search-query")
    for _, span in sample:
        box.click()
        box.fill("")
        box.press_sequentially(span, delay=5)
        shown = page.locator(".md-search-result__item a").filter(visible=True)
        expect(shown.first).to_be_visible()
        page.wait_for_timeout(250)  # the results of the last keystroke
        hrefs = [path_of(href or "") for href in shown.evaluate_all("links => links.slice(0, 3).map(a => a.getAttribute('href'))")]
        holding = {holder.url for holder in everyone if holds(holder, span, language)}
        assert holding & set(hrefs), (span, hrefs)
        page.keyboard.press("Escape")
    page.close()


def test_the_index_and_the_box_make_the_same_pairs_of_characters(pages: dict[str, Page], pipeline: Pipeline) -> None:
    texts = [unit.text for article in pipeline.corpus.document("heilongjiang").articles for unit in article.units()]
    texts += ["５Ｇ基站、App和“数据”！", "A\u3000b", "𠀀𠀁汉字"]  # full-width, spaces, characters beyond the BMP
    assert pages["zh"].evaluate("texts => texts.map(t => window.siteSearchGrams(t))", texts) == [list(grams(text)) for text in texts]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_verbatim_before_words_apart_and_the_final_text_first(pages: dict[str, Page], pipeline: Pipeline, language: str) -> None:
    """A phrase of final 45 that its draft (draft 56) holds too: the first result holds it verbatim, marked, and
    is the final text; pages that hold only its words come after every page that holds it verbatim."""
    everyone = holders(pipeline, language)
    text = (
        (pipeline.annotations.english("final/45/1") or "")
        if language == "en"
        else pipeline.corpus.document("final").article(45).paragraphs[0].text
    )
    phrase = " ".join(text.split()[24:29]) if language == "en" else text[60:68]
    found = search(pages[language], phrase, 10)["results"]
    verbatim = [any(holds(h, phrase, language) for h in everyone if h.url == path_of(r["url"])) for r in found]
    assert verbatim[0] and found[0]["document"] == ("Final text" if language == "en" else "终稿全文"), (phrase, found[0])
    assert "<mark>" in found[0]["excerpt"]
    assert verbatim == sorted(verbatim, reverse=True), (phrase, [r["url"] for r in found])


def test_a_result_links_to_its_paragraph_and_names_it(pages: dict[str, Page], pipeline: Pipeline) -> None:
    """Named by the article, the paragraph and the editors' caption (in brackets: an editorial addition)."""
    text = pipeline.corpus.document("final").article(59).paragraphs[1].text
    caption = pipeline.annotations.captions["final/59"]
    first = search(pages["zh"], text[5:15])["results"][0]
    assert first["url"] == "/articles/59/#p2" and first["meta"]["title"] == f"第五十九条第二款 ［{caption.zh}］"
    english = pipeline.annotations.english("final/59/2") or ""
    first = search(pages["en"], " ".join(english.split()[2:7]))["results"][0]
    assert first["url"] == "/en/articles/59/#p2" and first["meta"]["title"] == f"Article 59(2) [{caption.en}]"


def test_an_article_is_not_found_by_the_text_it_quotes(pages: dict[str, Page], pipeline: Pipeline) -> None:
    """Final 45 quotes Heilongjiang 30(2) among its references; those words find Heilongjiang 30, not final 45."""
    quoted = pipeline.corpus.document("heilongjiang").article(30).paragraphs[1].text
    own = pipeline.corpus.document("final").article(45).full_text
    phrase = next(quoted[i : i + 8] for i in range(len(quoted) - 8) if quoted[i : i + 8] not in own)
    found = [path_of(url) for url in urls(pages["zh"], phrase, 10)]
    assert "/heilongjiang/30/" in found and "/articles/45/" not in found


def test_excerpts_hold_the_text_and_nothing_hidden(pages: dict[str, Page]) -> None:
    for language, query in (("zh", "数据安全"), ("en", "data security"), ("zh", "市人民政府"), ("en", "Article 28 data")):
        excerpts = [result["excerpt"] for result in search(pages[language], query, 10)["results"]]
        assert len(excerpts) >= 3, query
        for excerpt in excerpts:
            assert "¶" not in excerpt and not re.search(r"\bzq[a-z]+\b", excerpt) and "\u200b" not in excerpt
            assert not re.search(r"[\u4e00-\u9fff]，[\u4e00-\u9fff]{1,2}，[\u4e00-\u9fff]{1,2}，", excerpt), excerpt  # no word lists


def test_the_search_can_be_narrowed_to_one_document(pages: dict[str, Page]) -> None:
    everywhere = [path_of(url) for url in urls(pages["zh"], "数字经济", 10)]
    assert any(url.startswith("/articles/") for url in everywhere)
    drafts = [path_of(result["url"]) for result in search(pages["zh"], "数字经济", 10, "draft")["results"]]
    assert drafts and all(url.startswith("/draft/") for url in drafts)


# -- citations -------------------------------------------------------------------------------------------------


def copied_citations(pipeline: Pipeline, language: str) -> list[tuple[str, str]]:
    """(citation, where it must land) for every citation the copy buttons of the final text's pages give."""
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    prefix = "/en/" if language == "en" else "/"
    found = []
    for article in site.documents["final"].articles:
        page = prefix + page_of("final", article.number, "final").removesuffix(".md") + "/"
        found.append((citation(site, "final", article, "", language), page))
        places = [anchor(p.number) for p in article.paragraphs] + [anchor(p.number, i.number) for p in article.paragraphs for i in p.items]
        for place in places:
            cited = citation(site, "final", article, place, language)
            one_paragraph = len(article.paragraphs) == 1 and "-" not in place  # cited as the article
            found.append((cited, page if one_paragraph else f"{page}#{place}"))
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_copied_citation_lands_on_its_paragraph(pages: dict[str, Page], pipeline: Pipeline, language: str) -> None:
    cited = copied_citations(pipeline, language)
    assert len(cited) > 150
    wrong = [(text, where, got) for text, where in cited if (got := urls(pages[language], text, 1)) != [where]]
    assert wrong == []


def test_a_pasted_citation_opens_its_paragraph(browser: Browser, base_url: str, pipeline: Pipeline) -> None:
    caption = pipeline.annotations.captions["final/59"].zh
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "/")
    page.wait_for_load_state("load")
    box = page.locator("#site-search-query")
    box.click()
    box.fill("《石家庄市数字经济促进条例》第五十九条第二款第三项")
    expect(page.locator(".md-search-result__item").first.locator("h1")).to_have_text(f"第五十九条第二款第三项 ［{caption}］")
    box.press("Enter")
    expect(page).to_have_url(f"{base_url}/articles/59/#p2-3")
    page.close()


@pytest.mark.parametrize(
    ("language", "query", "where"),
    [
        ("zh", "第五十九条第二款第三项", "/articles/59/#p2-3"),
        ("zh", "第59条第2款", "/articles/59/#p2"),
        ("zh", "59条", "/articles/59/"),
        ("zh", "征求意见稿第十四条第二款", "/draft/14/#p2"),
        ("zh", "黑龙江省征求意见稿第十条", "/heilongjiang/10/"),
        ("zh", "第十二条", "/articles/12/"),
        ("en", "art. 59(2), item (3)", "/en/articles/59/#p2-3"),
        ("en", "Article 59(2)(3)", "/en/articles/59/#p2-3"),
        ("en", "Art. 37(1)", "/en/articles/37/#p1"),
        ("en", "Draft Article 14(2)", "/en/draft/14/#p2"),
        ("en", "Heilongjiang Draft Article 10", "/en/heilongjiang/10/"),
        ("en", "Article 12", "/en/articles/12/"),
    ],
)
def test_the_citations_readers_write(pages: dict[str, Page], language: str, query: str, where: str) -> None:
    assert urls(pages[language], query, 1) == [where]


@pytest.mark.parametrize(
    ("language", "query", "says"),
    [
        ("zh", "第九十九条", "没有第九十九条"),
        ("zh", "第五十九条第九款", "没有第五十九条第九款"),
        ("en", "Art. 37(9)", "there is no Article 37(9)"),
    ],
)
def test_a_citation_of_nothing_says_so(pages: dict[str, Page], language: str, query: str, says: str) -> None:
    found = search(pages[language], query)
    assert found["results"] == [] and says in found["missing"]


# -- across languages, bad queries ---------------------------------------------------------------------------------


def test_a_chinese_term_on_the_english_site_finds_english_articles(pages: dict[str, Page]) -> None:
    found = search(pages["en"], "数据要素")
    assert found["results"] and all(
        "/en/articles/" in r["url"] or "/en/draft/" in r["url"] or "/en/heilongjiang/" in r["url"] for r in found["results"]
    )
    assert "数据要素 → data factor" in found["note"]
    assert "data factor" in found["results"][0]["excerpt"].lower().replace("<mark>", "").replace("</mark>", "")


def test_an_english_rendering_on_the_chinese_site_finds_chinese_articles(pages: dict[str, Page]) -> None:
    found = search(pages["zh"], "smart city")
    assert found["results"] and "/en/" not in found["results"][0]["url"]
    assert "smart city → 智慧城市" in found["note"]


BAD = [
    "！！！。。。",
    "a" * 500,
    "<script>alert(1)</script>",
    '<img src=x onerror="window.injected=1">',
    ".*+?[](){}|\\^$",
    "\ud800",
    "数据\udc00安全",
]


@pytest.mark.parametrize(
    "query", BAD, ids=["punctuation", "500 characters", "script", "html", "regex", "lone surrogate", "surrogate inside"]
)
def test_bad_queries_give_a_sensible_result(browser: Browser, base_url: str, query: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "/")
    page.wait_for_load_state("load")
    found = search(page, query)
    assert isinstance(found["results"], list)
    box = page.locator("#site-search-query")
    box.click()
    box.fill(query)
    page.wait_for_timeout(600)
    assert page.evaluate("window.injected") is None and page.locator(".md-search-result script, .md-search-result img").count() == 0
    assert errors == []
    page.close()


# -- the box -------------------------------------------------------------------------------------------------------


def test_click_type_and_see_results_at_1280(browser: Browser, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/articles/5/")
    page.wait_for_load_state("load")
    box = page.locator("#site-search-query")
    box.click()
    box.press_sequentially("养老服务", delay=20)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    expect(first.locator("h1")).to_have_text(re.compile("^第四十条"))
    expect(first.locator("mark").first).to_contain_text("养老服务")
    page.screenshot(path=str(tmp_path / "search-zh.png"))
    box.press("ArrowDown")
    expect(first.locator("a")).to_be_focused()
    box.focus()
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"{re.escape(base_url)}/articles/40/(#p\d+)?$"))
    page.wait_for_load_state("load")
    page.keyboard.press("s")  # the shortcuts still open it
    expect(box).to_be_focused()
    box.press_sequentially("/x")  # in the box, / is a character
    expect(box).to_have_value("/x")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.close()


def test_a_click_outside_closes_the_results(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/en/")
    page.wait_for_load_state("load")
    page.locator("#site-search-query").click()
    page.locator("#site-search-query").press_sequentially("data")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.mouse.click(640, 700)
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(".md-search-result__item").first).not_to_be_visible()
    page.close()


def test_tap_and_type_at_390(browser: Browser, base_url: str, pipeline: Pipeline) -> None:
    caption = pipeline.annotations.captions["final/12"].en
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}/en/")
    page.wait_for_load_state("load")
    page.locator("label.md-header__button[for='__search']").tap()
    box = page.locator("#site-search-query")
    expect(box).to_be_visible()
    box.tap()
    box.press_sequentially("Article 12")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    expect(first.locator("h1")).to_have_text(f"Article 12 [{caption}]")
    expect(first.locator("a")).to_have_attribute("href", re.compile(r"/en/articles/12/$"))
    page.wait_for_function("document.documentElement.scrollWidth <= 390")
    context.close()


def test_narrowing_to_one_document_with_a_click(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/")
    page.wait_for_load_state("load")
    box = page.locator("#site-search-query")
    box.click()
    box.press_sequentially("数字经济")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.locator(".search-filter", has_text="征求意见稿全文").click()
    expect(page.locator(".search-filter", has_text="征求意见稿全文")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile(r"^/draft/\d+/"))
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(href.startswith("/draft/") for href in hrefs)
    expect(page.locator(".md-search-result__item").first.locator(".search-document")).to_have_text("征求意见稿全文")
    page.close()


@pytest.mark.parametrize(
    ("language", "query", "where", "says"),
    [
        ("en", "enter into force", "/en/articles/61/", "Synonym: come into force"),
        ("zh", "生效", "/articles/61/", "同义：施行"),
        ("en", "take effect", "/en/articles/61/", "Synonym: come into force"),
    ],
)
def test_synonyms_find_the_articles_that_use_another_expression(
    pages: dict[str, Page], language: str, query: str, where: str, says: str
) -> None:
    found = search(pages[language], query, 10)["results"]
    hit = next((result for result in found if path_of(result["url"]) == where), None)
    assert hit is not None, [r["url"] for r in found]
    assert hit["matched"] == says and "<mark>" in hit["excerpt"]


@pytest.mark.parametrize(
    ("language", "query", "says"),
    [("en", "fault tolerance and error correction", "Concept: fault tolerance and error correction"), ("zh", "容错纠错", "概念：容错纠错")],
)
def test_a_concept_finds_the_provision_it_names(pages: dict[str, Page], language: str, query: str, says: str) -> None:
    found = search(pages[language], query, 5)["results"]
    prefix = "/en" if language == "en" else ""
    assert "/heilongjiang/10/" in path_of(found[0]["url"])  # the text that uses the words, first
    hit = next(result for result in found if path_of(result["url"]) == f"{prefix}/articles/59/")
    assert hit["matched"] == says and (language == "en" or hit["url"].endswith("#p2"))
