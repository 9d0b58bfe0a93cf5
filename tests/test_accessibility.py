"""Accessibility and reading conditions in Chromium: axe on every page type (no serious or critical
violation), the layout at 1280, 768 and 360 px, dark mode, print, and reading without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "/",  # home
    "/articles/",  # whole final text
    "/articles/59/",  # final article: comparison, notes, references, glossary terms
    "/en/articles/36/",  # English final article, with the Chinese original
    "/draft/40/",  # deleted draft article
    "/en/heilongjiang/63/",  # Heilongjiang article with a backlink
    "/chapters/6/",
    "/compare/6/",  # a chapter's articles compared, deleted draft articles in their place
    "/en/compare/",  # the whole document compared
    "/concordance/",  # flow diagram and table
    "/laws/data-security-law/",  # a national law's cited provisions and what cites them
    "/changes/",  # the key changes by theme and every change by kind
    "/en/heilongjiang/",  # a whole text with chapter notes
    "/en/laws/",
    "/en/glossary/",
    "/en/sources/",
    "/whats-new/",
    "/en/about/",
]


def serious(page: Page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGE_TYPES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser: Browser, base_url: str, path: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(base_url + path)
    assert serious(page) == []
    page.close()


@pytest.mark.parametrize("path", ["/articles/49/", "/en/draft/60/"])
def test_the_parallel_view_and_the_copy_menu_are_accessible(browser: Browser, base_url: str, path: str) -> None:
    page = browser.new_page()
    page.goto(base_url + path)
    page.locator('label[for="view-parallel"]').click()
    expect(page.locator(".parallel")).to_be_visible()
    assert serious(page) == []
    page.locator('label[for="view-main"]').click()
    page.locator("button.copy--paragraph").first.click()
    expect(page.locator(".copy-menu").first).to_be_visible()
    assert serious(page) == []
    page.close()


def test_search_dialog_is_accessible_when_open(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{base_url}/articles/12/")
    page.keyboard.press("/")
    page.locator("#site-search-query").fill("数据")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert serious(page) == []
    page.close()


@pytest.mark.parametrize(("width", "side_by_side"), [(1280, True), (768, True), (360, False)])
def test_layout_at_each_width(browser: Browser, base_url: str, tmp_path: Path, width: int, side_by_side: bool) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{base_url}/en/articles/59/")
    draft = page.locator(".compare > .compare-row").first.locator(".col-draft").bounding_box()
    final = page.locator(".compare > .compare-row").first.locator(".col-final").bounding_box()
    assert draft and final
    if side_by_side:
        assert draft["x"] + draft["width"] <= final["x"] + 1 and abs(draft["y"] - final["y"]) < 2
    else:
        assert final["y"] + final["height"] <= draft["y"] + 1  # stacked, final first
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(tmp_path / f"article-{width}.png"), full_page=True)
    page.close()


def test_dark_mode_is_readable(browser: Browser, base_url: str) -> None:
    page = browser.new_page(color_scheme="dark")
    page.goto(f"{base_url}/articles/59/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    colours = page.locator(".col-final ins").first.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine]")
    assert "underline" in colours[1]
    page.close()


def test_print_keeps_both_columns_and_the_redline(browser: Browser, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/articles/59/")
    page.emulate_media(media="print")
    draft = page.locator(".compare > .compare-row").first.locator(".col-draft")
    final = page.locator(".compare > .compare-row").first.locator(".col-final")
    expect(draft).to_be_visible()
    expect(final).to_be_visible()
    assert "line-through" in page.locator(".col-draft del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in page.locator(".col-final ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    expect(page.locator(".md-header")).to_be_hidden()  # no screen furniture on paper
    expect(page.locator("details.cite")).to_be_hidden()
    page.pdf(path=str(tmp_path / "article-59.pdf"))
    page.close()


def test_an_article_reads_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/en/articles/38/")
    expect(page.locator(".compare > .compare-row .col-draft .para").first).to_be_visible()
    expect(page.locator(".compare > .compare-row .col-final .para").first).to_be_visible()
    expect(page.locator(".notes .note").first).to_be_visible()
    expect(page.locator(".references")).to_contain_text("Heilongjiang Draft Article 63")
    context.close()


@pytest.mark.parametrize(
    "path",
    ["/articles/59/", "/en/articles/59/", "/en/draft/60/", "/chapters/6/", "/compare/6/", "/concordance/", "/en/laws/data-security-law/"],
)
def test_touch_targets_are_at_least_24_px_on_a_phone(browser: Browser, base_url: str, path: str) -> None:
    """WCAG 2.5.8: links and controls that stand on their own (breadcrumb, copy buttons, the redline toggle's
    label, the view switch, the paragraph numbers, the concordance table's links) are at least 24 × 24 px; links
    inside a sentence are exempt, and so, for now, are the flow diagram's article numbers (its rows are 15 px apart)."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    small = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '.breadcrumb a, button.copy, .redline-toggle + label, .view-switch label, a.num, .about-text summary, .table-filter label, '
            + '.law-text summary, .change-kinds summary, '
            + '.md-typeset table:not([class]) td a'))
          .filter(e => e.offsetParent !== null)
          .map(e => [e.textContent.trim(), e.getBoundingClientRect().width, e.getBoundingClientRect().height])
          .filter(([, w, h]) => w < 24 || h < 24)"""
    )
    assert small == []
    context.close()


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_home_page_controls_are_24_px_targets_at_390_px(browser: Browser, base_url: str, path: str) -> None:
    """axe's target-size rule (WCAG 2.2 AA, 2.5.8) on a phone: the relation bar's smallest segments included."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    violations = Axe().run(page, options={"runOnly": ["target-size"]}).response["violations"]
    assert [node["target"] for violation in violations for node in violation["nodes"]] == []
    context.close()
