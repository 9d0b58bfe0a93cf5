"""The article page in a real browser (Chromium through Playwright) at desktop and phone widths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, Page, expect

from generator.build import run_pipeline
from generator.render.columns import row_lines
from generator.render.site import Site
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def boxes(page: Page, row: int = 0) -> tuple[FloatRect, FloatRect]:
    draft = page.locator(".compare-row").nth(row).locator(".col-draft").bounding_box()
    final = page.locator(".compare-row").nth(row).locator(".col-final").bounding_box()
    assert draft is not None and final is not None
    return draft, final


def test_two_columns_side_by_side_at_1280(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/articles/36/")
    draft, final = boxes(page)
    assert draft["x"] + draft["width"] <= final["x"]  # draft left of final
    assert abs(draft["y"] - final["y"]) < 2  # rows level
    expect(page.locator(".compare-head")).to_be_visible()
    page.screenshot(path=str(tmp_path / "article-36-1280.png"), full_page=True)


def test_columns_stack_at_360_final_first(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{base_url}/articles/36/")
    draft, final = boxes(page)
    assert final["y"] + final["height"] <= draft["y"] + 1  # final above draft
    assert final["width"] > 300
    expect(page.locator(".compare-row").first.locator(".col-final .col-label")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing forces a horizontal scroll


def test_redline_toggle(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/36/")
    inserted = page.locator(".col-final ins").first
    deleted = page.locator(".col-draft del").first
    assert "underline" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    expect(deleted).to_be_visible()
    page.get_by_label("显示修改标记").uncheck()
    assert "none" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    expect(deleted).to_be_visible()  # the draft column reads as the draft's own text, whole, unmarked
    assert "none" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.goto(f"{base_url}/articles/37/")  # the choice is kept on the next page
    page.wait_for_load_state("load")
    expect(page.get_by_label("显示修改标记")).not_to_be_checked()
    page.get_by_label("显示修改标记").check()
    page.goto(f"{base_url}/articles/36/")
    page.wait_for_load_state("load")
    expect(page.get_by_label("显示修改标记")).to_be_checked()


def test_redline_toggle_works_from_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/36/")
    page.locator("#redline-toggle").focus()
    page.keyboard.press("Space")
    expect(page.locator("#redline-toggle")).not_to_be_checked()


def test_language_switch_keeps_the_article(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/12/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{base_url}/en/articles/12/")
    expect(page.locator("h1")).to_contain_text("Article 12")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="中文").click()
    expect(page).to_have_url(f"{base_url}/articles/12/")


def test_paragraph_permalink_scrolls_to_its_paragraph(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(f"{base_url}/articles/59/#p2-5")
    item = page.locator("#p2-5")
    expect(item).to_be_in_viewport()
    expect(item).to_contain_text("主动挽回损失")


def test_prev_next(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/12/")
    page.locator("a.next").click()
    expect(page).to_have_url(f"{base_url}/articles/13/")
    page.locator("a.prev").click()
    expect(page).to_have_url(f"{base_url}/articles/12/")


def test_the_page_reads_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/en/articles/36/")
    expect(page.locator(".compare:not(.compare--original) > .compare-row")).to_have_count(2)
    expect(page.locator(".col-final #p1")).to_contain_text("digital government")
    context.close()


def test_english_article_in_both_columns_with_redline_and_glossary(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/en/articles/59/")
    columns = page.locator(".compare:not(.compare--original) > .compare-row .para")
    assert columns.count() >= 3
    assert set(columns.evaluate_all("nodes => nodes.map(n => n.lang)")) == {"en"}
    expect(page.locator(".compare .col-draft del").first).to_be_visible()
    expect(page.locator(".compare .col-final ins").first).to_be_visible()
    expect(page.locator(".notice")).to_contain_text("Unofficial translation")
    original = page.locator("details.original")
    expect(original.locator("#zh-p1")).to_be_hidden()
    original.locator("summary").click()  # the Chinese original, one click away
    expect(original.locator("#zh-p1")).to_be_visible()
    expect(original.locator("#zh-p1")).to_contain_text("包容审慎监管")
    term = page.locator(".compare:not(.compare--original) .term").first
    tip = term.get_attribute("data-tip")
    assert tip and " · " in tip and ": " in tip  # "inclusive and prudent regulation · 包容审慎: A regulatory approach …"
    hidden = term.evaluate("e => getComputedStyle(e, '::after').content")
    term.hover()
    shown = term.evaluate("e => getComputedStyle(e, '::after').content")
    assert hidden in ("none", "normal", "") and tip in shown
    page.screenshot(path=str(tmp_path / "en-article-59-hover.png"))


def test_glossary_term_explains_itself_on_tap_in_chinese(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}/articles/59/")
    term = page.locator(".compare:not(.compare--original) .term").first
    term.tap()
    content = term.evaluate("e => getComputedStyle(e, '::after').content")
    assert "：" in content and term.get_attribute("data-tip") in content
    box = page.evaluate("document.documentElement.scrollWidth")
    assert box <= 360
    context.close()


def test_copy_citation_puts_the_citation_on_the_clipboard(browser: Browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/articles/5/")
    page.locator("details.cite summary").click()
    page.locator("details.cite button.copy").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == "《石家庄市数字经济促进条例》第五条"
    expect(page.locator("details.cite button.copy").first).to_have_text("已复制")
    page.locator("#p2 > button.copy--paragraph").click()  # the button beside paragraph 2's ¶ mark
    assert page.evaluate("navigator.clipboard.readText()") == "《石家庄市数字经济促进条例》第五条第二款"
    page.goto(f"{base_url}/en/articles/59/")
    page.locator("#p2-3 > button.copy--paragraph").click()
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == "Shijiazhuang Municipal Regulations on Promoting the Digital Economy, art. 59(2), item (3)"
    )
    context.close()


def test_cross_reference_and_backlink_land_on_their_paragraph(page: Page, base_url: str) -> None:
    """Follow a paragraph-level reference from a final article to a Heilongjiang paragraph, then the backlink
    there back to the paragraph it came from."""
    references = run_pipeline(ROOT).annotations.apparatus.references
    reference = next(r for r in references if r.target.document == "heilongjiang" and r.target.anchor and r.source.anchor)
    source, target = reference.source, reference.target
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(f"{base_url}/articles/{source.article}/")
    page.locator(f'.reference-list a[href="../../heilongjiang/{target.article}/#{target.anchor}"]').click()
    expect(page).to_have_url(f"{base_url}/heilongjiang/{target.article}/#{target.anchor}")
    expect(page.locator(f"#{target.anchor}")).to_be_in_viewport()
    page.locator(f'.backlink-list a[href="../../articles/{source.article}/#{source.anchor}"]').click()
    expect(page).to_have_url(f"{base_url}/articles/{source.article}/#{source.anchor}")
    expect(page.locator(f".col-final #{source.anchor}")).to_be_in_viewport()


# Each column's lines as a reader sees them: the ¶ permalinks and Copy buttons taken off first.
COLUMN_TEXTS = """() => {
  document.querySelectorAll('.compare:not(.compare--original) a.anchor, .compare:not(.compare--original) button').forEach(e => e.remove());
  return Array.from(document.querySelectorAll('.compare:not(.compare--original) .compare-row')).map(row =>
    ['.col-draft', '.col-final'].map(side => Array.from(row.querySelectorAll(side + ' p:not(.absent)')).map(p => p.innerText)));
}"""


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_column_shows_its_own_text_whole_with_marks_on_and_off(browser: Browser, base_url: str, language: str) -> None:
    """Over every row of every final article's comparison: with marks off, each column's visible text is that
    document's text exactly; with marks on too (each column holds only its own side's marks)."""
    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    draft, final = site.documents["draft"], site.documents["final"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    prefix = "/en" if language == "en" else ""
    wrong = []
    for marks in (False, True):
        page.goto(f"{base_url}{prefix}/articles/1/")
        page.wait_for_load_state("load")
        page.locator("#redline-toggle").set_checked(marks)  # kept for the pages after (redline.js)
        for article in final.articles:
            page.goto(f"{base_url}{prefix}/articles/{article.number}/")
            page.wait_for_load_state("load")
            assert page.locator("#redline-toggle").is_checked() == marks
            shown = page.evaluate(COLUMN_TEXTS)
            expected = [
                [[line.marker + line.text for line in lines] for lines in (draft_lines, final_lines)]
                for draft_lines, final_lines in row_lines(
                    article, site.alignment.for_final(article.number), draft, final, site.english(language)
                )
            ]
            if [[[" ".join(t.split()) for t in side] for side in row] for row in shown] != [
                [[" ".join(t.split()) for t in side] for side in row] for row in expected
            ]:
                wrong.append((marks, article.number))
    page.close()
    assert wrong == []


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_home_page_has_the_navigation_of_every_section(browser: Browser, base_url: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + path)
    links = page.locator(".md-sidebar--primary .md-nav__link").filter(visible=True)
    expect(links.first).to_be_visible()
    hrefs = set(links.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    for section in ("articles/", "draft/", "heilongjiang/", "chapters/", "concordance/", "glossary/", "sources/", "whats-new/", "about/"):
        assert any(href and href.rstrip("/").endswith(section.rstrip("/")) for href in hrefs), (section, hrefs)
    page.close()
